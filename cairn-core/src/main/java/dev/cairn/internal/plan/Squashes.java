// SPDX-License-Identifier: Apache-2.0
package dev.cairn.internal.plan;

import dev.cairn.internal.history.HistoryRow;
import dev.cairn.internal.source.Checksum;
import dev.cairn.internal.source.Migration;
import dev.cairn.internal.source.Version;
import dev.cairn.internal.sql.SplitRules;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * How a database that applied the migrations {@code cairn squash} replaced sees the one migration that
 * replaced them. A squashed migration (its up marker says {@code squashed}) stands for every older one:
 * where the tracking table has no row of its own but rows of migrations up to its version whose files
 * are gone, among them one of its own version (the newest it replaced), those rows are that migration,
 * applied in the batch and at the time of that newest one. Where they stop short of its version, the
 * database applied only part of what was squashed; nothing is mapped, and the missing files say so.
 */
public final class Squashes {

    /** The origin of the row that stands for the rows a squash replaced. */
    public static final String ORIGIN = "squash";

    private Squashes() {}

    /**
     * What one squashed migration replaces in a history.
     *
     * @param squashed the squashed migration
     * @param replaced the rows it stands for, in history order
     * @param newest the row of the newest migration it replaced: its batch and time are the squash's
     */
    public record Mapping(Migration squashed, List<HistoryRow> replaced, HistoryRow newest) {

        /** Copies the list. */
        public Mapping {
            replaced = List.copyOf(replaced);
        }
    }

    /** Each squashed migration of {@code migrations} that {@code history} has rows to map for. */
    public static List<Mapping> mappings(List<Migration> migrations, List<HistoryRow> history) {
        Set<String> names = new HashSet<>();
        migrations.forEach(migration -> names.add(migration.name()));
        List<Mapping> mappings = new ArrayList<>();
        for (Migration migration : migrations) {
            if (!migration.squashed()
                    || history.stream().anyMatch(row -> row.name().equals(migration.name()))) {
                continue;
            }
            List<HistoryRow> replaced = history.stream()
                    .filter(row -> !names.contains(row.name()))
                    .filter(row ->
                            isVersion(row.version()) && new Version(row.version()).compareTo(migration.version()) <= 0)
                    .toList();
            Optional<HistoryRow> newest = replaced.stream()
                    .filter(row -> !row.isIncomplete() && new Version(row.version()).sameAs(migration.version()))
                    .findFirst();
            if (newest.isPresent() && replaced.stream().noneMatch(HistoryRow::isIncomplete)) {
                mappings.add(new Mapping(migration, replaced, newest.get()));
            }
        }
        return mappings;
    }

    private static boolean isVersion(String text) {
        return text != null && !text.isEmpty() && text.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    /**
     * {@code history} as the squashed migrations read it: the rows each replaced become one row of
     * its own, in the place of the first, with the whole file's checksum (which any algorithm compares
     * equal), until a command that writes records it for good ({@link #row}).
     */
    public static List<HistoryRow> collapse(List<Migration> migrations, List<HistoryRow> history) {
        List<Mapping> mappings = mappings(migrations, history);
        if (mappings.isEmpty()) {
            return history;
        }
        List<HistoryRow> rows = new ArrayList<>(history);
        for (Mapping mapping : mappings) {
            int at = rows.indexOf(mapping.replaced().get(0));
            rows.removeAll(mapping.replaced());
            HistoryRow newest = mapping.newest();
            rows.add(
                    at,
                    new HistoryRow(
                            mapping.replaced().get(0).id(),
                            mapping.squashed().version().text(),
                            mapping.squashed().name(),
                            newest.batch(),
                            mapping.squashed().checksum(),
                            Checksum.WHOLE_FILE,
                            null,
                            newest.appliedAt(),
                            0,
                            null,
                            ORIGIN));
        }
        return rows;
    }

    /** The tracking row that records {@code mapping} for good, with checksums cut by {@code rules}. */
    public static HistoryRow row(Mapping mapping, SplitRules rules) {
        return AppliedRow.of(
                mapping.replaced().get(0).id(),
                mapping.squashed(),
                mapping.newest().batch(),
                rules,
                mapping.newest().appliedAt(),
                0,
                ORIGIN);
    }
}
