// SPDX-License-Identifier: Apache-2.0
package dev.cairn.internal.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Long one-line definitions are cut into the lines a person writes, and only the changed ones are shown. */
class DefinitionDiffTest {

    @Test
    void shortValuesAreShownWholeElsewhereSoGetNoDiff() {
        assertThat(DefinitionDiff.of("SELECT 1", "SELECT 2")).isEmpty();
        assertThat(DefinitionDiff.of(null, "SELECT " + "x".repeat(100))).isEmpty();
    }

    @Test
    void aLongViewWithOneChangedConditionShowsThatConditionWithContext() {
        String before = longView("o.total > 100::numeric");
        String after = longView("o.total > 1000::numeric");
        assertThat(before).hasSizeGreaterThan(2_000);

        assertThat(DefinitionDiff.of(before, after))
                .containsExactly(
                        "  JOIN customers c ON c.id = o.customer_id",
                        "  WHERE o.status = 'open'::text",
                        "- AND o.total > 100::numeric",
                        "+ AND o.total > 1000::numeric",
                        "  AND o.deleted IS NULL",
                        "  AND c.active");
    }

    @Test
    void changesFarApartAreSeparatedByAnEllipsis() {
        String before = longView("o.total > 100::numeric");
        String after = longView("o.total > 100::numeric").replace("o.attribute_79 AS a79", "o.attribute_79 AS b79");

        assertThat(DefinitionDiff.of(before, after))
                .containsExactly(
                        "  o.attribute_77 AS a77,",
                        "  o.attribute_78 AS a78,",
                        "- o.attribute_79 AS a79,",
                        "+ o.attribute_79 AS b79,",
                        "  o.attribute_80 AS a80",
                        "  FROM orders o");
        assertThat(DefinitionDiff.of(before, after.replace("c.active", "NOT c.active")))
                .containsExactly(
                        "  o.attribute_77 AS a77,",
                        "  o.attribute_78 AS a78,",
                        "- o.attribute_79 AS a79,",
                        "+ o.attribute_79 AS b79,",
                        "  o.attribute_80 AS a80",
                        "  FROM orders o",
                        "  ...",
                        "  AND o.total > 100::numeric",
                        "  AND o.deleted IS NULL",
                        "- AND c.active",
                        "+ AND NOT c.active",
                        "  ORDER BY o.created DESC, o.id");
    }

    @Test
    void aPlpgsqlBodyWithOneChangedLine() {
        String before = plpgsql("NEW.total := 0;");
        String after = plpgsql("NEW.total := NULL;");

        assertThat(DefinitionDiff.of(before, after))
                .containsExactly(
                        "  ELSIF NEW.total < 0 THEN",
                        "  RAISE NOTICE 'negative total, from where?';",
                        "- NEW.total := 0;",
                        "+ NEW.total := NULL;",
                        "  END IF;",
                        "  RETURN NEW;");
    }

    @Test
    void aDifferenceInsideOneLongLineShowsBothWhole() {
        String before = "value IN (" + numbers(1, 30) + ")";
        String after = "value IN (" + numbers(2, 31) + ")";

        assertThat(DefinitionDiff.of(before, after)).containsExactly("- " + before, "+ " + after);
    }

    @Test
    void textsThatCutIntoTheSameLinesAreShownWhole() {
        String before = "SELECT a, b FROM t WHERE a = 1 AND b = 2 AND c = 3 AND d = 4 AND e = 5 AND f = 6 AND g = 7";
        String after = before.replace("FROM t", "FROM t ");

        assertThat(DefinitionDiff.of(before, after)).containsExactly("- " + before, "+ " + after);
    }

