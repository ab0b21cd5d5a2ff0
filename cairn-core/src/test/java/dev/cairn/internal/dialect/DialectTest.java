// SPDX-License-Identifier: Apache-2.0
package dev.cairn.internal.dialect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.ConfigurationException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What each dialect reads from URLs, product names and the databases' error messages. The messages
 * are the ones MariaDB 10.11 and H2 2.4 really send (seen in the integration tests), kept here so
 * that each rule can be checked on its own.
 */
class DialectTest {

    @TempDir
    Path directory;

    @ParameterizedTest
    @CsvSource({
        "jdbc:postgresql://db/app, PostgreSQL",
        "jdbc:mysql://db/app, MySQL/MariaDB",
        "jdbc:mariadb://db/app, MySQL/MariaDB",
        "jdbc:sqlite:dev.db, SQLite",
        "jdbc:h2:mem:x, H2",
        "JDBC:H2:./dev, H2"
    })
    void theUrlNamesTheDialect(String url, String dialect) {
        assertThat(Dialect.forUrl(url).name()).isEqualTo(dialect);
    }

    @ParameterizedTest
    @CsvSource({"PostgreSQL, PostgreSQL", "MySQL, MySQL/MariaDB", "MariaDB, MySQL/MariaDB", "SQLite, SQLite", "H2, H2"})
    void theProductNamesTheDialect(String product, String dialect) {
        assertThat(Dialect.forProduct(product).name()).isEqualTo(dialect);
    }

    @Test
    void anUnknownDatabaseListsTheSupportedOnes() {
        assertThatThrownBy(() -> Dialect.forUrl("jdbc:oracle:thin:@db:1521/app"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("'oracle'")
                .hasMessageContaining("MySQL and MariaDB (jdbc:mysql:, jdbc:mariadb:)")
                .hasMessageContaining("H2 (jdbc:h2:)");
    }

    @Test
    void mysqlSaysTheLineWithinTheStatementAndItsConnectionIdIsDropped() {
        SQLException syntax = new SQLException(
                "(conn=8) You have an error in your SQL syntax; check the manual that"
                        + " corresponds to your MariaDB server version for the right syntax to use near 'SELEC 2\n, 3'"
                        + " at"
                        + " line 2",
                "42000",
                1064);

        assertThat(MysqlDialect.INSTANCE.errorLineOffset(syntax, "SELECT 1;\nSELEC 2\n, 3"))
                .isEqualTo(1);
        assertThat(MysqlDialect.INSTANCE.message(syntax)).startsWith("You have an error in your SQL syntax");
        SQLException other = new SQLException("(conn=8) Unknown database 'nodb'", "42000", 1049);
        assertThat(MysqlDialect.INSTANCE.errorLineOffset(other, "CREATE TABLE nodb.x (id int)"))
                .isZero();
        assertThat(MysqlDialect.INSTANCE.message(other)).isEqualTo("Unknown database 'nodb'");
    }

    @Test
    void h2MarksTheErrorInTheStatementItQuotesBackAndCairnDropsTheQuote() {
        SQLException syntax = new SQLException(
                "Syntax error in SQL statement \"CREATE TABLE u (\\000a  id int,\\000a"
                        + "  name varchar(10) NOT NULL DEFAULT 'x' 'y' [*]bogus\\000a)\"; expected \"[, ., ::\"; SQL"
                        + " statement:\nCREATE TABLE u (\n  id int,\n  name varchar(10) NOT NULL DEFAULT 'x' 'y'"
                        + " bogus\n)"
                        + " [42001-240]",
                "42001",
                42001);

        assertThat(H2Dialect.INSTANCE.errorLineOffset(syntax, "")).isEqualTo(2);
        assertThat(H2Dialect.INSTANCE.message(syntax))
                .startsWith("Syntax error in SQL statement \"CREATE TABLE u (")
                .doesNotContain("\\000a")
                .doesNotContain("SQL statement:")
                .doesNotContain("[42001-240]");
        SQLException exists = new SQLException(
                "Table \"T\" already exists; SQL statement:\ncreate table t(id int) [42101-240]", "42S01", 42101);
        assertThat(H2Dialect.INSTANCE.errorLineOffset(exists, "create table t(id int)"))
                .isZero();
        assertThat(H2Dialect.INSTANCE.message(exists)).isEqualTo("Table \"T\" already exists");
    }

    @Test
    void anH2FileThatDoesNotExistIsMissingSoReadingDoesNotCreateIt() throws IOException {
        Path dev = directory.resolve("dev");

        assertThat(H2Dialect.INSTANCE.isMissing("jdbc:h2:file:" + dev)).isTrue();
        assertThat(H2Dialect.INSTANCE.isMissing("jdbc:h2:" + dev + ";MODE=MySQL"))
                .isTrue();
        Files.createFile(directory.resolve("dev.mv.db"));
        assertThat(H2Dialect.INSTANCE.isMissing("jdbc:h2:file:" + dev)).isFalse();
        assertThat(H2Dialect.INSTANCE.isMissing("jdbc:h2:" + dev + ";MODE=MySQL"))
                .isFalse();
        // Memory and servers are never "missing": only a file can be told apart without opening it.
        assertThat(H2Dialect.INSTANCE.isMissing("jdbc:h2:mem:x")).isFalse();
        assertThat(H2Dialect.INSTANCE.isMissing("jdbc:h2:tcp://db:9092/./dev")).isFalse();
    }
}
