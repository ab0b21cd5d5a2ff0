// SPDX-License-Identifier: Apache-2.0
package dev.cairn.internal.plan;

import dev.cairn.ConfigurationException;
import dev.cairn.Direction;
import dev.cairn.MigrationFileException;
import dev.cairn.MigrationStatus;
import dev.cairn.Operation;
import dev.cairn.Problem;
import dev.cairn.Status;
import dev.cairn.ValidationException;
import dev.cairn.internal.history.HistoryRow;
import dev.cairn.internal.source.Checksum;
import dev.cairn.internal.source.Migration;
import dev.cairn.internal.source.Section;
import dev.cairn.internal.source.Version;
import dev.cairn.internal.sql.SplitRules;
import dev.cairn.internal.sql.SqlSyntaxException;
import dev.cairn.internal.sql.Statement;
import dev.cairn.internal.sql.StatementSplitter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Merges the migration files with the tracking table and works out what a command does: the steps
 * of a change, or the status. Pure: no I/O, no database. Refuses, before anything runs, what cannot
 * be done safely (undoing an irreversible migration, or one whose file is gone).
 */
public final class Planner {

    /**
     * Statements that end or start a transaction. In a transactional section they would commit the
     * batch half-way, so that a later failure could no longer undo it; they are refused there.
     */
    private static final Pattern TRANSACTION_CONTROL = Pattern.compile(
            "(?is)^(begin|start\\s+transaction|commit|end|abort"
                    + "|rollback(?!\\s+(work\\s+|transaction\\s+)?to\\b))\\b.*");

    private final List<Migration> migrations;
    private final List<HistoryRow> history;
    private final Map<String, Migration> byName = new HashMap<>();
    private final Set<String> applied;
    private final int currentBatch;

    /**
     * Merges {@code migrations} (ordered by version) with {@code history} (ordered by id).
     */
    public Planner(List<Migration> migrations, List<HistoryRow> history) {
        this.migrations = migrations;
        this.history = history;
        for (Migration migration : migrations) {
            byName.put(migration.name(), migration);
        }
        this.applied = history.stream().map(HistoryRow::name).collect(Collectors.toSet());
        this.currentBatch = history.stream().mapToInt(HistoryRow::batch).max().orElse(0);
    }

    /**
     * The steps of {@code operation}, split into statements with {@code rules}.
     *
     * @throws ConfigurationException if the operation names a version or batch that does not fit
     * @throws ValidationException if a migration to undo is irreversible or its file is gone
     * @throws MigrationFileException if a section to run cannot be split into statements
     */
    public Work plan(Operation operation, SplitRules rules) {
        int nextId = history.stream().mapToInt(HistoryRow::id).max().orElse(0) + 1;
        if (operation.direction() == Direction.UP) {
            List<Migration> pending = pending();
            if (operation.kind() == Operation.Kind.UP) {
                pending = pending.isEmpty() ? pending : pending.subList(0, 1);
            } else if (operation.version().isPresent()) {
                Version target = resolveTarget(operation.version().get()).version();
                pending = pending.stream().filter(m -> m.version().compareTo(target) <= 0).toList();
            }
            int batch = currentBatch + 1;
            List<Step> steps = new ArrayList<>();
            for (Migration migration : pending) {
                steps.add(step(migration, Direction.UP, migration.up(), batch, null, rules));
            }
            return new Work(operation, steps.isEmpty() ? OptionalInt.empty() : OptionalInt.of(batch), steps, nextId);
        }
        List<HistoryRow> toUndo = rowsToUndo(operation);
        List<String> refusals = new ArrayList<>();
        for (HistoryRow row : toUndo) {
            Migration migration = byName.get(row.name());
            if (migration == null) {
                refusals.add(row.name() + ": its file is gone (applied in batch " + row.batch()
                        + "); restore the file to roll it back");
            } else if (!migration.reversible()) {
                refusals.add(row.name() + ": it is irreversible (" + migration.file().getFileName()
                        + " has no `-- migrate:down` section)");
            }
        }
        if (!refusals.isEmpty()) {
            throw new ValidationException("Cannot " + operation + ": " + refusals.size()
                    + (refusals.size() == 1 ? " migration" : " migrations")
                    + " cannot be undone. Nothing was changed.", refusals);
        }
        List<Step> steps = new ArrayList<>();
        for (HistoryRow row : toUndo) {
            Migration migration = byName.get(row.name());
            steps.add(step(migration, Direction.DOWN, migration.down(), row.batch(), row, rules));
        }
        return new Work(operation, OptionalInt.empty(), steps, nextId);
    }