    @Test
    void aViewIsCutAtItsClausesSelectListAndConditions() {
        assertThat(SqlLines.of("SELECT o.id, CASE WHEN o.total > 100::numeric THEN 'big'::text ELSE 'small'::text"
                        + " END AS size, extract(year FROM o.created) AS year, count(*) FILTER (WHERE o.paid) AS paid"
                        + " FROM orders o LEFT OUTER JOIN customers c ON c.id = o.customer_id AND c.active"
                        + " WHERE o.total BETWEEN 1::numeric AND 5::numeric OR o.id IN ( SELECT x.id FROM x"
                        + " WHERE x.a IS DISTINCT FROM x.b) GROUP BY o.id, c.name HAVING count(*) > 1"
                        + " UNION ALL SELECT 1, 'x', 2, 3 FROM dual ORDER BY 1 LIMIT 10"))
                .containsExactly(
                        "SELECT o.id,",
                        "CASE WHEN o.total > 100::numeric THEN 'big'::text ELSE 'small'::text END AS size,",
                        "extract(year FROM o.created) AS year,",
                        "count(*) FILTER (WHERE o.paid) AS paid",
                        "FROM orders o",
                        "LEFT OUTER JOIN customers c ON c.id = o.customer_id AND c.active",
                        "WHERE o.total BETWEEN 1::numeric AND 5::numeric",
                        "OR o.id IN (",
                        "SELECT x.id",
                        "FROM x",
                        "WHERE x.a IS DISTINCT FROM x.b)",
                        "GROUP BY o.id, c.name",
                        "HAVING count(*) > 1",
                        "UNION ALL",
                        "SELECT 1,",
                        "'x',",
                        "2,",
                        "3",
                        "FROM dual",
                        "ORDER BY 1",
                        "LIMIT 10");
    }

    @Test
    void keywordsInsideStringsNamesAndDollarQuotedLiteralsAreNotCut() {
        assertThat(SqlLines.of("SELECT 'a, b FROM c WHERE d' AS \"select, from\", E'it\\'s; END' AS x"
                        + " FROM \"Where\" WHERE note = 'x; BEGIN y' AND t.from = $q$ SELECT 1; END $q$"))
                .containsExactly(
                        "SELECT 'a, b FROM c WHERE d' AS \"select, from\",",
                        "E'it\\'s; END' AS x",
                        "FROM \"Where\"",
                        "WHERE note = 'x; BEGIN y'",
                        "AND t.from = $q$ SELECT 1; END $q$");
    }

    @Test
    void aFunctionsDollarQuotedCodeIsCutButTheLiteralsInsideItAreNot() {
        assertThat(SqlLines.of("CREATE FUNCTION f(n int) RETURNS int AS $fn$ DECLARE m int; BEGIN"
                        + " EXECUTE $sql$SELECT 1 FROM t WHERE a = 'x'$sql$ INTO m; FOR r IN 1..n LOOP m := m + r;"
                        + " EXIT WHEN m > 10; END LOOP; RETURN m; EXCEPTION WHEN others THEN RAISE EXCEPTION"
                        + " 'failed: %', SQLERRM; END $fn$ LANGUAGE plpgsql"))
                .containsExactly(
                        "CREATE FUNCTION f(n int) RETURNS int AS $fn$",
                        "DECLARE m int;",
                        "BEGIN",
                        "EXECUTE $sql$SELECT 1 FROM t WHERE a = 'x'$sql$ INTO m;",
                        "FOR r IN 1..n LOOP",
                        "m := m + r;",
                        "EXIT WHEN m > 10;",
                        "END LOOP;",
                        "RETURN m;",
                        "EXCEPTION",
                        "WHEN others THEN",
                        "RAISE EXCEPTION 'failed: %', SQLERRM;",
                        "END",
                        "$fn$ LANGUAGE plpgsql");
    }

    /** A view of some 2,000 characters, as PostgreSQL's pg_get_viewdef writes it after whitespace is collapsed. */
    private static String longView(String condition) {
        String columns = IntStream.rangeClosed(1, 80)
                .mapToObj(i -> "o.attribute_" + i + " AS a" + i)
                .collect(Collectors.joining(", "));
        return "SELECT " + columns + " FROM orders o JOIN customers c ON c.id = o.customer_id"
                + " WHERE o.status = 'open'::text AND " + condition + " AND o.deleted IS NULL AND c.active"
                + " ORDER BY o.created DESC, o.id";
    }

    /** A trigger function's body as PostgreSQL's prosrc holds it, whitespace collapsed. */
    private static String plpgsql(String negative) {
        return "DECLARE n integer; BEGIN IF NEW.total IS NULL THEN RAISE EXCEPTION 'total missing for %', NEW.id;"
                + " ELSIF NEW.total < 0 THEN RAISE NOTICE 'negative total, from where?'; " + negative
                + " END IF; RETURN NEW; END";
    }

    private static String numbers(int from, int to) {
        return IntStream.rangeClosed(from, to).mapToObj(Integer::toString).collect(Collectors.joining(", "));
    }
}
