// SPDX-License-Identifier: Apache-2.0
package dev.cairn.internal.schema;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.SchemaSnapshot;
import dev.cairn.internal.schema.Comparison.Compared;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Verify's comparison calls a re-added column's new place and a frozen 'now' harmless, and nothing else. */
class ComparisonTest {

    private static final Instant STARTED = Instant.parse("2026-12-04T15:22:27Z");
    private static final Instant NOW = Instant.parse("2026-12-04T15:22:31Z");
    private static final String RE_ADDED =
            ", as a dropped and re-added column does;" + " only SELECT * and INSERT without a column list see it";
    private static final String FROZEN =
            "only a timestamp frozen at creation time differs ('now' evaluated when the object was created): ";

    @Test
    void aColumnThatCameBackLastIsEquivalent() {
        List<Compared> compared = compare(table("a, b, c"), table("a, c, b"));

        assertThat(compared)
                .containsExactly(new Compared(
                        new SchemaSnapshot.Difference("table t", "column order", "a, b, c", "a, c, b"),
                        Optional.of("column order only: b came back last (a, c, b instead of a, b, c)" + RE_ADDED),
                        List.of()));
    }

    @Test
    void columnsThatCameBackLastInTheirOldOrderAreEquivalent() {
        assertThat(compare(table("a, b, c, d"), table("a, d, b, c")).get(0).equivalentBecause())
                .contains("column order only: b and c came back last (a, d, b, c instead of a, b, c, d),"
                        + " as dropped and re-added columns do; only SELECT * and INSERT without a column list see it");
        assertThat(compare(table("a, b, c, d"), table("d, a, b, c")).get(0).equivalentBecause())
                .contains("column order only: a, b and c came back last (d, a, b, c instead of a, b, c, d),"
                        + " as dropped and re-added columns do; only SELECT * and INSERT without a column list see it");
    }

    @Test
    void aSqliteTableTextThatListsTheReAddedColumnLastIsEquivalentToo() {
        SchemaSnapshot before = new Snapshots()
                .put("table t", "column order", "a, b, c")
                .put("table t", "definition", "CREATE TABLE t (a int, b text DEFAULT 'x, y', c int, CHECK (a > 0))")
                .build();
        SchemaSnapshot reAdded = new Snapshots()
                .put("table t", "column order", "a, c, b")
                .put("table t", "definition", "CREATE TABLE t (a int, c int, CHECK (a > 0), b text DEFAULT 'x, y')")
                .build();
        SchemaSnapshot otherDefault = new Snapshots()
                .put("table t", "column order", "a, c, b")
                .put("table t", "definition", "CREATE TABLE t (a int, c int, CHECK (a > 0), b text DEFAULT 'x')")
                .build();

        assertThat(compare(before, reAdded))
                .extracting(Compared::equivalentBecause)
                .containsExactly(
                        Optional.of("column order only: b came back last (a, c, b instead of a, b, c)" + RE_ADDED),
                        Optional.of("the table's text only lists the re-added column last, as its column order does"));
        assertThat(compare(before, otherDefault).get(1).equivalentBecause())
                .as("the text differs in more than the order of its elements")
                .isEmpty();
    }

    @Test
    void aSqliteTableTextThatOnlyRepeatsAColumnAddedIsLeftOutButAnyOtherChangeIsKept() {
        SchemaSnapshot before = new Snapshots()
                .put("table t", "definition", "CREATE TABLE t (a int, CHECK (a > 0))")
                .put("table t / column a", "type", "int")
                .build();
        SchemaSnapshot added = new Snapshots()
                .put("table t", "definition", "CREATE TABLE t (a int, CHECK (a > 0), \"b\" text)")
                .put("table t / column a", "type", "int")
                .put("table t / column b", "type", "text")
                .build();
        SchemaSnapshot addedAndCheck = new Snapshots()
                .put("table t", "definition", "CREATE TABLE t (a int, CHECK (a > 1), \"b\" text)")
                .put("table t / column a", "type", "int")
                .put("table t / column b", "type", "text")
                .build();

        assertThat(compare(before, added))
                .extracting(found ->
                        found.difference().object() + " " + found.difference().attribute())
                .containsExactly("table t / column b null");
        assertThat(compare(before, addedAndCheck))
                .extracting(found ->
                        found.difference().object() + " " + found.difference().attribute())
                .containsExactly("table t definition", "table t / column b null");
    }

    @Test
    void aTableTextSplitsIntoItsElementsOutsideQuotesAndParentheses() {
        assertThat(Comparison.elements("CREATE TABLE \"a,b\" (x int DEFAULT 'p,q', y numeric(10,2), [z,w] int,"
                        + " CHECK (x IN (1, 2))) STRICT"))
                .containsExactly(
                        "CHECK (x IN (1, 2))", "STRICT", "[z,w] int", "x int DEFAULT 'p,q'", "y numeric(10,2)");
    }

