// SPDX-License-Identifier: Apache-2.0
package dev.cairn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Placeholders from cairn.yml in a migration, on SQLite through the command line. */
class PlaceholdersCommandTest {

    @TempDir
    Path directory;

    @Test
    void aPlaceholderOfTheFileIsPutInAndAnUnknownOneIsRefusedAtItsLine() {
        Cli cli = new Cli(directory)
                .write(
                        "cairn.yml",
                        String.join(
                                "\n",
                                "migrations:",
                                "  placeholders:",
                                "    prefix: acme",
                                "environments:",
                                "  development:",
                                "    url: jdbc:sqlite:dev.sqlite3",
                                ""))
                .migration(
                        "1_things",
                        "-- migrate:up\nCREATE TABLE ${prefix}_things (id INTEGER PRIMARY KEY, note TEXT DEFAULT"
                                + " '$${prefix}');\n-- migrate:down\nDROP TABLE ${prefix}_things;\n");

        assertThat(cli.run("migrate", "--dry-run").succeeds().out())
                .contains("CREATE TABLE acme_things (id INTEGER PRIMARY KEY, note TEXT DEFAULT '${prefix}');");
        cli.run("migrate").succeeds();
        assertThat(cli.database().tables()).contains("acme_things");
        assertThat(cli.run("status").succeeds().out())
                .contains("1 applied, 0 pending")
                .doesNotContain("Problems");

        cli.migration("2_more", "-- migrate:up\nSELECT 1;\n\nCREATE TABLE ${tenant} (id INTEGER);\n");
        Cli.Run refused = cli.run("migrate").exits(1);
        assertThat(refused.err())
                .contains("2_more.sql:4")
                .contains("uses the placeholder ${tenant}, which has no value here: the placeholders are ${prefix}");
        assertThat(cli.database().tables()).doesNotContain("tenant");
    }
}
