// SPDX-License-Identifier: Apache-2.0
package dev.cairn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What reaches the terminal in human output, on SQLite: text from files never acts on the terminal,
 * wide letters keep tables aligned, and colour comes only when asked for or on a terminal.
 */
class TerminalOutputTest {

    private static final char ESC = '\u001b';
    // A name that would clear the screen, and a description that would set the window title.
    private static final String EVIL = "20260101000000_evil\u001b[2J";
    private static final String EVIL_SHOWN = "20260101000000_evil\\x1b[2J";

    @TempDir
    Path directory;

    private Cli withEvilFile() {
        return new Cli(directory)
                .withSqliteConfig()
                .migration(
                        EVIL,
                        String.join(
                                "\n",
                                "-- Renames \u001b]0;owned\u0007 the title.",
                                "-- migrate:up",
                                "CREATE TABLE t (x TEXT DEFAULT 'a\u001b[8m');",
                                "-- migrate:down",
                                "DROP TABLE t;",
                                ""));
    }

    private static void escaped(String output) {
        assertThat(output).doesNotContain(String.valueOf(ESC)).doesNotContain("\u0007");
    }

    @Test
    void controlCharactersInNamesDescriptionsAndSqlAreShownEscaped() {
        Cli cli = withEvilFile();

        Cli.Run dryRun = cli.run("migrate", "--dry-run").succeeds();
        escaped(dryRun.out());
        assertThat(dryRun.out())
                .contains("-- " + EVIL_SHOWN + " (up) ")
                .contains("CREATE TABLE t (x TEXT DEFAULT 'a\\x1b[8m');");

        Cli.Run migrate = cli.run("migrate").succeeds();
        escaped(migrate.out());
        assertThat(migrate.out()).contains("  up    " + EVIL_SHOWN + " ...");

        Cli.Run status = cli.run("status", "-v").succeeds();
        escaped(status.out());
        assertThat(status.out()).contains(EVIL_SHOWN + "  applied", "Renames \\x1b]0;owned\\x07 the title.");
    }

    @Test
    void errorsOnStderrAreEscapedToo() {
        Cli cli = withEvilFile().migration("20260102000000_no\u001b[31mmarker", "CREATE TABLE u (id INTEGER);\n");

        Cli.Run run = cli.run("validate").exits(1);

        escaped(run.err());
        assertThat(run.err()).startsWith("error: ").contains("20260102000000_no\\x1b[31mmarker.sql");
    }

    @Test
    void jsonEscapesThemByItsRulesAndKeepsTheTextExact() {
        Cli.Run run = withEvilFile().run("--json", "status").succeeds();

        escaped(run.out());
        assertThat(run.out()).contains("evil\\u001B[2J");
        JsonNode migration = run.json().get("migrations").get(0);
        assertThat(migration.get("name").asText()).isEqualTo(EVIL);
        assertThat(migration.get("description").asText()).contains("\u001b]0;owned\u0007");
    }

    @Test
    void jsonEscapesC1AndBidirectionalControlsThatJsonWouldLeave() {
        Cli cli = new Cli(directory)
                .withSqliteConfig()
                .migration("20260101000000_csi\u009b31m_rlo\u202etxt", "-- migrate:up\n-- migrate:down\n");

        Cli.Run run = cli.run("--json", "status").succeeds();

        assertThat(run.out()).doesNotContain("\u009b").doesNotContain("\u202e").contains("\\u009b", "\\u202e");
        assertThat(run.json().at("/migrations/0/name").asText()).isEqualTo("20260101000000_csi\u009b31m_rlo\u202etxt");
        assertThat(cli.run("status").succeeds().out()).contains("20260101000000_csi\\x9b31m_rlo\\u202etxt");
    }

    @Test
    void wideLettersKeepTheStatusTableAndProgressAligned() {
        Cli cli = new Cli(directory)
                .withSqliteConfig()
                .migration("20260101000000_表を作る", "-- migrate:up\nCREATE TABLE a (id INTEGER);\n-- migrate:down\n")
                .migration("20260102000000_add_🚀_column", "-- migrate:up\n-- migrate:down\n")
                .migration("20260103000000_create_users_table", "-- migrate:up\n-- migrate:down\n");

        List<String> progress = cli.run("migrate", "--to", "20260102000000")
                .succeeds()
                .out()
                .lines()
                .filter(line -> line.startsWith("  up "))
                .toList();
        assertThat(progress).hasSize(2);
        assertThat(progress)
                .extracting(line -> Terminal.width(line.substring(0, line.lastIndexOf(" ms") - 4)))
                .containsOnly(Terminal.width(
                        progress.get(0).substring(0, progress.get(0).lastIndexOf(" ms") - 4)));

        List<String> rows = cli.run("status")
                .succeeds()
                .out()
                .lines()
                .filter(line -> line.startsWith("Batch") || line.contains("_"))
                .toList();
        assertThat(rows).hasSize(4);
        // The State column starts at the same terminal column on every row.
        assertThat(rows)
                .extracting(line -> Terminal.width(line.substring(0, line.lastIndexOf(' ') + 1)))
                .containsOnly(
                        Terminal.width(rows.get(0).substring(0, rows.get(0).lastIndexOf(' ') + 1)));
    }

    private Cli withFailingMigration() {
        return new Cli(directory)
                .withSqliteConfig()
                .migration("20260101000000_bad", "-- migrate:up\nCREATE TABLEX bad (id INTEGER);\n-- migrate:down\n");
    }

    @Test
    void noColourWhereTheOutputIsNotATerminal() {
        Cli.Run run = withFailingMigration().run("migrate").exits(1);

        assertThat(run.out()).contains("FAILED").doesNotContain(String.valueOf(ESC));
        assertThat(run.err()).startsWith("error: ").doesNotContain(String.valueOf(ESC));
        assertThat(new Cli(directory).run("--help").succeeds().out()).doesNotContain(String.valueOf(ESC));
    }

    @Test
    void colourWhenAskedForFailuresErrorsAndHelp() {
        Cli cli = withFailingMigration();

        Cli.Run run = cli.run("migrate", "--color=always").exits(1);

        assertThat(run.out()).contains(ESC + "[1;31mFAILED" + ESC + "[0m");
        assertThat(run.err()).startsWith(ESC + "[1;31merror:" + ESC + "[0m ");
        assertThat(cli.run("--color", "always", "--help").succeeds().out()).contains(String.valueOf(ESC));
        // --no-color wins, wherever it is.
        Cli.Run plain = cli.run("--no-color", "migrate", "--color=always").exits(1);
        assertThat(plain.out() + plain.err()).doesNotContain(String.valueOf(ESC));
        Cli.Run usage = cli.run("--color=always", "--no-color", "--bogus");
        assertThat(usage.err()).startsWith("error: Unknown option");
    }

    @Test
    void verdictsAreColouredByHowGoodTheyAre() {
        Cli cli = Project.addIrreversible(Project.create(directory));

        Cli.Run run = cli.run("verify", "--color=always").succeeds();

        assertThat(run.out())
                .contains("  " + ESC + "[32mreversible" + ESC + "[0m       " + Project.USERS)
                .contains("  " + ESC + "[1;31mirreversible" + ESC + "[0m     " + Project.LEGACY);
    }

    @Test
    void aBadColourValueIsAUsageError() {
        Cli.Run run = new Cli(directory).run("--color=sometimes", "status").exits(2);

        assertThat(run.err()).contains("--color", "auto, always or never");
    }
}
