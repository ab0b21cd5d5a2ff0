@rem SPDX-License-Identifier: Apache-2.0
@rem Runs the cairn command line on Windows: lib\cairn.jar of this installation with the JVM options
@rem of conf\jvm.options and then CAIRN_JAVA_OPTS, on the java of JAVA_HOME, else the one on the PATH
@rem (a JDK 17 or later). Kept simple: no start-up cache (bin/cairn has one). This project's tests run
@rem on Linux, so this file has not been run by them.
@echo off
setlocal EnableDelayedExpansion
set "CAIRN_HOME=%~dp0.."
rem !JAVA_HOME!, not %JAVA_HOME%, inside the blocks: a ")" in "Program Files (x86)" would end them.
if defined JAVA_HOME (
    set "CAIRN_JAVA=!JAVA_HOME!\bin\java.exe"
    if not exist "!CAIRN_JAVA!" (
        echo cairn: JAVA_HOME is !JAVA_HOME!, but it has no bin\java.exe; set JAVA_HOME to a JDK 17 or later. 1>&2
        exit /b 2
    )
) else (
    set "CAIRN_JAVA=java.exe"
    where /q java.exe || (
        echo cairn: no java on the PATH; install a JDK 17 or later, or set JAVA_HOME to one. 1>&2
        exit /b 2
    )
)
set "CAIRN_OPTIONS="
for /f "usebackq eol=# delims=" %%o in ("%CAIRN_HOME%\conf\jvm.options") do set "CAIRN_OPTIONS=!CAIRN_OPTIONS! %%o"
rem Without delayed expansion from here: a ! in an argument stays a !.
setlocal DisableDelayedExpansion
"%CAIRN_JAVA%" %CAIRN_OPTIONS% %CAIRN_JAVA_OPTS% -jar "%CAIRN_HOME%\lib\cairn.jar" %*
exit /b %ERRORLEVEL%
