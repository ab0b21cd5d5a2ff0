// SPDX-License-Identifier: Apache-2.0
package dev.cairn.internal.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.internal.sql.Statement;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TableEffectsTest {

    @TempDir
    Path directory;

    /** Statements on lines 1, 2, ... with what {@link TableEffects#of} makes of them, as {@code table=+/-@n}. */
    private static List<String> effects(String... sql) {
        List<Statement> statements = new ArrayList<>();
        for (int i = 0; i < sql.length; i++) {
            statements.add(new Statement(sql[i], i + 1));
        }
        return TableEffects.of(statements).stream()
                .map(e -> e.table() + (e.quoted() ? "(quoted)" : "") + (e.exists() ? "=+" : "=-") + "@" + e.number())
                .toList();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "CREATE TABLE users (id int)|users=+@1",
                "create table if not exists Users(id int)|Users=+@1",
                "CREATE UNLOGGED TABLE log (id int)|log=+@1",
                "CREATE TABLE \"Mixed\"\"Case\" (id int)|Mixed\"Case(quoted)=+@1",
                "CREATE TABLE `tick` (id int)|tick(quoted)=+@1",
                "CREATE TABLE copy AS SELECT * FROM users|copy=+@1",
                "DROP TABLE users|users=-@1",
                "DROP TABLE IF EXISTS a, b CASCADE|a=-@1,b=-@1",
            })
    void plainCreatesAndDropsSayWhatIsLeft(String sql, String expected) {
        assertThat(effects(sql)).containsExactly(expected.split(","));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "CREATE TEMPORARY TABLE scratch (id int)",
                "CREATE GLOBAL TEMPORARY TABLE scratch (id int)",
                "CREATE TABLE app.users (id int)",
                "CREATE TABLE \"app\".\"users\" (id int)",
                "CREATE VIEW v AS SELECT 1",
                "CREATE INDEX users_email ON users (email)",
                "INSERT INTO users VALUES (1)",
                "DO $$ BEGIN CREATE TABLE t (id int); END $$",
            })
    void whatIsNotCertainIsLeftOut(String sql) {
        assertThat(effects(sql)).isEmpty();
    }

    @Test
    void theLastStatementAboutATableCountsAndARenameMakesItUncertain() {
        assertThat(effects("CREATE TABLE t (id int)", "DROP TABLE t", "CREATE TABLE T (id int)"))
                .containsExactly("T=+@3");
        assertThat(effects("CREATE TABLE a (id int)", "ALTER TABLE a RENAME TO b"))
                .isEmpty();
        assertThat(effects("CREATE TABLE a (id int)", "CREATE TABLE c (id int)", "RENAME TABLE a TO b, c TO d"))
                .isEmpty();
        assertThat(effects("CREATE TABLE a (id int)", "ALTER TABLE a SET SCHEMA archive"))
                .isEmpty();
        assertThat(effects("CREATE TABLE a (id int)", "DROP TABLE app.a")).isEmpty();
        assertThat(effects("CREATE TABLE a (x int)", "ALTER TABLE a RENAME COLUMN x TO y"))
                .containsExactly("a=+@1");
    }

    @Test
    void theDatabaseContradictsAMissingCreatedTableAndAStillPresentDroppedOne() throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + directory.resolve("t.sqlite3"))) {
            connection.createStatement().execute("CREATE TABLE present (id integer)");
            List<TableEffects.Expectation> expectations = TableEffects.of(List.of(
                    new Statement("CREATE TABLE PRESENT (id integer)", 2),
                    new Statement("CREATE TABLE missing (id integer)", 3),
                    new Statement("DROP TABLE gone", 4),
                    new Statement("DROP TABLE present_too", 5),
                    new Statement("CREATE TABLE present_too (id integer)", 6)));

            assertThat(TableEffects.contradictions(connection, expectations))
                    .containsExactly(
                            "statement 2 (line 3) creates table missing, but the database has no table missing",
                            "statement 5 (line 6) creates table present_too, but the database has no table"
                                    + " present_too");

            connection.createStatement().execute("CREATE TABLE gone (id integer)");
            assertThat(TableEffects.contradictions(
                            connection, TableEffects.of(List.of(new Statement("DROP TABLE gone", 7)))))
                    .containsExactly("statement 1 (line 7) drops table gone, but table gone is still there");
        }
    }
}
