// SPDX-License-Identifier: Apache-2.0
package dev.cairn.internal.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.cairn.internal.dialect.Dialect;
import dev.cairn.internal.sql.Statement;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link StatementRunner} on SQLite and H2 in memory: it runs statements in order (or, through a
 * cursor, the ones its caller gives it with their index), and turns a failing statement into a
 * {@link StatementFailedException} with the statement's index, the file line the database blames and
 * the database's own message. A table of failures pins the line: the statement's first line, or,
 * where H2 marks the error with {@code [*]} in a multi-line statement, the line of the mark.
 */
class StatementRunnerTest {

    private static final String SQLITE = "jdbc:sqlite::memory:";
    private static final String H2 = "jdbc:h2:mem:";

    private final List<Connection> connections = new ArrayList<>();

    @AfterEach
    void closeConnections() throws SQLException {
        for (Connection connection : connections) {
            connection.close();
        }
    }

    private StatementRunner runner(String url) throws SQLException {
        Connection connection = DriverManager.getConnection(url);
        connections.add(connection);
        return new StatementRunner(connection, Dialect.forUrl(url));
    }

    private int count(String table) throws SQLException {
        return number("SELECT count(*) FROM " + table);
    }

    private int max(String table) throws SQLException {
        return number("SELECT max(n) FROM " + table);
    }

    private int number(String query) throws SQLException {
        try (java.sql.Statement statement = connections.get(0).createStatement();
                ResultSet result = statement.executeQuery(query)) {
            result.next();
            return result.getInt(1);
        }
    }

    @Test
    void runsTheStatementsInOrder() throws Exception {
        StatementRunner runner = runner(SQLITE);
        runner.execute("CREATE TABLE t (n int)");

        runner.run(List.of(
                new Statement("INSERT INTO t VALUES (1)", 2),
                new Statement("INSERT INTO t SELECT max(n) * 10 FROM t", 3),
                new Statement("INSERT INTO t SELECT max(n) + 1 FROM t", 4)));

        assertThat(count("t")).isEqualTo(3);
        assertThat(max("t")).as("each statement saw the ones before it").isEqualTo(11);
    }

    @Test
    void aCursorRunsTheStatementsItIsGivenWithTheirIndex() throws Exception {
        StatementRunner runner = runner(SQLITE);
        runner.execute("CREATE TABLE t (n int)");
        List<Statement> section = List.of(
                new Statement("CREATE TABLE t (n int)", 2), // ran on an earlier run; would fail now
                new Statement("INSERT INTO t VALUES (1)", 3),
                new Statement("INSERT INTO nowhere VALUES (2)", 4));

        try (StatementRunner.Cursor cursor = runner.cursor()) {
            cursor.run(section.get(1), 1);
            StatementFailedException e =
                    catchThrowableOfType(StatementFailedException.class, () -> cursor.run(section.get(2), 2));
            assertThat(e.index()).isEqualTo(2);
            assertThat(e.line()).isEqualTo(4);
        }
        assertThat(count("t")).isEqualTo(1);
    }

    @Test
    void aFailingStatementStopsTheRunAndSaysWhichWhereAndWhy() throws SQLException {
        StatementRunner runner = runner(SQLITE);

        StatementFailedException e = catchThrowableOfType(
                StatementFailedException.class,
                () -> runner.run(List.of(
                        new Statement("CREATE TABLE t (n int)", 3),
                        new Statement("INSERT INTO nowhere VALUES (1)", 5),
                        new Statement("INSERT INTO t VALUES (1)", 7))));

        assertThat(e.index()).isEqualTo(1);
        assertThat(e.line()).isEqualTo(5);
        assertThat(e.databaseMessage())
                .isEqualTo("[SQLITE_ERROR] SQL error or missing database (no such table: nowhere)");
        assertThat(e).hasMessage(e.databaseMessage());
        assertThat(e).hasCauseInstanceOf(SQLException.class);
        assertThat(e.sqlState()).isEqualTo(((SQLException) e.getCause()).getSQLState());
        assertThat(count("t")).isZero(); // the statement before it ran; the one after it did not
    }

    static Stream<Arguments> failures() {
        return Stream.of(
                Arguments.of(
                        "H2 marks a syntax error: the line of the mark",
                        H2,
                        "CREATE TABLE t (\n  id int,\n  name varchar(10) NOT NULL DEFAULTX 'a'\n)",
                        12,
                        "Syntax error in SQL statement \"CREATE TABLE t (   id int,   name varchar(10) NOT NULL"
                                + " [*]DEFAULTX 'a' )\"; expected \"DEFAULT, "),
                Arguments.of(
                        "H2 marks the first line: the statement's line",
                        H2,
                        "CREATEX TABLE t (\n  id int\n)",
                        10,
                        "Syntax error in SQL statement \"[*]CREATEX TABLE t (   id int )\""),
                Arguments.of(
                        "H2 names no place: the statement's line",
                        H2,
                        "SELECT 1\nFROM dual\nWHERE nosuchcol = 1",
                        10,
                        "Column \"NOSUCHCOL\" not found"),
                Arguments.of(
                        "SQLite names no place: the statement's line",
                        SQLITE,
                        "CREATE TABLE t (\n  id int,\n  name text NOT NULL DEFAULTX 'a'\n)",
                        10,
                        "[SQLITE_ERROR] SQL error or missing database (near \"DEFAULTX\": syntax error)"),
                Arguments.of(
                        "SQLite, a missing table",
                        SQLITE,
                        "INSERT INTO nowhere\nVALUES (1)",
                        10,
                        "[SQLITE_ERROR] SQL error or missing database (no such table: nowhere)"));
    }

    /** The statement starts on line 10 of its file; H2's message loses the "; SQL statement:" tail. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("failures")
    void theLineIsTheOneTheDatabaseBlames(String situation, String url, String sql, int line, String message)
            throws SQLException {
        StatementRunner runner = runner(url);

        StatementFailedException e =
                catchThrowableOfType(StatementFailedException.class, () -> runner.run(List.of(new Statement(sql, 10))));

        assertThat(e.index()).isZero();
        assertThat(e.line()).isEqualTo(line);
        assertThat(e.databaseMessage())
                .startsWith(message)
                .doesNotContain("SQL statement:")
                .doesNotContain("\\000a")
                .doesNotContain("\n");
    }

    @Test
    void h2sSqlStateComesWithTheFailure() throws SQLException {
        StatementRunner runner = runner(H2);
        runner.execute("CREATE TABLE t (n int)"); // in an empty database H2 says so, with another state

        StatementFailedException e = catchThrowableOfType(
                StatementFailedException.class,
                () -> runner.run(List.of(new Statement("INSERT INTO nowhere VALUES (1)", 4))));

        assertThat(e.sqlState()).isEqualTo("42S02");
        assertThat(e.databaseMessage()).isEqualTo("Table \"NOWHERE\" not found");
    }
}
