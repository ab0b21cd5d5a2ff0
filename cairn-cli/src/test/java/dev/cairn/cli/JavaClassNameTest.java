// SPDX-License-Identifier: Apache-2.0
package dev.cairn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.testing.JavaBuild;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the command line reads a Java migration's class name, in-process. */
class JavaClassNameTest {

    @TempDir
    Path directory;

    /**
     * Java allows letters of any script in a class name, and SQL migration names keep them ({@code make
     * größe} writes {@code …_größe.sql}): {@code V20260102000000__größe} is the migration
     * {@code 20260102000000_größe}. ({@code make --java} writes ASCII names all the same.)
     */
    @Test
    void aClassNameWithLettersOfAnyScriptGivesItsVersion() throws IOException {
        Cli cli = ClasspathCliIT.project(directory);
        JavaBuild.compile(
                Files.createDirectories(directory.resolve("classes")),
                Map.of(
                        "db.migrations.V20260102000000__größe",
                        ClasspathCliIT.ADMINS_SOURCE.replace("V20260102000000__add_admins", "V20260102000000__größe")));

        Cli.Run migrate = cli.run("--classpath", "classes", "migrate");

        migrate.exits(0);
        assertThat(cli.database().history()).contains("20260102000000_größe@1");
    }
}
