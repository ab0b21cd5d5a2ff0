// SPDX-License-Identifier: Apache-2.0
package dev.cairn.bench;

import dev.cairn.internal.dialect.Dialect;
import dev.cairn.internal.history.HistoryRow;
import dev.cairn.internal.source.Checksum;
import dev.cairn.internal.source.Migration;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Issue 6's workload: migration N is {@code NNNNN_create_t_NNNNN.sql}, which creates the table
 * {@code t_NNNNN} and whose down section drops it. Every benchmark reads the same files, so that a
 * figure at 1,000 and one at 10,000 differ only in how many there are.
 */
final class Workload {

    /** The dialect whose rules the in-process benchmarks split with, as a session on PostgreSQL picks it. */
    static final Dialect POSTGRESQL = Dialect.forUrl("jdbc:postgresql://localhost/bench");

    /** When every simulated history row says it was applied; any fixed instant does. */
    private static final Instant APPLIED_AT = Instant.parse("2026-11-24T15:30:00Z");

    private Workload() {}

    /** The name of migration {@code n} (1-based), without {@code .sql}. */
    static String name(int n) {
        return String.format(Locale.ROOT, "%05d_create_t_%05d", n, n);
    }

    /** The content of migration {@code n}'s file. */
    static String content(int n) {
        String table = String.format(Locale.ROOT, "t_%05d", n);
        return "-- migrate:up\nCREATE TABLE " + table + " (id int primary key, v text);\n"
                + "-- migrate:down\nDROP TABLE " + table + ";\n";
    }

    /** Writes migrations 1 to {@code count} into a new temporary directory and returns it. */
    static Path writeMigrations(int count) {
        try {
            Path directory = Files.createTempDirectory("cairn-jmh-migrations-");
            for (int n = 1; n <= count; n++) {
                Files.writeString(directory.resolve(name(n) + ".sql"), content(n), StandardCharsets.UTF_8);
            }
            return directory;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the benchmark's migrations", e);
        }
    }

    /**
     * The tracking table as it stands after {@code migrations} were applied in one batch by
     * {@code cairn migrate} on PostgreSQL: one complete row each, with its sections' checksums, so that nothing is
     * pending, edited or missing. Each row has strings of its own, as rows read from the database
     * do, so that comparing a row's name or checksum with its file's reads both, not one object twice.
     */
    static List<HistoryRow> appliedHistory(List<Migration> migrations) {
        List<HistoryRow> rows = new ArrayList<>(migrations.size());
        int id = 1;
        for (Migration migration : migrations) {
            Checksum.Sections checksums = migration.checksums(POSTGRESQL.splitRules());
            rows.add(new HistoryRow(
                    id++,
                    copy(migration.version().text()),
                    copy(migration.name()),
                    1,
                    copy(checksums.up()),
                    Checksum.ALGORITHM,
                    copy(checksums.down()),
                    APPLIED_AT,
                    3,
                    null));
        }
        return List.copyOf(rows);
    }

    /** An equal string that is not the same object. */
    private static String copy(String text) {
        return new String(text.toCharArray());
    }

    /** Deletes {@code directory} and everything in it, if it exists. */
    static void deleteTree(Path directory) {
        if (directory == null || !Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete " + directory, e);
        }
    }

    /** Fails the run when a benchmark's input is not what it claims to measure. */
    static void check(boolean condition, String what) {
        if (!condition) {
            throw new IllegalStateException("Benchmark setup is wrong: " + what);
        }
    }
}