    @Test
    void anyOtherReorderingIsAPlainDifference() {
        assertThat(compare(table("a, b, c"), table("c, b, a")))
                .containsExactly(plain("table t", "column order", "a, b, c", "c, b, a"));
        // Re-added at the end, but not in the order they had: nothing a down restoring them in turn does.
        assertThat(compare(table("a, b, c, d"), table("a, d, c, b")))
                .containsExactly(plain("table t", "column order", "a, b, c, d", "a, d, c, b"));
    }

    @Test
    void anOrderThatOnlyRepeatsAColumnAddedOrRemovedIsLeftOut() {
        assertThat(compare(table("a, b, c"), table("a, b")))
                .containsExactly(plain("table t / column c", null, "type=int", null));
        assertThat(compare(table("a, c"), table("a, b, c")))
                .containsExactly(plain("table t / column b", null, null, "type=int"));
    }

    @Test
    void anOrderOfTheColumnsKeptThatChangedBesidesIsKept() {
        assertThat(compare(table("a, b, c"), table("b, a")))
                .containsExactly(
                        plain("table t", "column order", "a, b, c", "b, a"),
                        plain("table t / column c", null, "type=int", null));
    }

    @Test
    void aViewWithNowFrozenDuringTheRunIsEquivalent() {
        String before = view("'2026-12-04 15:22:28.123456+00'::timestamp with time zone");
        String after = view("'2026-12-04 15:22:29.48+00'::timestamp with time zone");

        assertThat(compare(views(before), views(after)))
                .containsExactly(new Compared(
                        new SchemaSnapshot.Difference("view recent", "definition", before, after),
                        Optional.of(FROZEN + "2026-12-04 15:22:28.123456+00 vs 2026-12-04 15:22:29.48+00"),
                        List.of(
                                "  orders.total",
                                "  FROM orders",
                                "- WHERE orders.created < '2026-12-04 15:22:28.123456+00'::timestamp with time zone",
                                "+ WHERE orders.created < '2026-12-04 15:22:29.48+00'::timestamp with time zone")));
    }

    @Test
    void offsetsAndTheTSeparatorAreRead() {
        assertThat(frozen("'2026-12-04 20:52:28+05:30'", "'2026-12-04T12:22:29.5-03'"))
                .contains(FROZEN + "2026-12-04 20:52:28+05:30 vs 2026-12-04T12:22:29.5-03");
        assertThat(frozen("'2026-12-04T15:22:28Z'", "'2026-12-04 15:22:30+0000'"))
                .contains(FROZEN + "2026-12-04T15:22:28Z vs 2026-12-04 15:22:30+0000");
    }

    @Test
    void aTimestampOutsideTheRunIsAPlainDifference() {
        String before = view("'2020-01-01 00:00:00'::timestamp without time zone");
        String after = view("'2026-12-04 15:22:29'::timestamp without time zone");

        assertThat(compare(views(before), views(after)))
                .containsExactly(new Compared(
                        new SchemaSnapshot.Difference("view recent", "definition", before, after),
                        Optional.empty(),
                        List.of(
                                "  orders.total",
                                "  FROM orders",
                                "- WHERE orders.created < '2020-01-01 00:00:00'::timestamp without time zone",
                                "+ WHERE orders.created < '2026-12-04 15:22:29'::timestamp without time zone")));
        // Just outside the two seconds of slack on either side.
        assertThat(frozen("'2026-12-04 15:22:24.9+00'", "'2026-12-04 15:22:29+00'"))
                .isEmpty();
        assertThat(frozen("'2026-12-04 15:22:29+00'", "'2026-12-04 15:22:33.1+00'"))
                .isEmpty();
    }

    @Test
    void aTextThatDiffersBesidesTheTimestampIsAPlainDifference() {
        String before = view("'2026-12-04 15:22:28+00'::timestamp with time zone");
        String after =
                view("'2026-12-04 15:22:29+00'::timestamp with time zone").replace("orders.total", "orders.sum");

        assertThat(compare(views(before), views(after)))
                .containsExactly(new Compared(
                        new SchemaSnapshot.Difference("view recent", "definition", before, after),
                        Optional.empty(),
                        List.of(
                                "  SELECT orders.id,",
                                "- orders.total",
                                "+ orders.sum",
                                "  FROM orders",
                                "- WHERE orders.created < '2026-12-04 15:22:28+00'::timestamp with time zone",
                                "+ WHERE orders.created < '2026-12-04 15:22:29+00'::timestamp with time zone")));
    }

    @Test
    void aLiteralWithoutOffsetMayBeInUtcOrInTheJvmsZone() {
        // The session in UTC.
        assertThat(frozen("'2026-12-04 15:22:28.5'", "'2026-12-04 15:22:30'"))
                .contains(FROZEN + "2026-12-04 15:22:28.5 vs 2026-12-04 15:22:30");
        // The session in the JVM's zone, here India (UTC+05:30).
        ZoneId india = ZoneId.of("Asia/Kolkata");
        assertThat(frozen("'2026-12-04 20:52:28.5'", "'2026-12-04 20:52:30'", india))
                .contains(FROZEN + "2026-12-04 20:52:28.5 vs 2026-12-04 20:52:30");
        assertThat(frozen("'2026-12-04 20:52:28.5'", "'2026-12-04 20:52:30'", ZoneOffset.UTC))
                .isEmpty();
    }

