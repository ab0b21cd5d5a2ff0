// SPDX-License-Identifier: Apache-2.0
package dev.cairn.internal.schema;

import dev.cairn.SchemaSnapshot;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Compares the schema before a migration's up with the schema after its down, for {@code cairn
 * verify}, and names the differences that change no behaviour. Only two are ever called harmless:
 * <ul>
 *   <li>a table's {@code column order} that is the old order with some columns moved to the end, which
 *       is what dropping and re-adding a column does on every database but MySQL (and, for SQLite,
 *       which keeps a table as its text, the table's {@code definition} that lists the same elements
 *       with the re-added ones last);
 *   <li>a text that differs only in a timestamp literal from within the verify run, which PostgreSQL
 *       freezes into a view or default from {@code 'now'} when it creates it.
 * </ul>
 * A {@code column order} difference that only follows from columns added or removed (which show as
 * differences of their own) is left out, and so is a table's text (SQLite's {@code definition}) that
 * differs only in the definitions of such columns. Everything else is a plain difference.
 */
public final class Comparison {

    static final String COLUMN_ORDER = "column order";
    private static final String DEFINITION = "definition";
    /** The quotes around an identifier: SQLite takes "name", `name` and [name]. */
    private static final Pattern QUOTES = Pattern.compile("^[\"`\\[]|[\"`\\]]$");

    /** Slack around the run, for clocks that disagree a little and timestamps rounded to the second. */
    private static final Duration SLACK = Duration.ofSeconds(2);

    private Comparison() {}

    /**
     * The differences from {@code before} to {@code after}, in {@link SchemaSnapshot#since} order.
     *
     * @param runStarted when the verify run started
     * @param now the current instant; timestamps from {@code runStarted} to now count as frozen
     */
    public static List<Compared> of(SchemaSnapshot before, SchemaSnapshot after, Instant runStarted, Instant now) {
        return of(before, after, runStarted, now, ZoneId.systemDefault());
    }

    /** As {@link #of(SchemaSnapshot, SchemaSnapshot, Instant, Instant)}, with the JVM's zone given. */
    static List<Compared> of(
            SchemaSnapshot before, SchemaSnapshot after, Instant runStarted, Instant now, ZoneId jvmZone) {
        FrozenTimestamps frozen = new FrozenTimestamps(runStarted.minus(SLACK), now.plus(SLACK), jvmZone);
        List<Compared> compared = new ArrayList<>();
        Set<String> reordered = new HashSet<>();
        List<SchemaSnapshot.Difference> differences = after.since(before);
        Set<String> wholeColumns = wholeColumns(differences);
        for (SchemaSnapshot.Difference difference : differences) {
            String was = difference.before();
            String is = difference.after();
            Optional<String> equivalent = Optional.empty();
            if (COLUMN_ORDER.equals(difference.attribute())
                    && !difference.object().contains(" / ")) {
                List<String> wasColumns = columns(was);
                List<String> isColumns = columns(is);
                if (!Set.copyOf(wasColumns).equals(Set.copyOf(isColumns))) {
                    if (common(wasColumns, isColumns).equals(common(isColumns, wasColumns))) {
                        continue; // only repeats the columns added or removed, which show themselves
                    }
                } else {
                    equivalent = reAddedLast(wasColumns, isColumns);
                    equivalent.ifPresent(reason -> reordered.add(difference.object()));
                }
            } else if (DEFINITION.equals(difference.attribute())
                    && reordered.contains(difference.object())
                    && was != null
                    && is != null
                    && elements(was).equals(elements(is))) {
                // SQLite keeps a table as its CREATE TABLE text and appends a re-added column to it.
                equivalent =
                        Optional.of("the table's text only lists the re-added column last, as its column order does");
            } else if (DEFINITION.equals(difference.attribute())
                    && !difference.object().contains(" / ")
                    && was != null
                    && is != null
                    && onlyColumns(difference.object(), was, is, wholeColumns)) {
                continue; // the text only differs in columns added or removed, which show themselves
            } else if (difference.attribute() != null && was != null && is != null) {
                equivalent = frozen.differOnlyIn(was, is);
            }
            List<String> diff = difference.attribute() == null ? List.of() : DefinitionDiff.of(was, is);
            compared.add(new Compared(difference, equivalent, diff));
        }
        return compared;
    }

