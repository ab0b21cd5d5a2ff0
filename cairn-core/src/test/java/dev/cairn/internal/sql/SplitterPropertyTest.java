// SPDX-License-Identifier: Apache-2.0
package dev.cairn.internal.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Joins known statements with random whitespace, comments, blank lines and delimiters, and checks
 * that splitting gives back exactly those statements at exactly their lines, for each dialect's
 * rules; for MySQL also across random {@code DELIMITER} changes.
 *
 * <p>The seeds are fixed so that every build runs the same cases; a failure names its seed, and
 * {@code -Dcairn.splitter.seed=N} starts from another one to explore further.
 */
class SplitterPropertyTest {

    private static final int ITERATIONS = 3000;

    /** Statements whose own text hides delimiters, comment markers, quotes and body keywords. */
    private static final List<String> COMMON = List.of(
            "SELECT 1",
            "SELECT 'a;b', 'it''s; -- not a comment', '/* nor this */'",
            "INSERT INTO t (a, b) VALUES ('line one;\nline two', 'x')",
            "CREATE TABLE \"odd;name\" (\"say \"\"hi;\"\"\" text, end_date date, begin_at date)",
            "UPDATE t SET a = 1 /* inline; comment */ WHERE b = 2",
            "SELECT a, -- a comment; inside\n b FROM t",
            "SELECT CASE WHEN a THEN 'x;' ELSE 'y' END FROM t",
            "BEGIN",
            "COMMIT",
            "END",
            "DELETE FROM t\n  WHERE c = ';'\n    AND d = '--'",
            "CREATE INDEX function_idx ON trigger_log (begin)");

    private static final List<String> POSTGRESQL = List.of(
            "SELECT E'it\\'s; fine', e'\\\\', E'a''b;'",
            "SELECT 'C:\\', U&'d\\0061t\\+000061;'",
            "SELECT $$a;b$$, $tag$ $$ ; $tag$, $A$ $a$; $A$",
            "PREPARE p(int) AS SELECT $1, a$b$ FROM t",
            "CREATE FUNCTION f() RETURNS int LANGUAGE plpgsql AS $body$\nBEGIN\n  RETURN 1; -- one;\nEND;\n$body$",
            "CREATE OR REPLACE FUNCTION g(x int) RETURNS int\n    LANGUAGE sql\nBEGIN ATOMIC\n"
                    + "    SELECT CASE WHEN x > 0 THEN x END;\n    SELECT 2;\nEND",
            "CREATE PROCEDURE p() LANGUAGE sql BEGIN ATOMIC INSERT INTO t VALUES (1); END",
            "DO $$\nBEGIN\n  EXECUTE $q$SELECT 1; SELECT 2$q$;\nEND\n$$",
            "SELECT 1 /* outer /* inner; */ still; */ + 2",
            "CREATE TRIGGER tr BEFORE UPDATE ON t FOR EACH ROW EXECUTE FUNCTION f()",
            "SELECT a # b, arr[1] FROM t");

    private static final List<String> SQLITE = List.of(
            "SELECT [a;b], `c;d`, `e``;f` FROM [t 1]",
            "CREATE TRIGGER tr AFTER INSERT ON t\nBEGIN\n  INSERT INTO log VALUES ('x;');\n"
                    + "  UPDATE t SET c = CASE WHEN NEW.a THEN 1 END;\nEND",
            "CREATE TEMP TRIGGER IF NOT EXISTS tr2 BEFORE DELETE ON t WHEN CASE WHEN OLD.a THEN 1 END\n"
                    + "BEGIN SELECT RAISE(ABORT, 'no; way'); END",
            "create temporary trigger tr3 after update on t begin update u set x = NEW.end; end",
            "SELECT $$, E'a\\'",
            "SELECT 1 /* one /* not nested; */ + 2");