    @Test
    void aDateIsFrozenWhenItIsTheDateOfTheRun() {
        assertThat(frozen("'2026-12-03'::date", "'2026-12-04'::date")).isEmpty();
        // A run over midnight in UTC, and then over midnight in India.
        Instant midnight = Instant.parse("2026-12-05T00:00:00Z");
        assertThat(frozen("'2026-12-04'::date", "'2026-12-05'::date", ZoneOffset.UTC, midnight))
                .contains(FROZEN + "2026-12-04 vs 2026-12-05");
        Instant midnightInIndia = Instant.parse("2026-12-04T18:30:00Z");
        assertThat(frozen("'2026-12-04'::date", "'2026-12-05'::date", ZoneId.of("Asia/Kolkata"), midnightInIndia))
                .contains(FROZEN + "2026-12-04 vs 2026-12-05");
        assertThat(frozen("'2026-12-04'::date", "'2026-12-05'::date", ZoneOffset.UTC, midnightInIndia))
                .isEmpty();
    }

    @Test
    void aFrozenDefaultOfAColumnIsEquivalentToo() {
        SchemaSnapshot before = column("'2026-12-04 15:22:28.1+00'::timestamp with time zone");
        SchemaSnapshot after = column("'2026-12-04 15:22:30.2+00'::timestamp with time zone");

        assertThat(compare(before, after))
                .containsExactly(new Compared(
                        new SchemaSnapshot.Difference(
                                "table t / column created",
                                "default",
                                "'2026-12-04 15:22:28.1+00'::timestamp with time zone",
                                "'2026-12-04 15:22:30.2+00'::timestamp with time zone"),
                        Optional.of(FROZEN + "2026-12-04 15:22:28.1+00 vs 2026-12-04 15:22:30.2+00"),
                        List.of()));
    }

    @Test
    void theDifferencesKeepTheirOrder() {
        SchemaSnapshot before = new Snapshots()
                .put("table t", "column order", "a, b")
                .put("table t / column a", "type", "int")
                .put("table t / column b", "type", "int")
                .put("view v", "definition", "SELECT 1")
                .build();
        SchemaSnapshot after = new Snapshots()
                .put("table t", "column order", "b, a")
                .put("table t / column a", "type", "bigint")
                .put("table t / column b", "type", "int")
                .put("view w", "definition", "SELECT 1")
                .build();

        assertThat(compare(before, after))
                .containsExactly(
                        new Compared(
                                new SchemaSnapshot.Difference("table t", "column order", "a, b", "b, a"),
                                Optional.of("column order only: a came back last (b, a instead of a, b)" + RE_ADDED),
                                List.of()),
                        plain("table t / column a", "type", "int", "bigint"),
                        plain("view v", null, "definition=SELECT 1", null),
                        plain("view w", null, null, "definition=SELECT 1"));
    }

    private static List<Compared> compare(SchemaSnapshot before, SchemaSnapshot after) {
        return Comparison.of(before, after, STARTED, NOW, ZoneOffset.UTC);
    }

    private static Optional<String> frozen(String before, String after) {
        return frozen(before, after, ZoneOffset.UTC);
    }

    private static Optional<String> frozen(String before, String after, ZoneId zone) {
        return frozen(before, after, zone, STARTED, NOW);
    }

    /** A run of a second either side of {@code instant}. */
    private static Optional<String> frozen(String before, String after, ZoneId zone, Instant instant) {
        return frozen(before, after, zone, instant.minusSeconds(1), instant.plusSeconds(1));
    }

    /** Why a column default of {@code before} and one of {@code after} are equivalent, in a JVM in {@code zone}. */
    private static Optional<String> frozen(String before, String after, ZoneId zone, Instant started, Instant now) {
        List<Compared> compared = Comparison.of(column(before), column(after), started, now, zone);
        assertThat(compared).hasSize(1);
        return compared.get(0).equivalentBecause();
    }

    private static Compared plain(String object, String attribute, String before, String after) {
        return new Compared(
                new SchemaSnapshot.Difference(object, attribute, before, after), Optional.empty(), List.of());
    }

    /** Table {@code t} with its columns in {@code order}. */
    private static SchemaSnapshot table(String order) {
        Snapshots snapshot = new Snapshots().put("table t", "column order", order);
        for (String column : order.split(", ")) {
            snapshot.put("table t / column " + column, "type", "int");
        }
        return snapshot.build();
    }

    private static SchemaSnapshot column(String defaultValue) {
        return new Snapshots()
                .put("table t / column created", "default", defaultValue)
                .build();
    }

    private static SchemaSnapshot views(String definition) {
        return new Snapshots().put("view recent", "definition", definition).build();
    }

    /** A view as PostgreSQL's pg_get_viewdef writes one made with {@code WHERE created < 'now'::timestamp}. */
    private static String view(String timestamp) {
        return "SELECT orders.id, orders.total FROM orders WHERE orders.created < " + timestamp;
    }
}
