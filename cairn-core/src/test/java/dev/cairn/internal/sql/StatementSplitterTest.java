// SPDX-License-Identifier: Apache-2.0
package dev.cairn.internal.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Edge cases of {@link StatementSplitter}, one row per rule, and every error it reports. */
class StatementSplitterTest {

    private static final SplitRules PG = SplitRules.POSTGRESQL;
    private static final SplitRules SQLITE = SplitRules.SQLITE;
    private static final SplitRules MYSQL = SplitRules.MYSQL;
    private static final SplitRules H2 = SplitRules.H2;

    private static Statement s(String sql, int line) {
        return new Statement(sql, line);
    }

    private static Arguments row(String name, SplitRules rules, String text, Statement... expected) {
        return rowFrom(1, name, rules, text, expected);
    }

    /**
     * A row for one statement that must come back whole: it is followed by a delimiter and a second
     * statement, which must come back too, so that a body that swallows too much or too little shows.
     */
    private static Arguments whole(String name, SplitRules rules, String sql) {
        int nextLine = 2 + (int) sql.chars().filter(c -> c == '\n').count();
        return row(name, rules, sql + ";\nSELECT 'next'", s(sql, 1), s("SELECT 'next'", nextLine));
    }

    private static Arguments rowFrom(int firstLine, String name, SplitRules rules, String text, Statement... expected) {
        return arguments(name, rules, firstLine, text, List.of(expected));
    }

