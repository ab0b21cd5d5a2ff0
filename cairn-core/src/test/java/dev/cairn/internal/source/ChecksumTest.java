// SPDX-License-Identifier: Apache-2.0
package dev.cairn.internal.source;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.internal.sql.SplitRules;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Checksum algorithm 2: a section's checksum covers its statements as the splitter cuts them and its
 * options, not its comments or the whitespace between tokens; whatever a database would run
 * differently changes it.
 */
class ChecksumTest {

    private static final Path FILE = Path.of("1_t.sql");

    private static String up(String text, SplitRules rules) {
        return Checksum.ofSection(new Section(FILE, text, 2, true), rules);
    }

    private static String up(String text) {
        return up(text, SplitRules.POSTGRESQL);
    }

    @Test
    void commentsWhitespaceAndLineEndingsAreNoEdit() {
        String original = "CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL);\n"
                + "INSERT INTO users VALUES (1, 'a  b');\n";

        assertThat(up("-- Users, reformatted.\n"
                        + "CREATE TABLE users (\n"
                        + "    id    bigint PRIMARY KEY, -- the key\n"
                        + "    email text   NOT NULL /* required */\n"
                        + ");\r\n\r\n"
                        + "INSERT INTO users VALUES (1, 'a  b') ;\n"
                        + "/* trailing */\n"))
                .isEqualTo(up(original));
        assertThat(up("CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL);;\n"
                        + "INSERT INTO users VALUES (1, 'a  b')"))
                .as("an empty statement and the last delimiter")
                .isEqualTo(up(original));
    }

    @Test
    void theTextOfStringsIdentifiersAndDollarQuotesCounts() {
        assertThat(up("SELECT 'a  b'")).isNotEqualTo(up("SELECT 'a b'"));
        assertThat(up("SELECT 'a -- b'")).isNotEqualTo(up("SELECT 'a'"));
        assertThat(up("CREATE TABLE \"my  table\" (id int)")).isNotEqualTo(up("CREATE TABLE \"my table\" (id int)"));
        assertThat(up("CREATE FUNCTION f() RETURNS int AS $$ SELECT  1 $$ LANGUAGE sql"))
                .isNotEqualTo(up("CREATE FUNCTION f() RETURNS int AS $$ SELECT 1 $$ LANGUAGE sql"));
    }

    @Test
    void tokensThatTouchedOrStoodApartStaySo() {
        assertThat(up("SELECT 1 WHERE a <= b")).isNotEqualTo(up("SELECT 1 WHERE a < = b"));
        assertThat(up("SELECT 1 WHERE a<=b")).isEqualTo(up("SELECT 1 WHERE a/* x */<=b".replace("/* x */", "")));
        assertThat(up("SELECT x1")).isNotEqualTo(up("SELECT x 1"));
        assertThat(up("SELECT a/**/b")).isEqualTo(up("SELECT a b"));
        assertThat(up("SELECT 1.5")).isNotEqualTo(up("SELECT 1. 5"));
        // Parentheses, commas and semicolons stand alone, so spaces beside them are formatting...
        assertThat(up("INSERT INTO t VALUES ( 1 , 2 )")).isEqualTo(up("INSERT INTO t VALUES (1,2)"));
        // ... except before a parenthesis, which MySQL reads otherwise after a function's name.
        assertThat(up("SELECT count(*) FROM t", SplitRules.MYSQL))
                .isNotEqualTo(up("SELECT count (*) FROM t", SplitRules.MYSQL));
    }

    @Test
    void whatTheStatementsAreCountsAndSoDoTheirCase() {
        assertThat(up("CREATE TABLE a (id int); CREATE TABLE b (id int);"))
                .isNotEqualTo(up("CREATE TABLE a (id int), b (id int);"));
        assertThat(up("CREATE TABLE a (id int)")).isNotEqualTo(up("create table a (id int)"));
        assertThat(up("CREATE TABLE a (id int)")).isNotEqualTo(up("CREATE TABLE a (id bigint)"));
    }

    @Test
    void theSectionsOptionsCountAndNoSectionDiffersFromAnEmptyOne() {
        String text = "CREATE INDEX CONCURRENTLY i ON t (c);";
        assertThat(Checksum.ofSection(new Section(FILE, text, 2, false), SplitRules.POSTGRESQL))
                .isNotEqualTo(up(text));
        assertThat(Checksum.ofSection(null, SplitRules.POSTGRESQL))
                .isNotEqualTo(up(""))
                .isNotEqualTo(up("-- no-op"));
        assertThat(up("")).isEqualTo(up("-- a deliberate no-op\n"));
    }

    @Test
    void eachDatabaseReadsItsOwnCommentsAndStrings() {
        // MySQL: # is a comment, and a backslash escapes a quote inside a string.
        assertThat(up("SELECT 1 # one\n", SplitRules.MYSQL)).isEqualTo(up("SELECT 1", SplitRules.MYSQL));
        assertThat(up("SELECT 'it\\'s  here'", SplitRules.MYSQL))
                .isNotEqualTo(up("SELECT 'it\\'s here'", SplitRules.MYSQL));
        // The server runs executable comments and reads optimizer hints: they count.
        assertThat(up("/*!40101 SET NAMES utf8mb4 */", SplitRules.MYSQL))
                .isNotEqualTo(up("/*!40101 SET NAMES latin1 */", SplitRules.MYSQL));
        assertThat(up("SELECT /*+ NO_INDEX(t) */ * FROM t", SplitRules.MYSQL))
                .isNotEqualTo(up("SELECT * FROM t", SplitRules.MYSQL));
        // A DELIMITER the client needs changes nothing the database runs.
        assertThat(up("DELIMITER $$\nCREATE PROCEDURE p() BEGIN SELECT 1; END$$\nDELIMITER ;\n", SplitRules.MYSQL))
                .isEqualTo(up("CREATE PROCEDURE p()\nBEGIN\n  SELECT 1;\nEND;", SplitRules.MYSQL));
    }

    @Test
    void aSectionThatCannotBeSplitHasAChecksumOfItsOwn() {
        assertThat(up("SELECT 'never closed"))
                .isNotEqualTo(up("SELECT 'never closed'"))
                .hasSize(64);
        assertThat(up("SELECT 'never closed")).isNotEqualTo(up("SELECT 'never  closed"));
    }

    @Test
    void aMigrationKeepsItsChecksumsPerRulesAndHashesTheWholeFileOnlyWhenAsked() {
        // A section that MySQL and PostgreSQL read apart: # starts a comment only in MySQL.
        String text = "-- migrate:up\nSELECT 1 # one\n-- migrate:down\nSELECT 2;\n";
        byte[] bytes = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        Section up = new Section(FILE, "SELECT 1 # one\n", 2, true);
        Section down = new Section(FILE, "SELECT 2;\n", 4, true);
        Migration migration =
                new Migration("1_t", Version.leadingDigitsOf("1_t"), "", FILE, up, down, Checksum.Memo.ofFile(bytes));

        Checksum.Sections postgres = migration.checksums(SplitRules.POSTGRESQL);
        Checksum.Sections mysql = migration.checksums(SplitRules.MYSQL);

        assertThat(postgres.up()).isEqualTo(Checksum.ofSection(up, SplitRules.POSTGRESQL));
        assertThat(mysql.up())
                .isEqualTo(Checksum.ofSection(up, SplitRules.MYSQL))
                .isNotEqualTo(postgres.up());
        assertThat(migration.checksums(SplitRules.MYSQL)).isSameAs(mysql);
        assertThat(migration.checksum()).isEqualTo(Checksum.of(bytes)).isEqualTo(migration.checksum());
    }
}