    /** MySQL statements: none holds one of {@link #MYSQL_DELIMITERS} outside a string or comment. */
    private static final List<String> MYSQL = List.of(
            "SELECT 'it\\'s; fine', \"say \\\"hi\\\"; -- no\", '\\\\', 'a#b'",
            "SELECT 1--1, 2 # a comment; it's\n  + 3",
            "SELECT 5 -- a comment; with a ' quote\n  AS five",
            "SELECT `a;b`, `c``d;#` FROM `t 1`",
            "/*!40101 SET NAMES utf8mb4 */",
            "/*!50003 CREATE*/ /*!50017 DEFINER=`root`@`localhost`*/ /*!50003 TRIGGER t BEFORE INSERT ON a "
                    + "FOR EACH ROW BEGIN SET NEW.x = 1; END */",
            "CREATE DEFINER=`app`@`%` PROCEDURE p(IN n INT)\nBEGIN\n  DECLARE i INT DEFAULT 0;\n"
                    + "  lbl: WHILE i < n DO\n    SET i = i + 1;\n    IF i = 2 THEN ITERATE lbl; END IF;\n"
                    + "  END WHILE lbl;\n"
                    + "  CASE WHEN i > 1 THEN SELECT IF(i > 2, 'x;', 'y'); ELSE BEGIN END; END CASE;\nEND",
            "CREATE TRIGGER tr BEFORE INSERT ON t FOR EACH ROW IF NEW.x < 0 THEN SET NEW.x = 0; END IF",
            "CREATE FUNCTION f(x INT) RETURNS INT DETERMINISTIC RETURN IF(x > 0, x, REPEAT('-', 1))",
            "CREATE EVENT e ON SCHEDULE EVERY 1 DAY DO BEGIN DELETE FROM a WHERE b < NOW() - INTERVAL 1 DAY; END",
            "BEGIN NOT ATOMIC DECLARE x INT; FOR i IN 1..3 DO SET x = i; END FOR; END",
            "IF (SELECT 1) THEN SELECT 'yes;'; ELSE SELECT 'no'; END IF",
            "CREATE TABLE t (\ndelimiter VARCHAR(5),\n`end` INT\n)");

    private static final List<String> H2 = List.of(
            "CREATE ALIAS slug AS $$\nString slug(String s) { return s.replace(' ', '-'); } // it's;\n$$",
            "SELECT 1 /* a /* nested; */ b; */ + 2",
            "SELECT `a;b`, \"c;d\", 'C:\\' FROM t",
            "SELECT 1 // a note; it's\n  + 2",
            "CREATE TRIGGER tr BEFORE INSERT ON t FOR EACH ROW CALL \"com.example.Audit\"",
            "SELECT ARRAY['a;b', 'c'][1], E'x\\'");

    private static final List<String> SEPARATORS = List.of(
            " ",
            "\t",
            "\n",
            "\n\n",
            "  \n  ",
            ";",
            " ; ",
            "-- a comment; with 'a quote\n",
            "--\n",
            "/* block; \"x\" 'y' */",
            "/**/",
            "/* BEGIN */",
            "-- END;\n",
            "/* two\nlines; */");

    private static final List<String> POSTGRESQL_SEPARATORS = List.of("/* outer /* inner; */ ' */", "-- $$\n");

    private static final List<String> SQLITE_SEPARATORS = List.of("/* /* ; */", "-- [\n");

    private static final List<String> MYSQL_SEPARATORS =
            List.of("# a comment; it's\n", "#\n", "/*+ a hint; */", "-- $$ // ;;\n");

    private static final List<String> H2_SEPARATORS =
            List.of("// a comment; with 'a quote\n", "/* outer /* inner; */ ' */");

    /** What a {@code DELIMITER} line may switch to, {@code ;} included. */
    private static final List<String> MYSQL_DELIMITERS = List.of("$$", "//", ";;", "@@", "|", ";");

    private record Dialect(
            String name, SplitRules rules, List<String> corpus, List<String> separators, List<String> delimiters) {}

    private static final List<Dialect> DIALECTS = List.of(
            new Dialect(
                    "postgresql",
                    SplitRules.POSTGRESQL,
                    join(COMMON, POSTGRESQL),
                    join(SEPARATORS, POSTGRESQL_SEPARATORS),
                    List.of()),
            new Dialect(
                    "sqlite", SplitRules.SQLITE, join(COMMON, SQLITE), join(SEPARATORS, SQLITE_SEPARATORS), List.of()),
            new Dialect(
                    "mysql",
                    SplitRules.MYSQL,
                    join(COMMON, MYSQL),
                    join(SEPARATORS, MYSQL_SEPARATORS),
                    MYSQL_DELIMITERS),
            new Dialect("h2", SplitRules.H2, join(COMMON, H2), join(SEPARATORS, H2_SEPARATORS), List.of()));