    static Stream<Arguments> splits() {
        return Stream.of(
                // What counts as a statement
                row("empty text", PG, ""),
                row("only whitespace", PG, " \n\t\r\n "),
                row("only comments", PG, "-- one\n/* two; */\n-- three;"),
                row("only delimiters", PG, ";; ;\n;"),
                row("one statement without a delimiter", PG, "SELECT 1", s("SELECT 1", 1)),
                row("two statements on one line", PG, "SELECT 1;SELECT 2;", s("SELECT 1", 1), s("SELECT 2", 1)),
                row("empty statements between", PG, "SELECT 1;;\n;SELECT 2", s("SELECT 1", 1), s("SELECT 2", 2)),
                row("trailing whitespace before the delimiter is trimmed", PG, "SELECT 1 \t\n  ;", s("SELECT 1", 1)),
                row(
                        "leading comments are skipped and the line is the first token's",
                        PG,
                        "-- about\n/* more\n   lines */\n\n  SELECT 1;",
                        s("SELECT 1", 5)),
                row(
                        "a comment inside a statement is kept",
                        PG,
                        "SELECT 1 /* one; */ +\n-- two;\n 2;",
                        s("SELECT 1 /* one; */ +\n-- two;\n 2", 1)),
                row("a comment just before the delimiter is kept", PG, "SELECT 1 -- note\n;", s("SELECT 1 -- note", 1)),
                row(
                        "a comment after a last statement without delimiter is dropped",
                        PG,
                        "SELECT 1\n-- done\n/* really */\n",
                        s("SELECT 1", 1)),
                row(
                        "a comment on the line of a last statement without delimiter is dropped",
                        PG,
                        "SELECT 1 -- done",
                        s("SELECT 1", 1)),
                row(
                        "comments after the last statement are dropped",
                        PG,
                        "SELECT 1;\n-- bye;\n/* x; */\n",
                        s("SELECT 1", 1)),
                rowFrom(
                        7,
                        "lines count from firstLine",
                        PG,
                        "\n\nSELECT 1;\nSELECT\n2;",
                        s("SELECT 1", 9),
                        s("SELECT\n2", 10)),
                row(
                        "CRLF is one line break and is kept in the text",
                        PG,
                        "SELECT 1;\r\nSELECT\r\n2;\r\n\r\nSELECT 3",
                        s("SELECT 1", 1),
                        s("SELECT\r\n2", 2),
                        s("SELECT 3", 5)),
                row("a lone CR is no line break", PG, "SELECT 1;\rSELECT 2;", s("SELECT 1", 1), s("SELECT 2", 1)),
                row("a byte-order mark is whitespace", PG, "\uFEFFSELECT 1;", s("SELECT 1", 1)),

                // Strings
                row("a delimiter inside a string", PG, "SELECT 'a;b';SELECT 2", s("SELECT 'a;b'", 1), s("SELECT 2", 1)),
                row(
                        "a doubled quote stays inside the string",
                        PG,
                        "SELECT 'it''s; fine', '''';SELECT 2",
                        s("SELECT 'it''s; fine', ''''", 1),
                        s("SELECT 2", 1)),
                row(
                        "-- inside a string is no comment (goose#699)",
                        PG,
                        "INSERT INTO t VALUES ('a -- b;');\nSELECT '--';",
                        s("INSERT INTO t VALUES ('a -- b;')", 1),
                        s("SELECT '--'", 2)),
                row(
                        "/* inside a string is no comment",
                        PG,
                        "SELECT '/*';SELECT '*/'",
                        s("SELECT '/*'", 1),
                        s("SELECT '*/'", 1)),
                row(
                        "a multi-line string moves the next statement's line",
                        PG,
                        "INSERT INTO t VALUES ('a\nb;\nc');\nSELECT 2;",
                        s("INSERT INTO t VALUES ('a\nb;\nc')", 1),
                        s("SELECT 2", 4)),
                row(
                        "a backslash is an ordinary character in a standard string",
                        PG,
                        "SELECT 'C:\\';SELECT 2",
                        s("SELECT 'C:\\'", 1),
                        s("SELECT 2", 1)),
                row(
                        "E'' strings honour backslash escapes",
                        PG,
                        "SELECT E'it\\'s; ok';SELECT 2",
                        s("SELECT E'it\\'s; ok'", 1),
                        s("SELECT 2", 1)),
                row(
                        "e'' in lower case too, and an escaped backslash ends nothing",
                        PG,
                        "SELECT e'\\\\';SELECT e'a\\\\\\';b';SELECT 3",
                        s("SELECT e'\\\\'", 1),
                        s("SELECT e'a\\\\\\';b'", 1),
                        s("SELECT 3", 1)),
                row(
                        "E'' strings also take a doubled quote",
                        PG,
                        "SELECT E'a''b;';SELECT 2",
                        s("SELECT E'a''b;'", 1),
                        s("SELECT 2", 1)),
                row(
                        "an E that ends a longer word is no prefix",
                        PG,
                        "SELECT typE'x\\';SELECT 2",
                        s("SELECT typE'x\\'", 1),
                        s("SELECT 2", 1)),
                row(
                        "E with a space before the quote is no prefix",
                        PG,
                        "SELECT E '\\';SELECT 2",
                        s("SELECT E '\\'", 1),
                        s("SELECT 2", 1)),
                row(
                        "U&'' strings end at the first lone quote, backslash or not",
                        PG,
                        "SELECT U&'d\\0061t\\+000061';SELECT U&'x\\';SELECT 3",
                        s("SELECT U&'d\\0061t\\+000061'", 1),
                        s("SELECT U&'x\\'", 1),
                        s("SELECT 3", 1)),
                row(
                        "SQLite has no E'' strings",
                        SQLITE,
                        "SELECT E'a\\';SELECT 2",
                        s("SELECT E'a\\'", 1),
                        s("SELECT 2", 1)),
                row(
                        "backslash escapes in every string when the rules say so",
                        MYSQL,
                        "SELECT 'it\\'s; ok', 'a\\\\';SELECT 2",
                        s("SELECT 'it\\'s; ok', 'a\\\\'", 1),
                        s("SELECT 2", 1)),
                row(
                        "double-quoted strings with backslash escapes",
                        MYSQL,
                        "SELECT \"say \\\"hi\\\"; ok\", \"a\"\"b;\";SELECT 2",
                        s("SELECT \"say \\\"hi\\\"; ok\", \"a\"\"b;\"", 1),
                        s("SELECT 2", 1)),
                row(
                        "double-quoted strings without backslash escapes",
                        TestRules.with("doubleQuotedStrings"),
                        "SELECT \"a\\\";SELECT \"b;\"",
                        s("SELECT \"a\\\"", 1),
                        s("SELECT \"b;\"", 1)),

                // Quoted identifiers
                row(
                        "a delimiter inside a quoted identifier",
                        PG,
                        "SELECT \"a;b\", \"say \"\"hi;\"\"\" FROM t;SELECT 2",
                        s("SELECT \"a;b\", \"say \"\"hi;\"\"\" FROM t", 1),
                        s("SELECT 2", 1)),
                row(
                        "a backslash is ordinary in a quoted identifier, even where strings escape",
                        MYSQL,
                        "SELECT `a\\`;SELECT 2",
                        s("SELECT `a\\`", 1),
                        s("SELECT 2", 1)),
                row(
                        "backtick identifiers with a doubled backtick",
                        SQLITE,
                        "SELECT `a;b`, `x``;y` FROM t;SELECT 2",
                        s("SELECT `a;b`, `x``;y` FROM t", 1),
                        s("SELECT 2", 1)),
                row(
                        "backticks are nothing special where the rules say so",
                        PG,
                        "SELECT `a;b`",
                        s("SELECT `a", 1),
                        s("b`", 1)),
                row(
                        "bracket identifiers",
                        SQLITE,
                        "SELECT [a;b] FROM [t 1];SELECT 2",
                        s("SELECT [a;b] FROM [t 1]", 1),
                        s("SELECT 2", 1)),
                row(
                        "a bracket identifier ends at its first ]",
                        SQLITE,
                        "SELECT [a]];SELECT 2",
                        s("SELECT [a]]", 1),
                        s("SELECT 2", 1)),
                row(
                        "brackets are array subscripts where the rules say so",
                        PG,
                        "SELECT a[1];SELECT '['",
                        s("SELECT a[1]", 1),
                        s("SELECT '['", 1)),

                // Comments
                row("block comments nest in PostgreSQL", PG, "/* a /* b; */ still; */ SELECT 1;", s("SELECT 1", 1)),
                row(
                        "block comments do not nest in SQLite",
                        SQLITE,
                        "/* a /* b */ c */ SELECT 1;",
                        s("c */ SELECT 1", 1)),
                row(
                        "the shortest block comment",
                        PG,
                        "/**/SELECT 1;/*/ x; */SELECT 2",
                        s("SELECT 1", 1),
                        s("SELECT 2", 1)),
                row("-- inside a block comment", PG, "/* -- */ SELECT 1;", s("SELECT 1", 1)),
                row("/* inside a line comment", PG, "-- /* \nSELECT 1;", s("SELECT 1", 2)),
                row(
                        "a quote inside a comment",
                        PG,
                        "-- it's\nSELECT 1; /* don't */ SELECT 2",
                        s("SELECT 1", 2),
                        s("SELECT 2", 2)),
                row("--- starts a comment", PG, "SELECT 1 --- x;\n;", s("SELECT 1 --- x;", 1)),
                row(
                        "# comments when the rules say so",
                        MYSQL,
                        "# note; here\nSELECT 1; # more;\nSELECT 2",
                        s("SELECT 1", 2),
                        s("SELECT 2", 3)),
                row("# is an operator in PostgreSQL", PG, "SELECT 1 # 2;", s("SELECT 1 # 2", 1)),
                row(
                        "# is text inside MySQL strings and identifiers",
                        MYSQL,
                        "SELECT '#;', \"#;\", `#;`;SELECT 2",
                        s("SELECT '#;', \"#;\", `#;`", 1),
                        s("SELECT 2", 1)),
                row(
                        "-- needs a space after it in MySQL",
                        MYSQL,
                        "SELECT 1--1;SELECT 2--x;\nSELECT 3",
                        s("SELECT 1--1", 1),
                        s("SELECT 2--x", 1),
                        s("SELECT 3", 2)),
                row(
                        "-- before a tab, a line break or the end is a comment in MySQL",
                        MYSQL,
                        "SELECT 1 --\tx;\n;SELECT 2 --\n;SELECT 3 --",
                        s("SELECT 1 --\tx;", 1),
                        s("SELECT 2 --", 2),
                        s("SELECT 3", 3)),
                row(
                        "an escaped backslash ends a MySQL string before its ;",
                        MYSQL,
                        "SELECT '\\\\';SELECT \"\\\\\";SELECT 3",
                        s("SELECT '\\\\'", 1),
                        s("SELECT \"\\\\\"", 1),
                        s("SELECT 3", 1)),
                row(
                        "an executable comment is a statement of its own",
                        MYSQL,
                        "/*!40101 SET NAMES utf8mb4 */;\n/*!50003 SET @a = 1 */ ;\n/*M!100100 SET @b = 2 */",
                        s("/*!40101 SET NAMES utf8mb4 */", 1),
                        s("/*!50003 SET @a = 1 */", 2),
                        s("/*M!100100 SET @b = 2 */", 3)),
                row(
                        "a ; inside an executable comment ends nothing",
                        MYSQL,
                        "/*!50003 CREATE TRIGGER t BEFORE INSERT ON a FOR EACH ROW BEGIN SET NEW.x = 1; END */;"
                                + "SELECT 2",
                        s("/*!50003 CREATE TRIGGER t BEFORE INSERT ON a FOR EACH ROW BEGIN SET NEW.x = 1; END */", 1),
                        s("SELECT 2", 1)),
                row(
                        "optimizer hints and plain comments are no statement",
                        MYSQL,
                        "/*+ BKA(t) */;\n/* note */;\nSELECT /*+ NO_ICP(t) */ 1",
                        s("SELECT /*+ NO_ICP(t) */ 1", 3)),
                row(
                        "/*! is an ordinary comment where the rules say so",
                        PG,
                        "/*!40101 SET NAMES utf8 */;\nSELECT 1",
                        s("SELECT 1", 2)),
                row(
                        "// comments in H2",
                        H2,
                        "// it's; a note\nSELECT 1 // and here;\n;SELECT 2",
                        s("SELECT 1 // and here;", 2),
                        s("SELECT 2", 3)),
                row(
                        "// is two symbols where the rules say so",
                        PG,
                        "SELECT 4 // 2;SELECT 'x'",
                        s("SELECT 4 // 2", 1),
                        s("SELECT 'x'", 1)),
                row(
                        "H2 block comments nest, and $$ and backticks quote",
                        H2,
                        "/* a /* b; */ c; */ SELECT $$a;b$$, `c;d`;SELECT 2",
                        s("SELECT $$a;b$$, `c;d`", 1),
                        s("SELECT 2", 1)),

                // Dollar quotes
                row("a dollar quote", PG, "SELECT $$a;b$$;SELECT 2", s("SELECT $$a;b$$", 1), s("SELECT 2", 1)),
                row(
                        "a tagged dollar quote holding $$",
                        PG,
                        "SELECT $body$ $$; $$ $body$;SELECT 2",
                        s("SELECT $body$ $$; $$ $body$", 1),
                        s("SELECT 2", 1)),
                row(
                        "dollar-quote tags are case-sensitive",
                        PG,
                        "SELECT $A$ $a$; $A$;SELECT 2",
                        s("SELECT $A$ $a$; $A$", 1),
                        s("SELECT 2", 1)),
                row(
                        "a dollar quote holding quotes and comments",
                        PG,
                        "SELECT $$ ' \" -- /* $$;SELECT 2",
                        s("SELECT $$ ' \" -- /* $$", 1),
                        s("SELECT 2", 1)),
                row(
                        "$1 is a parameter",
                        PG,
                        "PREPARE p AS SELECT $1, $12;EXECUTE p(1)",
                        s("PREPARE p AS SELECT $1, $12", 1),
                        s("EXECUTE p(1)", 1)),
                row(
                        "a tag cannot start with a digit",
                        PG,
                        "SELECT $1abc$;SELECT 2",
                        s("SELECT $1abc$", 1),
                        s("SELECT 2", 1)),
                row(
                        "a $ after an identifier character belongs to the identifier",
                        PG,
                        "SELECT a$b$ FROM t;SELECT x$, 1$;SELECT 3",
                        s("SELECT a$b$ FROM t", 1),
                        s("SELECT x$, 1$", 1),
                        s("SELECT 3", 1)),
                row(
                        "a lone $ is a symbol",
                        PG,
                        "SELECT $ ;SELECT $a ;SELECT 3",
                        s("SELECT $", 1),
                        s("SELECT $a", 1),
                        s("SELECT 3", 1)),
                row(
                        "pg_dump's $_$ tag around a body holding $$",
                        PG,
                        "SELECT $_$a;$$b$_$;SELECT 2",
                        s("SELECT $_$a;$$b$_$", 1),
                        s("SELECT 2", 1)),
                row(
                        "a tag may hold non-ASCII letters",
                        PG,
                        "SELECT $été$;$été$;SELECT 2",
                        s("SELECT $été$;$été$", 1),
                        s("SELECT 2", 1)),
                row("SQLite has no dollar quotes", SQLITE, "SELECT $$;$$", s("SELECT $$", 1), s("$$", 1)),

                // Bodies: only CREATE of a trigger, function, procedure or event has one
                row(
                        "a transaction's BEGIN opens nothing",
                        PG,
                        "BEGIN;\nCREATE TABLE t (id int);\nCOMMIT;",
                        s("BEGIN", 1),
                        s("CREATE TABLE t (id int)", 2),
                        s("COMMIT", 3)),
                whole(
                        "BEGIN and END as names outside a body",
                        PG,
                        "CREATE TABLE t (begin int, end_date date, \"end\" int)"),
                whole("a table named for a trigger is no trigger", PG, "CREATE TABLE trigger_log (begin int)"),
                whole("an index named for a function is no function", PG, "CREATE INDEX function_idx ON t (begin)"),
                whole(
                        "a view with a DEFINER is no routine",
                        MYSQL,
                        "CREATE DEFINER = admin VIEW v AS SELECT begin FROM t"),
                whole("a routine named begin outside CREATE", PG, "ALTER FUNCTION begin() RENAME TO start_it"),
                whole("a trigger named begin outside CREATE", PG, "DROP TRIGGER IF EXISTS begin ON t"),
                whole(
                        "a view of columns named event and begin is no event",
                        PG,
                        "CREATE VIEW v AS SELECT event, begin FROM log"),
                whole("CASE outside a body", PG, "SELECT CASE WHEN a THEN 1 END FROM t"),
                whole(
                        "a SQLite trigger body",
                        SQLITE,
                        "CREATE TRIGGER t AFTER INSERT ON a BEGIN INSERT INTO b VALUES (1); UPDATE c SET x = 1; END"),
                whole(
                        "a temporary trigger, in lower case, if not exists",
                        SQLITE,
                        "create temp trigger if not exists t after delete on a begin delete from b; end"),
                whole(
                        "a TEMPORARY trigger",
                        SQLITE,
                        "CREATE TEMPORARY TRIGGER u BEFORE DELETE ON a BEGIN SELECT 1; END"),
                whole(
                        "CASE in a trigger's WHEN and in its body",
                        SQLITE,
                        "CREATE TRIGGER t BEFORE UPDATE ON a WHEN CASE WHEN NEW.x > 0 THEN 1 ELSE 0 END BEGIN "
                                + "SELECT CASE NEW.y WHEN 1 THEN RAISE(ABORT, 'no;') END; END"),
                whole(
                        "a word after a dot is a name, not a keyword",
                        SQLITE,
                        "CREATE TRIGGER t AFTER UPDATE ON a BEGIN UPDATE b SET y = NEW.end; "
                                + "UPDATE b SET z = OLD.begin; UPDATE b SET w = a . case; END"),
                whole(
                        "BEGIN and END inside strings, identifiers and comments of a body",
                        SQLITE,
                        "CREATE TRIGGER t AFTER INSERT ON a BEGIN SELECT 'END;', \"end\", [begin]; -- END;\n END"),
                row(
                        "a trigger at the end of the text needs no delimiter",
                        SQLITE,
                        "CREATE TRIGGER t AFTER INSERT ON a BEGIN SELECT 1; END",
                        s("CREATE TRIGGER t AFTER INSERT ON a BEGIN SELECT 1; END", 1)),
                row(
                        "bodies are not tracked where the rules say so",
                        TestRules.with(),
                        "CREATE TRIGGER t AFTER INSERT ON a BEGIN SELECT 1; END;",
                        s("CREATE TRIGGER t AFTER INSERT ON a BEGIN SELECT 1", 1),
                        s("END", 1)),
                whole(
                        "BEGIN ATOMIC in a function",
                        PG,
                        "CREATE OR REPLACE FUNCTION f() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT 1; "
                                + "SELECT CASE WHEN true THEN 2 END; END"),
                whole(
                        "BEGIN ATOMIC in a procedure",
                        PG,
                        "CREATE PROCEDURE p(a int) LANGUAGE sql BEGIN ATOMIC INSERT INTO t VALUES (a); END"),
                whole(
                        "a constraint trigger without a body",
                        PG,
                        "CREATE OR REPLACE CONSTRAINT TRIGGER t AFTER INSERT ON a DEFERRABLE FOR EACH ROW "
                                + "EXECUTE FUNCTION f()"),
                whole(
                        "a function returning CASE",
                        PG,
                        "CREATE FUNCTION sign(x int) RETURNS text LANGUAGE sql "
                                + "RETURN CASE WHEN x > 0 THEN '+' ELSE '-' END"),
                whole(
                        "END IF, END WHILE, END LOOP, END REPEAT and END CASE each close what their word opened",
                        MYSQL,
                        "CREATE PROCEDURE p() BEGIN IF x THEN SELECT 1; END IF; WHILE y DO SET y = y - 1; END WHILE; "
                                + "l: LOOP LEAVE l; END LOOP l; REPEAT SET a = 1; UNTIL a END REPEAT; "
                                + "CASE v WHEN 1 THEN SELECT 1; END CASE; END"),
                whole(
                        "a comment between END and IF",
                        MYSQL,
                        "CREATE PROCEDURE p() BEGIN IF x THEN SELECT 1; END /* c */ IF; END"),
                whole("nested BEGIN blocks", MYSQL, "CREATE PROCEDURE p() BEGIN BEGIN SELECT 1; END; SELECT 2; END"),
                whole(
                        "DEFINER with quoted user and host",
                        MYSQL,
                        "CREATE DEFINER = 'app'@'%' TRIGGER t BEFORE INSERT ON a FOR EACH ROW "
                                + "BEGIN SET NEW.x = 1; END"),
                whole(
                        "DEFINER with doubled quotes in user and host",
                        MYSQL,
                        "CREATE DEFINER = 'o''brien'@`lab``1` PROCEDURE p() BEGIN SELECT 1; END"),
                whole(
                        "DEFINER with backticks",
                        MYSQL,
                        "CREATE DEFINER=`root`@`localhost` PROCEDURE p() BEGIN SELECT 1; END"),
                whole(
                        "DEFINER with a bare user and host",
                        MYSQL,
                        "CREATE DEFINER=root@localhost FUNCTION f() RETURNS int BEGIN RETURN 1; END"),
                whole(
                        "DEFINER = CURRENT_USER",
                        MYSQL,
                        "CREATE DEFINER = CURRENT_USER EVENT e ON SCHEDULE EVERY 1 DAY DO BEGIN DELETE FROM a; END"),
                whole(
                        "DEFINER = CURRENT_USER() before AGGREGATE",
                        MYSQL,
                        "CREATE OR REPLACE DEFINER = CURRENT_USER() AGGREGATE FUNCTION g(x int) RETURNS int "
                                + "BEGIN RETURN 1; END"),
                whole(
                        "a stray END in a routine opens nothing",
                        PG,
                        "CREATE FUNCTION f() RETURNS int AS 'SELECT 1' LANGUAGE sql END"),
                whole(
                        "a trigger whose body is one IF",
                        MYSQL,
                        "CREATE TRIGGER t BEFORE INSERT ON a FOR EACH ROW IF NEW.x < 0 THEN SET NEW.x = 0; END IF"),
                whole(
                        "an event whose body is one IF",
                        MYSQL,
                        "CREATE EVENT e ON SCHEDULE EVERY 1 DAY DO IF @on THEN DELETE FROM a; END IF"),
                whole(
                        "a trigger whose body is a labelled LOOP",
                        MYSQL,
                        "CREATE TRIGGER t BEFORE INSERT ON a FOR EACH ROW l: LOOP SET NEW.x = NEW.x + 1; "
                                + "IF NEW.x > 3 THEN LEAVE l; END IF; END LOOP l"),
                whole(
                        "a trigger whose body is one statement with IF()",
                        MYSQL,
                        "CREATE TRIGGER t BEFORE INSERT ON a FOR EACH ROW SET NEW.x = IF(NEW.y, 1, 2)"),
                whole(
                        "a function whose body is one RETURN",
                        MYSQL,
                        "CREATE FUNCTION f(x INT) RETURNS INT DETERMINISTIC RETURN IF(x > 0, x, -x)"),
                whole(
                        "IF() and REPEAT() are functions, IF ( is a statement",
                        MYSQL,
                        "CREATE PROCEDURE p() BEGIN SET a = IF(b, REPEAT('x', 2), ''); "
                                + "IF (c) THEN SELECT IF(d, 1, 2); END IF; END"),
                whole(
                        "IF() right after THEN in a CASE expression",
                        MYSQL,
                        "CREATE FUNCTION f(x INT) RETURNS INT RETURN CASE WHEN x > 0 THEN IF(x > 9, 9, x) ELSE 0 END"),
                whole(
                        "IF EXISTS and IF NOT EXISTS open nothing",
                        MYSQL,
                        "CREATE PROCEDURE IF NOT EXISTS p() BEGIN DROP TABLE IF EXISTS a; "
                                + "CREATE TABLE IF NOT EXISTS a (id INT); END"),
                whole(
                        "ELSE IF nests a second IF",
                        MYSQL,
                        "CREATE PROCEDURE p() BEGIN IF a THEN SELECT 1; ELSE IF b THEN SELECT 2; END IF; END IF; END"),
                whole(
                        "a trigger whose body is a DO statement with IF()",
                        MYSQL,
                        "CREATE TRIGGER t AFTER INSERT ON a FOR EACH ROW DO IF(NEW.x > 100, RELEASE_LOCK('a'), 0)"),
                whole(
                        "an IF after a ; inside an IF body opens a level of its own",
                        MYSQL,
                        "CREATE TRIGGER t BEFORE INSERT ON a FOR EACH ROW IF NEW.x THEN SET NEW.y = 1; "
                                + "IF NEW.z THEN SET NEW.y = 2; END IF; SET NEW.z = 3; END IF"),
                whole(
                        "a DO statement's IF() opens nothing",
                        MYSQL,
                        "CREATE EVENT e ON SCHEDULE EVERY 1 HOUR DO BEGIN DO IF(@x, SLEEP(1), 0); END"),
                whole(
                        "SELECT … FOR UPDATE opens nothing",
                        MYSQL,
                        "CREATE PROCEDURE p() BEGIN SELECT * FROM a WHERE id IN (1) FOR UPDATE; END"),
                whole(
                        "END FOR closes a MariaDB FOR loop, not the block around it",
                        MYSQL,
                        "CREATE PROCEDURE p() BEGIN FOR i IN 1..3 DO SELECT i; END FOR; SELECT 0; END"),
                whole(
                        "a handler's IF that is not seen to open closes nothing either",
                        MYSQL,
                        "CREATE PROCEDURE p() BEGIN DECLARE CONTINUE HANDLER FOR SQLEXCEPTION IF 1 THEN SET @h = 1; "
                                + "END IF; SELECT 1; END"),
                whole(
                        "END label closes the labelled block",
                        MYSQL,
                        "CREATE PROCEDURE p() outer_block: BEGIN inner_block: BEGIN LEAVE outer_block; "
                                + "END inner_block; SELECT 1; END outer_block"),
                whole(
                        "a plain END also closes an IF that was taken for one by mistake",
                        MYSQL,
                        "CREATE PROCEDURE p() BEGIN SET a = CASE WHEN b THEN IF(c, 1, 2) END; SELECT 1; END"),
                whole("MariaDB's BEGIN NOT ATOMIC", MYSQL, "BEGIN NOT ATOMIC DECLARE x INT; SET x = 1; END"),
                whole(
                        "a statement that is an IF (MariaDB)",
                        MYSQL,
                        "IF @a IS NULL THEN SET @a = 1; ELSE SET @a = @a + 1; END IF"),
                whole("a statement that is a WHILE (MariaDB)", MYSQL, "WHILE @a < 3 DO SET @a = @a + 1; END WHILE"),
                whole(
                        "a statement that is a REPEAT (MariaDB)",
                        MYSQL,
                        "REPEAT SET @a = @a - 1; UNTIL @a < 0 END REPEAT"),
                whole("a statement that is a FOR loop (MariaDB)", MYSQL, "FOR i IN 1..3 DO SELECT i; END FOR"),
                whole(
                        "a statement that is a CASE (MariaDB)",
                        MYSQL,
                        "CASE @a WHEN 1 THEN SELECT 'one'; ELSE SELECT 'other'; END CASE"),
                row(
                        "BEGIN WORK is a transaction",
                        MYSQL,
                        "BEGIN WORK;\nSELECT 1;\nCOMMIT",
                        s("BEGIN WORK", 1),
                        s("SELECT 1", 2),
                        s("COMMIT", 3)),
                row(
                        "known limit: a procedure whose whole body is an IF is cut at its first ;",
                        MYSQL,
                        "CREATE PROCEDURE p() IF @a THEN SELECT 1; END IF;",
                        s("CREATE PROCEDURE p() IF @a THEN SELECT 1", 1),
                        s("END IF", 1)),
                row(
                        "the next statement after a body starts afresh",
                        SQLITE,
                        "CREATE TRIGGER t AFTER INSERT ON a BEGIN SELECT 1; END;\nSELECT 'x' AS begin;\nSELECT 3",
                        s("CREATE TRIGGER t AFTER INSERT ON a BEGIN SELECT 1; END", 1),
                        s("SELECT 'x' AS begin", 2),
                        s("SELECT 3", 3)),

                // DELIMITER, the mysql client's command
                row(
                        "DELIMITER changes the delimiter and back",
                        MYSQL,
                        "DELIMITER $$\nSELECT 1; SELECT 2$$\nDELIMITER ;\nSELECT 3;",
                        s("SELECT 1; SELECT 2", 2),
                        s("SELECT 3", 4)),
                row(
                        "in lower case, indented, after a tab, several statements on a line",
                        MYSQL,
                        "  delimiter\t//\nSELECT 1//SELECT 2 //",
                        s("SELECT 1", 2),
                        s("SELECT 2", 2)),
                row(
                        "the delimiter right after a word",
                        MYSQL,
                        "DELIMITER $$\nCREATE PROCEDURE p() BEGIN SELECT 1; END$$\nSELECT 2$$",
                        s("CREATE PROCEDURE p() BEGIN SELECT 1; END", 2),
                        s("SELECT 2", 3)),
                row(
                        "a delimiter of two characters is not one of them",
                        MYSQL,
                        "DELIMITER ;;\nSELECT 1; SELECT 2;;SELECT 3;\n;",
                        s("SELECT 1; SELECT 2", 2),
                        s("SELECT 3;\n;", 2)),
                row(
                        "the delimiter is text inside strings, identifiers and comments",
                        MYSQL,
                        "DELIMITER $$\nSELECT '$$', `$$`, \"$$\" -- $$\n$$",
                        s("SELECT '$$', `$$`, \"$$\" -- $$", 2)),
                row(
                        "the line of a statement is its first token's, after comments and DELIMITER lines",
                        MYSQL,
                        "-- x\nDELIMITER //\n/* y */\n\n  SELECT 1//\n# z\nDELIMITER ;\nSELECT 2",
                        s("SELECT 1", 5),
                        s("SELECT 2", 8)),
                row(
                        "a custom delimiter is the only end: bodies are not tracked",
                        MYSQL,
                        "DELIMITER //\nCREATE PROCEDURE p() BEGIN IF x THEN SELECT 1; END IF; //",
                        s("CREATE PROCEDURE p() BEGIN IF x THEN SELECT 1; END IF;", 2)),
                row(
                        "a file may end with a custom delimiter in force",
                        MYSQL,
                        "DELIMITER $$\nSELECT 1$$\nSELECT 2",
                        s("SELECT 1", 2),
                        s("SELECT 2", 3)),
                row("a DELIMITER line at the very end", MYSQL, "SELECT 1;\nDELIMITER $$", s("SELECT 1", 1)),
                row(
                        "quotes around the delimiter are dropped, as the client does",
                        MYSQL,
                        "DELIMITER '$$'\nSELECT 1$$",
                        s("SELECT 1", 2)),
                row(
                        "CRLF line endings",
                        MYSQL,
                        "DELIMITER $$\r\nSELECT\r\n1$$\r\nDELIMITER ;\r\nSELECT 2;",
                        s("SELECT\r\n1", 2),
                        s("SELECT 2", 5)),
                row(
                        "a DELIMITER line inside an unfinished statement is its text, as in the client",
                        MYSQL,
                        "SELECT 1\nDELIMITER $$\n;",
                        s("SELECT 1\nDELIMITER $$", 1)),
                row(
                        "a column named delimiter at the start of a line",
                        MYSQL,
                        "CREATE TABLE t (\ndelimiter INT\n);",
                        s("CREATE TABLE t (\ndelimiter INT\n)", 1)),
                row(
                        "DELIMITER is a statement where the rules have no such command",
                        PG,
                        "DELIMITER //\nSELECT 1;",
                        s("DELIMITER //\nSELECT 1", 1)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("splits")
    void splits(String name, SplitRules rules, int firstLine, String text, List<Statement> expected) {
        assertThat(StatementSplitter.split(text, firstLine, rules)).containsExactlyElementsOf(expected);
    }

    private static Arguments error(String name, SplitRules rules, String text, int line, String problem) {
        return arguments(name, rules, text, line, problem);
    }

    static Stream<Arguments> errors() {
        return Stream.of(
                error(
                        "a string",
                        PG,
                        "SELECT 1;\n\nSELECT 'abc;\nSELECT 2;",
                        3,
                        "the string that starts here is never closed (a ' is missing)"),
                error(
                        "a string ending in a doubled quote",
                        SQLITE,
                        "SELECT 'it''",
                        1,
                        "the string that starts here is never closed (a ' is missing)"),
                error(
                        "an E'' string whose backslash hides the quote",
                        PG,
                        "SELECT 1;\nSELECT E'abc\\';",
                        2,
                        "the string that starts here is never closed (a ' is missing; a backslash escapes the next"
                                + " character here, so \\' does not close it)"),
                error(
                        "a backslash at the very end of a string",
                        MYSQL,
                        "SELECT 'abc\\",
                        1,
                        "the string that starts here is never closed (a ' is missing; a backslash escapes the next"
                                + " character here, so \\' does not close it)"),
                error(
                        "a double-quoted string",
                        MYSQL,
                        "SELECT \"abc",
                        1,
                        "the string that starts here is never closed (a \" is missing; a backslash escapes the next"
                                + " character here, so \\\" does not close it)"),
                error(
                        "a quoted identifier",
                        PG,
                        "SELECT 1;\r\nSELECT \"abc;\r\n",
                        2,
                        "the quoted identifier that starts here is never closed (a \" is missing)"),
                error(
                        "a backtick identifier",
                        SQLITE,
                        "\n\nSELECT `abc",
                        3,
                        "the quoted identifier that starts here is never closed (a ` is missing)"),
                error(
                        "a bracket identifier",
                        SQLITE,
                        "SELECT [abc",
                        1,
                        "the quoted identifier that starts here is never closed (a ] is missing)"),
                error(
                        "a block comment",
                        SQLITE,
                        "SELECT 1;\n/* note\n\nSELECT 2;",
                        2,
                        "the block comment that starts here is never closed"),
                error(
                        "a block comment cut short by its own *",
                        PG,
                        "/*/",
                        1,
                        "the block comment that starts here is never closed"),
                error(
                        "a nested block comment",
                        PG,
                        "SELECT 1; /* outer\n /* inner */\nSELECT 2;",
                        1,
                        "the block comment that starts here is never closed (block comments nest here, so each /* "
                                + "inside it needs its own */)"),
                error(
                        "a dollar quote",
                        PG,
                        "SELECT 1;\nCREATE FUNCTION f() AS $body$\nSELECT 1;\n$$;",
                        2,
                        "the dollar-quoted string $body$ that starts here is never closed"),
                error(
                        "an empty-tag dollar quote",
                        PG,
                        "DO $$ BEGIN NULL; END $",
                        1,
                        "the dollar-quoted string $$ that starts here is never closed"),
                error(
                        "a trigger body",
                        SQLITE,
                        "SELECT 1;\nCREATE TRIGGER t AFTER INSERT ON a\nBEGIN\n  SELECT 1;\n",
                        3,
                        "the trigger body's BEGIN has no matching END"),
                error(
                        "a trigger body whose END is only in a comment",
                        SQLITE,
                        "CREATE TRIGGER t AFTER INSERT ON a BEGIN SELECT 1; -- END;\n",
                        1,
                        "the trigger body's BEGIN has no matching END"),
                error(
                        "a BEGIN ATOMIC body",
                        PG,
                        "CREATE FUNCTION f() RETURNS int LANGUAGE sql\nBEGIN ATOMIC\n  SELECT CASE WHEN x THEN 1 END;\n"
                                + "SELECT 2;",
                        2,
                        "the function body's BEGIN has no matching END"),
                error(
                        "a procedure body whose inner ENDs close compound statements",
                        MYSQL,
                        "CREATE PROCEDURE p()\nBEGIN\n  IF x THEN SELECT 1; END IF;\n  BEGIN SELECT 2; END;\n",
                        2,
                        "the procedure body's BEGIN has no matching END"),
                error(
                        "an event body",
                        MYSQL,
                        "CREATE EVENT e ON SCHEDULE EVERY 1 DAY DO\nBEGIN DELETE FROM a;",
                        2,
                        "the event body's BEGIN has no matching END"),
                error(
                        "a CASE in a trigger's WHEN",
                        SQLITE,
                        "CREATE TRIGGER t BEFORE INSERT ON a\nWHEN CASE WHEN 1 THEN 1\nBEGIN SELECT 1; END;",
                        2,
                        "the CASE that starts here has no matching END"),
                error(
                        "an IF statement",
                        MYSQL,
                        "SELECT 1;\nIF @a THEN\n  SET @a = 1;\n",
                        2,
                        "the IF that starts here has no matching END IF"),
                error(
                        "a trigger whose body is one IF",
                        MYSQL,
                        "CREATE TRIGGER t BEFORE INSERT ON a FOR EACH ROW\nIF NEW.x < 0 THEN SET NEW.x = 0;\n",
                        2,
                        "the IF that starts here has no matching END IF"),
                error(
                        "a WHILE statement",
                        MYSQL,
                        "WHILE 1 DO\n  SELECT 1;",
                        1,
                        "the WHILE that starts here has no matching END WHILE"),
                error(
                        "a BEGIN NOT ATOMIC block",
                        MYSQL,
                        "BEGIN NOT ATOMIC\n  SELECT 1;\n  IF 1 THEN SELECT 2; END IF;",
                        1,
                        "the BEGIN that starts here has no matching END"),
                error(
                        "a string after a DELIMITER change",
                        MYSQL,
                        "DELIMITER $$\nSELECT 'a$$\n",
                        2,
                        "the string that starts here is never closed (a ' is missing; a backslash escapes the next"
                                + " character here, so \\' does not close it)"),
                error(
                        "DELIMITER without its delimiter",
                        MYSQL,
                        "SELECT 1;\nDELIMITER   \r\nSELECT 2;",
                        2,
                        "DELIMITER needs the new delimiter on the same line, as in DELIMITER $$ (and DELIMITER ; to "
                                + "return to ;)"),
                error(
                        "DELIMITER at the very end",
                        MYSQL,
                        "DELIMITER",
                        1,
                        "DELIMITER needs the new delimiter on the same line, as in DELIMITER $$ (and DELIMITER ; to "
                                + "return to ;)"),
                error(
                        "DELIMITER without a space",
                        MYSQL,
                        "DELIMITER $$\nSELECT 1$$\nDELIMITER;\nSELECT 2;",
                        3,
                        "DELIMITER needs a space before the new delimiter"),
                error(
                        "DELIMITER after a statement on its line",
                        MYSQL,
                        "SELECT 1; DELIMITER $$\n",
                        1,
                        "DELIMITER is a command of the mysql client and must start its line"),
                error(
                        "DELIMITER after a comment on its line",
                        MYSQL,
                        "/* routines */ DELIMITER $$\n",
                        1,
                        "DELIMITER is a command of the mysql client and must start its line"),
                error(
                        "DELIMITER with a comment after its delimiter",
                        MYSQL,
                        "\nDELIMITER $$ -- for the routines\n",
                        2,
                        "DELIMITER takes one delimiter and nothing else on its line; put \"-- for the routines\" on a "
                                + "line of its own"),
                error(
                        "DELIMITER with a backslash",
                        MYSQL,
                        "DELIMITER \\\\\n",
                        1,
                        "a delimiter cannot contain a backslash (the mysql client refuses it too)"),
                error(
                        "a construct after several statements and lines",
                        PG,
                        "SELECT 1;\nSELECT 'a\nb';\n-- c\n/* d\n*/\nSELECT $$ x",
                        7,
                        "the dollar-quoted string $$ that starts here is never closed"));
    }

    @ParameterizedTest(name = "unclosed: {0}")
    @MethodSource("errors")
    void reportsWhereAnUnclosedConstructStarts(String name, SplitRules rules, String text, int line, String problem) {
        assertThatThrownBy(() -> StatementSplitter.split(text, 1, rules))
                .isInstanceOf(SqlSyntaxException.class)
                .hasMessage(problem)
                .extracting(e -> ((SqlSyntaxException) e).line())
                .isEqualTo(line);
    }

    @Test
    void errorLinesCountFromFirstLine() {
        assertThatThrownBy(() -> StatementSplitter.split("SELECT 1;\n\nSELECT 'x", 40, PG))
                .isInstanceOfSatisfying(
                        SqlSyntaxException.class, e -> assertThat(e.line()).isEqualTo(42));
    }

    @Test
    void returnsAModifiableListWithoutSharingState() {
        List<Statement> first = StatementSplitter.split("SELECT 1", 1, PG);
        List<Statement> second = StatementSplitter.split("SELECT 2", 1, PG);
        assertThat(first).containsExactly(s("SELECT 1", 1));
        assertThat(second).containsExactly(s("SELECT 2", 1));
    }
}