    /** Where the database stands against the files. */
    public Status status() {
        List<MigrationStatus> entries = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        for (HistoryRow row : history) {
            Migration migration = byName.get(row.name());
            if (migration == null) {
                problems.add(new Problem(Problem.Kind.MISSING_FILE, row.name(), row.name()
                        + " is applied (batch " + row.batch() + ") but its file is gone; restore it, or it can never"
                        + " be rolled back"));
            } else if (row.checksumAlgorithm() == Checksum.ALGORITHM && !row.checksum().equals(migration.checksum())) {
                problems.add(new Problem(Problem.Kind.EDITED, row.name(), migration.file().getFileName()
                        + " was changed after it was applied; applied files should not change: revert the edit and"
                        + " write a new migration instead"));
            }
            entries.add(new MigrationStatus(
                    row.name(),
                    row.version(),
                    migration == null ? "" : migration.description(),
                    migration == null ? MigrationStatus.State.MISSING : MigrationStatus.State.APPLIED,
                    Optional.of(row.batch()),
                    Optional.ofNullable(row.appliedAt()),
                    Optional.of(Duration.ofMillis(row.executionMillis())),
                    migration != null && migration.reversible(),
                    Optional.ofNullable(migration).map(Migration::file)));
        }
        Optional<Version> newestApplied = history.stream()
                .map(row -> Version.leadingDigitsOf(row.version()))
                .filter(v -> v != null)
                .max(Comparator.naturalOrder());
        for (Migration migration : pending()) {
            if (newestApplied.isPresent() && migration.version().compareTo(newestApplied.get()) < 0) {
                problems.add(new Problem(Problem.Kind.OUT_OF_ORDER, migration.name(), migration.name()
                        + " is pending but older than the newest applied migration (" + newestApplied.get()
                        + "); it was probably merged from another branch"));
            }
            entries.add(new MigrationStatus(
                    migration.name(),
                    migration.version().text(),
                    migration.description(),
                    MigrationStatus.State.PENDING,
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    migration.reversible(),
                    Optional.of(migration.file())));
        }
        return new Status(newestApplied.map(Version::text), currentBatch, entries, problems);
    }

    private List<Migration> pending() {
        return migrations.stream().filter(m -> !applied.contains(m.name())).toList();
    }

    private List<HistoryRow> rowsToUndo(Operation operation) {
        List<HistoryRow> newestFirst = new ArrayList<>(history);
        newestFirst.sort(Comparator.comparingInt(HistoryRow::id).reversed());
        switch (operation.kind()) {
            case DOWN:
                return newestFirst.isEmpty() ? List.of() : newestFirst.subList(0, 1);
            case ROLLBACK:
                return newestFirst.stream().filter(row -> row.batch() == currentBatch).toList();
            case ROLLBACK_ALL:
                return newestFirst;
            case ROLLBACK_TO: {
                HistoryRow target = resolveApplied(operation.version().orElseThrow());
                Version version = Version.leadingDigitsOf(target.version());
                return newestFirst.stream()
                        .filter(row -> Version.leadingDigitsOf(row.version()).compareTo(version) > 0)
                        .toList();
            }
            case ROLLBACK_TO_BATCH: {
                int batch = operation.batch().orElseThrow();
                if (batch > currentBatch) {
                    throw new ConfigurationException("Cannot roll back to batch " + batch + ": the newest batch is "
                            + currentBatch + ". `cairn status` shows the batches.");
                }
                return newestFirst.stream().filter(row -> row.batch() > batch).toList();
            }
            default:
                throw new IllegalArgumentException("Not a rollback: " + operation);
        }
    }

    /** The migration file that {@code target} (a version or a full name) names. */
    private Migration resolveTarget(String target) {
        Migration byFullName = byName.get(target);
        if (byFullName != null) {
            return byFullName;
        }
        Version version = Version.leadingDigitsOf(target);
        if (version != null && version.text().equals(target)) {
            for (Migration migration : migrations) {
                if (migration.version().sameAs(version)) {
                    return migration;
                }
            }
        }
        throw new ConfigurationException("No migration has the version or name '" + target + "'; `cairn status`"
                + " lists them.");
    }

    /** The applied row that {@code target} (a version or a full name) names. */
    private HistoryRow resolveApplied(String target) {
        Version version = Version.leadingDigitsOf(target);
        boolean isVersion = version != null && version.text().equals(target);
        for (HistoryRow row : history) {
            if (row.name().equals(target)
                    || isVersion && version.sameAs(Version.leadingDigitsOf(row.version()))) {
                return row;
            }
        }
        throw new ConfigurationException("Cannot roll back to '" + target + "': it is not applied. "
                + (history.isEmpty() ? "Nothing is applied." : "The applied versions are "
                        + history.stream().map(HistoryRow::version).collect(Collectors.joining(", ")) + "."));
    }

    private static Step step(
            Migration migration, Direction direction, Section section, int batch, HistoryRow row, SplitRules rules) {
        List<Statement> statements;
        try {
            statements = StatementSplitter.split(section.text(), section.firstLine(), rules);
        } catch (SqlSyntaxException e) {
            throw new MigrationFileException(section.file(), e.line(), e.getMessage());
        }
        if (section.transactional()) {
            for (Statement statement : statements) {
                if (TRANSACTION_CONTROL.matcher(statement.sql()).matches()) {
                    String word = statement.sql().split("\\s+", 2)[0].toUpperCase(Locale.ROOT);
                    throw new MigrationFileException(section.file(), statement.line(),
                            word + " ends or starts a transaction, but Cairn already runs this section in one, so a"
                                    + " later failure could no longer be undone; remove it, or mark the section"
                                    + " `-- migrate:" + direction.label() + " transaction:false`");
                }
            }
        }
        return new Step(migration, direction, section, statements, batch, row);
    }
}