    /**
     * The elements of a {@code CREATE TABLE} text (column definitions and table constraints), sorted:
     * the commas at the top level of its first parentheses split it, outside quotes.
     */
    static List<String> elements(String definition) {
        ParenthesisedList list = ParenthesisedList.of(definition);
        List<String> elements =
                new ArrayList<>(list.items().stream().map(String::strip).toList());
        if (list.rest() != null) {
            elements.add(list.rest().strip());
        }
        return elements.stream().sorted().toList();
    }

    /** {@code table T / column C} of each column that is there on one side only. */
    private static Set<String> wholeColumns(List<SchemaSnapshot.Difference> differences) {
        Set<String> columns = new HashSet<>();
        for (SchemaSnapshot.Difference difference : differences) {
            if (difference.attribute() == null && difference.object().contains(" / column ")) {
                columns.add(difference.object());
            }
        }
        return columns;
    }

    /**
     * Whether the texts of {@code table} differ only in elements that define columns added or removed
     * as a whole (each such element starts with the column's name).
     */
    private static boolean onlyColumns(String table, String was, String is, Set<String> wholeColumns) {
        List<String> before = elements(was);
        List<String> after = elements(is);
        List<String> changed = new ArrayList<>(
                before.stream().filter(element -> !after.contains(element)).toList());
        changed.addAll(
                after.stream().filter(element -> !before.contains(element)).toList());
        return !changed.isEmpty()
                && changed.stream()
                        .allMatch(element -> wholeColumns.contains(table + " / column "
                                + Snapshots.name(QUOTES.matcher(element.split("\\s+", 2)[0])
                                        .replaceAll(""))));
    }

    private static List<String> columns(String order) {
        return order == null || order.isEmpty() ? List.of() : List.of(order.split(", ", -1));
    }

    /** {@code columns} without those that {@code other} lacks, in order. */
    private static List<String> common(List<String> columns, List<String> other) {
        return columns.stream().filter(other::contains).toList();
    }

    /**
     * Why {@code after} is harmless, if it is {@code before} with some columns moved to the end in
     * their old relative order (the fewest such columns). Any order is some columns moved to the end
     * in some order, so the moved ones must keep theirs, as a down that re-adds them in turn does.
     */
    private static Optional<String> reAddedLast(List<String> before, List<String> after) {
        for (int kept = after.size() - 1; kept > 0; kept--) {
            List<String> moved = after.subList(kept, after.size());
            List<String> stayed =
                    before.stream().filter(c -> !moved.contains(c)).toList();
            if (stayed.equals(after.subList(0, kept)) && common(before, moved).equals(moved)) {
                return Optional.of("column order only: " + names(moved) + " came back last ("
                        + String.join(", ", after) + " instead of " + String.join(", ", before) + "), as "
                        + (moved.size() == 1 ? "a dropped and re-added column does" : "dropped and re-added columns do")
                        + "; only SELECT * and INSERT without a column list see it");
            }
        }
        return Optional.empty();
    }

    /** {@code b}, {@code b and c}, {@code b, c and d}. */
    private static String names(List<String> columns) {
        int last = columns.size() - 1;
        return last == 0 ? columns.get(0) : String.join(", ", columns.subList(0, last)) + " and " + columns.get(last);
    }

    /**
     * One difference as verify reports it.
     *
     * @param difference what differs
     * @param equivalentBecause why it changes no behaviour, when it does not; empty for a real difference
     * @param diff for a long text attribute, a line diff of its two values ({@code - old}, {@code + new},
     *     {@code   context}, {@code   ...}); empty otherwise
     */
    public record Compared(
            SchemaSnapshot.Difference difference, Optional<String> equivalentBecause, List<String> diff) {

        /** Creates the record; the diff is copied. */
        public Compared {
            diff = List.copyOf(diff);
        }
    }
}