    @Test
    void splitsRandomJoinsOfKnownStatementsBackIntoThem() {
        long base = Long.getLong("cairn.splitter.seed", 1L);
        for (long seed = base; seed < base + ITERATIONS; seed++) {
            Random random = new Random(seed);
            Dialect dialect = DIALECTS.get(random.nextInt(DIALECTS.size()));
            Sample sample = sample(random, dialect);
            SplitRules rules = dialect.rules();
            List<Statement> actual = StatementSplitter.split(sample.text, sample.firstLine, rules);
            assertThat(actual)
                    .as("seed %d (%s), text:%n%s", seed, dialect.name(), sample.text)
                    .containsExactlyElementsOf(sample.expected);
            for (Statement statement : actual) {
                assertThat(StatementSplitter.split(statement.sql(), statement.line(), rules))
                        .as("seed %d: a statement split again on its own", seed)
                        .containsExactly(statement);
            }
        }
    }

    @Test
    void changesTheDelimiterInSomeMySqlSamples() {
        int changed = 0;
        for (long seed = 1; seed <= ITERATIONS; seed++) {
            Random random = new Random(seed);
            Dialect dialect = DIALECTS.get(random.nextInt(DIALECTS.size()));
            if (sample(random, dialect).text.contains("ELIMITER")) {
                changed++;
            }
        }
        assertThat(changed).as("samples with a DELIMITER line").isGreaterThan(ITERATIONS / 10);
    }

    private record Sample(String text, int firstLine, List<Statement> expected) {}

    private static Sample sample(Random random, Dialect dialect) {
        int firstLine = 1 + random.nextInt(50);
        boolean crlf = random.nextInt(4) == 0;
        StringBuilder text = new StringBuilder();
        List<String> sqls = new ArrayList<>();
        List<Integer> offsets = new ArrayList<>();
        String delimiter = ";";
        appendSeparator(random, text, dialect.separators(), delimiter, true);
        int count = random.nextInt(8);
        for (int i = 0; i < count; i++) {
            if (!dialect.delimiters().isEmpty() && random.nextInt(3) == 0) {
                // A DELIMITER line between two statements, which must start its line.
                delimiter = dialect.delimiters()
                        .get(random.nextInt(dialect.delimiters().size()));
                text.append('\n')
                        .append(random.nextBoolean() ? "DELIMITER " : "  delimiter\t")
                        .append(delimiter)
                        .append(random.nextBoolean() ? "\n" : " \n");
                appendSeparator(random, text, dialect.separators(), delimiter, true);
            }
            String sql = dialect.corpus().get(random.nextInt(dialect.corpus().size()));
            offsets.add(text.length());
            sqls.add(sql);
            text.append(sql);
            boolean last = i == count - 1;
            if (last && random.nextInt(3) == 0) {
                // No delimiter after the last statement: only comments and whitespace may follow,
                // and they must not end up in the statement.
                appendSeparator(random, text, dialect.separators(), delimiter, false);
            } else {
                text.append(random.nextBoolean() ? "" : random.nextBoolean() ? " \n\t" : "\n");
                text.append(delimiter);
                appendSeparator(random, text, dialect.separators(), delimiter, true);
            }
        }
        List<Statement> expected = new ArrayList<>();
        for (int i = 0; i < sqls.size(); i++) {
            int line = firstLine
                    + (int) text.substring(0, offsets.get(i))
                            .chars()
                            .filter(c -> c == '\n')
                            .count();
            expected.add(new Statement(crlf ? sqls.get(i).replace("\n", "\r\n") : sqls.get(i), line));
        }
        String joined = crlf ? text.toString().replace("\n", "\r\n") : text.toString();
        return new Sample(joined, firstLine, expected);
    }

    /**
     * Appends up to four separator pieces. A line comment always ends its line; a {@code ;} outside a
     * comment stands for the delimiter in force; without {@code delimitersAllowed} no piece holds one.
     */
    private static void appendSeparator(
            Random random, StringBuilder text, List<String> pieces, String delimiter, boolean delimitersAllowed) {
        int count = random.nextInt(5);
        for (int i = 0; i < count; i++) {
            String piece = pieces.get(random.nextInt(pieces.size()));
            boolean comment = piece.startsWith("-") || piece.startsWith("/") || piece.startsWith("#");
            if (!comment && piece.contains(";")) {
                piece = delimitersAllowed ? piece.replace(";", delimiter) : " ";
            }
            text.append(piece);
        }
    }

    private static List<String> join(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
