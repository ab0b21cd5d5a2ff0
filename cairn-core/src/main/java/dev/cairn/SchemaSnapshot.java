// SPDX-License-Identifier: Apache-2.0
package dev.cairn;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A database schema as Cairn compares it: every object (table, column, constraint, index, view,
 * sequence, trigger, routine) under a stable path such as {@code table users / column email}, each
 * with its attributes ({@code type}, {@code nullable}, {@code default}, …) as normalised text. The
 * same schema always gives the same snapshot, whatever order the database lists it in, so that two
 * snapshots can be compared attribute by attribute and the text form diffs well in code review.
 *
 * <p>Cairn's own tables (the tracking table and its lock table) are never part of a snapshot.
 *
 * @param objects each object's attributes, by path, sorted by path
 */
public record SchemaSnapshot(SortedMap<String, SortedMap<String, String>> objects) {

    /** Creates the snapshot; the maps are copied and sorted. */
    public SchemaSnapshot {
        SortedMap<String, SortedMap<String, String>> copy = new TreeMap<>();
        objects.forEach(
                (path, attributes) -> copy.put(path, Collections.unmodifiableSortedMap(new TreeMap<>(attributes))));
        objects = Collections.unmodifiableSortedMap(copy);
    }

    /**
     * The snapshot as text: one line per object, its path, then its attributes in name order, as
     * {@code name=value} separated by {@code ; }. Stable, and one object per line, so a diff of two
     * texts shows exactly what changed.
     */
    public String text() {
        StringBuilder text = new StringBuilder();
        for (Map.Entry<String, SortedMap<String, String>> object : objects.entrySet()) {
            text.append(object.getKey());
            List<String> attributes = new ArrayList<>();
            object.getValue().forEach((name, value) -> attributes.add(name + "=" + value));
            if (!attributes.isEmpty()) {
                text.append(": ").append(String.join("; ", attributes));
            }
            text.append('\n');
        }
        return text.toString();
    }

    /**
     * What differs from {@code before} to this snapshot, object by object and attribute by attribute,
     * in path order.
     */
    public List<Difference> since(SchemaSnapshot before) {
        List<Difference> differences = new ArrayList<>();
        TreeSet<String> paths = new TreeSet<>(before.objects.keySet());
        paths.addAll(objects.keySet());
        for (String path : paths) {
            SortedMap<String, String> was = before.objects.get(path);
            SortedMap<String, String> now = objects.get(path);
            if (was == null) {
                differences.add(new Difference(path, null, null, describe(now)));
            } else if (now == null) {
                differences.add(new Difference(path, null, describe(was), null));
            } else if (!was.equals(now)) {
                TreeSet<String> names = new TreeSet<>(was.keySet());
                names.addAll(now.keySet());
                for (String name : names) {
                    if (!Objects.equals(was.get(name), now.get(name))) {
                        differences.add(new Difference(path, name, was.get(name), now.get(name)));
                    }
                }
            }
        }
        return differences;
    }

    private static String describe(SortedMap<String, String> attributes) {
        List<String> parts = new ArrayList<>();
        attributes.forEach((name, value) -> parts.add(name + "=" + value));
        return String.join("; ", parts);
    }

    /**
     * One difference between two snapshots.
     *
     * @param object the object's path, such as {@code table users / column email}
     * @param attribute the attribute that differs; null when the whole object was added or removed
     * @param before the value before (for a removed object, all its attributes); null if it was added
     * @param after the value after (for an added object, all its attributes); null if it was removed
     */
    public record Difference(String object, String attribute, String before, String after) {

        /** The difference as a sentence, such as {@code table users / column email: type varchar(255) → text}. */
        @Override
        public String toString() {
            if (attribute == null) {
                return object + (before == null ? ": added (" + after + ")" : ": missing (was " + before + ")");
            }
            return object + ": " + attribute + " " + (before == null ? "(none)" : before) + " -> "
                    + (after == null ? "(none)" : after);
        }
    }
}
