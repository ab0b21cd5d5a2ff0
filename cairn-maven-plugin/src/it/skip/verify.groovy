// SPDX-License-Identifier: Apache-2.0
import dev.cairn.maven.SampleDatabases

String log = SampleDatabases.log(basedir)
assert log.count("[INFO] Skipping Cairn (cairn.skip is set).") == 3
assert log.contains("BUILD SUCCESS")
assert !new File(basedir, "app.sqlite3").exists()
return true
