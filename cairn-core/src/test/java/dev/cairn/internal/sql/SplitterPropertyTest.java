// SPDX-License-Identifier: Apache-2.0
package dev.cairn.internal.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Joins known statements with random whitespace, comments, blank lines and delimiters, and checks
 * that splitting gives back exactly those statements at exactly their lines.
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

    private static final List<String> SEPARATORS = List.of(" ", "\t", "\n", "\n\n", "  \n  ", ";", " ; ",
            "-- a comment; with 'a quote\n", "--\n", "/* block; \"x\" 'y' */", "/**/", "/* BEGIN */", "-- END;\n",
            "/* two\nlines; */");

    private static final List<String> POSTGRESQL_SEPARATORS = List.of("/* outer /* inner; */ ' */", "-- $$\n");

    private static final List<String> SQLITE_SEPARATORS = List.of("/* /* ; */", "-- [\n");

    @Test
    void splitsRandomJoinsOfKnownStatementsBackIntoThem() {
        long base = Long.getLong("cairn.splitter.seed", 1L);
        for (long seed = base; seed < base + ITERATIONS; seed++) {
            Random random = new Random(seed);
            boolean postgresql = random.nextBoolean();
            Sample sample = postgresql
                    ? sample(random, join(COMMON, POSTGRESQL), join(SEPARATORS, POSTGRESQL_SEPARATORS))
                    : sample(random, join(COMMON, SQLITE), join(SEPARATORS, SQLITE_SEPARATORS));
            SplitRules rules = postgresql ? SplitRules.POSTGRESQL : SplitRules.SQLITE;
            List<Statement> actual = StatementSplitter.split(sample.text, sample.firstLine, rules);
            assertThat(actual)
                    .as("seed %d (%s), text:%n%s", seed, postgresql ? "postgresql" : "sqlite", sample.text)
                    .containsExactlyElementsOf(sample.expected);
            for (Statement statement : actual) {
                assertThat(StatementSplitter.split(statement.sql(), statement.line(), rules))
                        .as("seed %d: a statement split again on its own", seed)
                        .containsExactly(statement);
            }
        }
    }

    private record Sample(String text, int firstLine, List<Statement> expected) {}

    private static Sample sample(Random random, List<String> corpus, List<String> separators) {
        int firstLine = 1 + random.nextInt(50);
        boolean crlf = random.nextInt(4) == 0;
        StringBuilder text = new StringBuilder();
        List<String> sqls = new ArrayList<>();
        List<Integer> offsets = new ArrayList<>();
        appendSeparator(random, text, separators, true);
        int count = random.nextInt(8);
        for (int i = 0; i < count; i++) {
            String sql = corpus.get(random.nextInt(corpus.size()));
            offsets.add(text.length());
            sqls.add(sql);
            text.append(sql);
            boolean last = i == count - 1;
            if (last && random.nextInt(3) == 0) {
                // No delimiter after the last statement: only comments and whitespace may follow,
                // and they must not end up in the statement.
                appendSeparator(random, text, separators, false);
            } else {
                text.append(random.nextBoolean() ? "" : random.nextBoolean() ? " \n\t" : "\n");
                text.append(';');
                appendSeparator(random, text, separators, true);
            }
        }
        List<Statement> expected = new ArrayList<>();
        for (int i = 0; i < sqls.size(); i++) {
            int line = firstLine + (int) text.substring(0, offsets.get(i)).chars().filter(c -> c == '\n').count();
            expected.add(new Statement(crlf ? sqls.get(i).replace("\n", "\r\n") : sqls.get(i), line));
        }
        String joined = crlf ? text.toString().replace("\n", "\r\n") : text.toString();
        return new Sample(joined, firstLine, expected);
    }

    /**
     * Appends up to four separator pieces. A line comment always ends its line; without
     * {@code delimitersAllowed} no piece holds a {@code ;} outside a comment.
     */
    private static void appendSeparator(Random random, StringBuilder text, List<String> pieces,
            boolean delimitersAllowed) {
        int count = random.nextInt(5);
        for (int i = 0; i < count; i++) {
            String piece = pieces.get(random.nextInt(pieces.size()));
            if (!delimitersAllowed && piece.contains(";") && !piece.startsWith("-") && !piece.startsWith("/")) {
                piece = " ";
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
