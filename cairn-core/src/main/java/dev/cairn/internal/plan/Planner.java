// SPDX-License-Identifier: Apache-2.0
package dev.cairn.internal.plan;

import dev.cairn.ConfigurationException;
import dev.cairn.Direction;
import dev.cairn.MigrationFileException;
import dev.cairn.Operation;
import dev.cairn.Problem;
import dev.cairn.Status;
import dev.cairn.ValidationException;
import dev.cairn.internal.history.HistoryRow;
import dev.cairn.internal.source.Checksum;
import dev.cairn.internal.source.Migration;
import dev.cairn.internal.source.Section;
import dev.cairn.internal.source.Version;
import dev.cairn.internal.sql.Placeholders;
import dev.cairn.internal.sql.SplitRules;
import dev.cairn.internal.sql.Statement;
import dev.cairn.internal.sql.TransactionRules;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
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
 *
 * <p>An applied migration's up section is what the tracking table vouches for: a changed up section
 * makes every change refuse. Its down section may change (to fix a down that fails): that is a
 * notice ({@link Problem.Kind#DOWN_CHANGED}), never a refusal. Rows of checksum algorithm 1 have one
 * checksum for the whole file and are compared as before, whole; {@link #checksumUpgrades} moves the
 * rows whose file is unchanged to the current algorithm.
 */
public final class Planner {

    /**
     * Statements that end or start a transaction. In a transactional section they would commit the
     * batch half-way, so that a later failure could no longer undo it; they are refused there.
     */
    private static final Pattern TRANSACTION_CONTROL =
            Pattern.compile("(?is)^(begin|start\\s+transaction|commit|end|abort"
                    + "|rollback(?!\\s+(work\\s+|transaction\\s+)?to\\b))\\b.*");

    private final List<Migration> migrations;
    private final List<HistoryRow> history;
    private final Map<String, Migration> byName = new HashMap<>();
    private final Set<String> applied;
    private final List<HistoryRow> incomplete;
    private final int currentBatch;
    private final Placeholders placeholders;

    /**
     * Merges {@code migrations} (ordered by version) with {@code history} (ordered by id).
     */
    public Planner(List<Migration> migrations, List<HistoryRow> history) {
        this(migrations, history, Placeholders.NONE);
    }

    /**
     * Merges {@code migrations} (ordered by version) with the tracking table's {@code rows} (ordered by
     * id); the sections to run get {@code placeholders} put in before they are cut into statements.
     */
    public Planner(List<Migration> migrations, List<HistoryRow> rows, Placeholders placeholders) {
        this.placeholders = placeholders;
        this.migrations = migrations;
        // The rows of migrations a squash replaced read as the squashed one (recorded so at the next write).
        List<HistoryRow> history = Squashes.collapse(migrations, rows);
        this.history = history;
        for (Migration migration : migrations) {
            byName.put(migration.name(), migration);
        }
        this.applied = history.stream().map(HistoryRow::name).collect(Collectors.toSet());
        this.incomplete = history.stream().filter(HistoryRow::isIncomplete).toList();
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
        return plan(operation, rules, true);
    }

    /**
     * The steps of {@code operation}, split into statements with {@code rules}, for a database whose
     * DDL is transactional or not. Where it is not, sections never run in Cairn's transaction, so
     * they may hold transaction control of their own (a data change in {@code START TRANSACTION …
     * COMMIT} on MySQL).
     */
    public Work plan(Operation operation, SplitRules rules, boolean transactionalDdl) {
        return plan(operation, rules, transactionalDdl ? TransactionRules.TRANSACTIONAL : TransactionRules.AUTOCOMMIT);
    }

    /**
     * The steps of {@code operation}, split into statements with {@code rules}, for a database whose
     * transactions follow {@code transactions}: where DDL is transactional, a transactional section
     * may hold neither transaction control nor a statement the database refuses in a transaction
     * ({@code CREATE INDEX CONCURRENTLY}, {@code VACUUM}, ...).
     *
     * @throws MigrationFileException for the first such statement in a section to run, naming the
     *     file, the line and {@code transaction:false}
     */
    public Work plan(Operation operation, SplitRules rules, TransactionRules transactions) {
        refuseUnsafeHistory(operation, rules);
        int nextId = history.stream().mapToInt(HistoryRow::id).max().orElse(0) + 1;
        if (operation.direction() == Direction.UP) {
            int batch = currentBatch + 1;
            List<Step> steps = new ArrayList<>();
            for (HistoryRow row : incomplete) {
                if (row.progress().direction() == Direction.DOWN) {
                    throw refusal(
                            operation,
                            row.name() + " was being rolled back when its down section stopped after"
                                    + " statement " + row.progress().statementsRun()
                                    + "; finish undoing it first: run the"
                                    + " rollback again (after fixing its down section), or undo the rest by hand and"
                                    + " run `cairn repair " + row.name() + " --finished-by-hand`");
                }
                steps.add(resume(row, batch, rules, transactions));
            }
            List<Migration> pending = pending();
            Optional<String> nothingToDo = Optional.empty();
            if (operation.version().isPresent()) {
                Migration targetMigration = resolveTarget(operation.version().get());
                Version target = targetMigration.version();
                List<Migration> newer = pending.stream()
                        .filter(m -> m.version().compareTo(target) > 0)
                        .toList();
                pending = pending.stream()
                        .filter(m -> m.version().compareTo(target) <= 0)
                        .toList();
                if (applied.contains(targetMigration.name())) {
                    nothingToDo = Optional.of(alreadyApplied(targetMigration, newer));
                }
            }
            for (Migration migration : pending) {
                steps.add(step(migration, Direction.UP, migration.up(), batch, null, rules, transactions));
            }
            if (operation.kind() == Operation.Kind.UP && steps.size() > 1) {
                steps = steps.subList(0, 1);
            }
            return new Work(
                    operation,
                    steps.isEmpty() ? OptionalInt.empty() : OptionalInt.of(batch),
                    steps,
                    nextId,
                    nothingToDo);
        }
        for (HistoryRow row : incomplete) {
            if (row.progress().direction() == Direction.UP) {
                throw refusal(
                        operation,
                        row.name() + " stopped after statement "
                                + row.progress().statementsRun()
                                + " of its up section, so its down section cannot be trusted to undo it; finish it"
                                + " first: fix"
                                + " the failing statement and run `cairn migrate` (it resumes there), or finish it by"
                                + " hand and run `cairn repair " + row.name() + " --finished-by-hand`; then roll back");
            }
        }
        List<HistoryRow> toUndo = rowsToUndo(operation);
        for (HistoryRow row : incomplete) {
            if (!toUndo.contains(row)) {
                throw refusal(
                        operation,
                        row.name() + " was being rolled back when its down section stopped after"
                                + " statement " + row.progress().statementsRun() + ", and " + operation
                                + " would leave it"
                                + " so; roll it back first (`cairn down`), or undo the rest by hand and run `cairn"
                                + " repair`");
            }
        }
        List<String> refusals = new ArrayList<>();
        for (HistoryRow row : toUndo) {
            Migration migration = byName.get(row.name());
            if (migration == null) {
                refusals.add(row.name() + ": its file is gone (applied in batch " + row.batch()
                        + "); restore the file to roll it back, or, to leave what it made in the database, forget"
                        + " it with `cairn repair --forget " + row.name() + "` and roll back the rest");
            } else if (row.isBaseline() && !operation.undoesBaseline()) {
                refusals.add(row.name() + ": it was recorded by `cairn baseline` (batch " + row.batch() + "), so it"
                        + " never ran here and its down was never proven on this database; roll back only what ran"
                        + " after the baseline, or add --into-baseline to run its down anyway");
            } else if (!migration.reversible()) {
                refusals.add(row.name() + ": it is irreversible ("
                        + (migration.isJava()
                                ? migration.source() + " does not override down(Connection)"
                                : migration.file().getFileName() + " has no `-- migrate:down` section")
                        + ")");
            }
        }
        if (!refusals.isEmpty()) {
            throw new ValidationException(
                    "Cannot " + operation + ": " + refusals.size()
                            + (refusals.size() == 1 ? " migration" : " migrations")
                            + " cannot be undone. Nothing was changed.",
                    refusals);
        }
        List<Step> steps = new ArrayList<>();
        if (toUndo.isEmpty()) {
            return new Work(operation, OptionalInt.empty(), steps, nextId, nothingToUndo(operation));
        }
        for (HistoryRow row : toUndo) {
            Migration migration = byName.get(row.name());
            steps.add(
                    row.isIncomplete()
                            ? resume(row, row.batch(), rules, transactions)
                            : step(migration, Direction.DOWN, migration.down(), row.batch(), row, rules, transactions));
        }
        return new Work(operation, OptionalInt.empty(), steps, nextId);
    }

    /**
     * The rows that {@code cairn baseline target} records: every migration up to {@code target} (a
     * version or a full name), as applied in batch 1 at {@code now}, with its checksums by {@code rules}
     * (so that an edit after the baseline is told like any other) and origin {@link HistoryRow#BASELINE}.
     *
     * @throws ValidationException if the tracking table has rows already, or a Java migration up to
     *     {@code target} must run ({@link dev.cairn.JavaMigration#mustRunOnBaseline()}); nothing is written
     * @throws ConfigurationException if {@code target} names no migration
     */
    public List<HistoryRow> baseline(String target, SplitRules rules, Instant now) {
        requireNoHistory(history, "baseline", "A baseline is for a database whose schema was made without Cairn");
        Version top = resolveTarget(target).version();
        List<Migration> covered = migrations.stream()
                .filter(migration -> migration.version().compareTo(top) <= 0)
                .toList();
        List<Migration> mustRun = covered.stream()
                .filter(migration -> migration.isJava() && migration.java().mustRunOnBaseline())
                .toList();
        if (!mustRun.isEmpty()) {
            throw new ValidationException(
                    "Cannot baseline at " + target + ": " + mustRun.size()
                            + (mustRun.size() == 1 ? " migration" : " migrations") + " up to it must run. Baseline"
                            + " below " + mustRun.get(0).name() + " and let `cairn migrate` run it and what follows."
                            + " Nothing was changed.",
                    mustRun.stream()
                            .map(migration -> migration.name() + " (" + migration.source() + ") must run even where"
                                    + " the schema exists (mustRunOnBaseline)")
                            .toList());
        }
        List<HistoryRow> rows = new ArrayList<>();
        for (Migration migration : covered) {
            rows.add(AppliedRow.of(rows.size() + 1, migration, 1, rules, now, 0, HistoryRow.BASELINE));
        }
        return rows;
    }

    /**
     * Refuses {@code command} (baseline, import) on a database that has a Cairn history: they start one.
     *
     * @param purpose what the command is for, as a sentence without its full stop
     */
    static void requireNoHistory(List<HistoryRow> history, String command, String purpose) {
        if (!history.isEmpty()) {
            HistoryRow last = history.get(history.size() - 1);
            throw new ValidationException(
                    "Cannot " + command + ": the tracking table has " + history.size()
                            + (history.size() == 1 ? " row" : " rows") + " already (the newest " + last.name()
                            + ", batch " + last.batch() + "). " + purpose + "; this one has a history, which"
                            + " `cairn status` shows. Nothing was changed.",
                    List.of());
        }
    }

    /** Why {@code migrate --to} applies nothing: {@code target} is applied, and {@code newer} are pending. */
    private static String alreadyApplied(Migration target, List<Migration> newer) {
        String applied = target.name() + " is already applied";
        if (newer.isEmpty()) {
            return applied + ", and no newer migration is pending: the database is up to date.";
        }
        String which = newer.size() == 1
                ? "1 newer migration is pending (" + newer.get(0).name() + ")"
                : newer.size() + " newer migrations are pending ("
                        + newer.get(0).name() + " .. "
                        + newer.get(newer.size() - 1).name() + ")";
        return applied + ", so there is nothing to apply up to it; " + which + ": migrate without a target"
                + " version to apply " + (newer.size() == 1 ? "it" : "them all") + ", or give a newer target.";
    }

    /** Why a rollback undoes nothing, when there is more to say than that. */
    private Optional<String> nothingToUndo(Operation operation) {
        if (history.isEmpty()) {
            return Optional.of("No migration is applied, so there is nothing to roll back.");
        }
        if (operation.kind() == Operation.Kind.ROLLBACK_TO) {
            HistoryRow target = resolveApplied(operation.version().orElseThrow());
            return Optional.of(target.name() + " is the newest applied migration; nothing newer to roll back.");
        }
        if (operation.kind() == Operation.Kind.ROLLBACK_TO_BATCH) {
            return Optional.of(
                    "Batch " + operation.batch().orElseThrow() + " is the newest batch; nothing newer to roll back.");
        }
        return Optional.empty();
    }

    /** Where the database stands against the files, whose statements {@code rules} cut. */
    public Status status(SplitRules rules) {
        return status(rules, Map.of());
    }

    /**
     * Where the database stands against the files, whose statements {@code rules} cut, when the files
     * in {@code unusable} (by migration name) could not be read: an applied migration among them is
     * applied, with its file present, not gone; the caller reports what is wrong with each file.
     */
    public Status status(SplitRules rules, Map<String, Path> unusable) {
        List<Status.Migration> entries = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        for (HistoryRow row : history) {
            Migration migration = byName.get(row.name());
            Path unusableFile = migration == null ? unusable.get(row.name()) : null;
            if (row.isIncomplete()) {
                problems.add(new Problem(Problem.Kind.INCOMPLETE, row.name(), incompleteProblem(row, migration)));
            } else if (unusableFile != null) {
                // Its file is there but cannot be read; the problem with the file says what to fix.
            } else if (migration == null) {
                problems.add(new Problem(Problem.Kind.MISSING_FILE, row.name(), missingFile(row)));
            } else {
                compare(row, migration, rules).ifPresent(problems::add);
            }
            entries.add(new Status.Migration(
                    row.name(),
                    row.version(),
                    migration == null ? "" : migration.description(),
                    row.isIncomplete()
                            ? Status.State.INCOMPLETE
                            : migration == null && unusableFile == null
                                    ? Status.State.MISSING
                                    : row.isBaseline() ? Status.State.BASELINE : Status.State.APPLIED,
                    Optional.of(row.batch()),
                    Optional.ofNullable(row.appliedAt()),
                    Optional.of(Duration.ofMillis(row.executionMillis())),
                    migration != null && migration.reversible(),
                    Optional.ofNullable(migration).map(Migration::file).or(() -> Optional.ofNullable(unusableFile)),
                    Optional.ofNullable(row.progress())
                            .map(p -> new Status.Incomplete(p.direction(), p.statementsRun()))));
        }
        Optional<Version> newestApplied = newestApplied();
        for (Migration migration : pending()) {
            if (newestApplied.isPresent() && migration.version().compareTo(newestApplied.get()) < 0) {
                problems.add(new Problem(
                        Problem.Kind.OUT_OF_ORDER, migration.name(), outOfOrder(migration, newestApplied.get())));
            }
            entries.add(new Status.Migration(
                    migration.name(),
                    migration.version().text(),
                    migration.description(),
                    Status.State.PENDING,
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    migration.reversible(),
                    Optional.of(migration.file()),
                    Optional.empty()));
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
                return newestFirst.stream()
                        .filter(row -> row.batch() == currentBatch)
                        .toList();
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
                            + currentBatch + "; the status shows every batch.");
                }
                return newestFirst.stream().filter(row -> row.batch() > batch).toList();
            }
            default:
                throw new IllegalArgumentException("Not a rollback: " + operation);
        }
    }

    /** The migration file that {@code target} (a version or a full name) names. */
    private Migration resolveTarget(String target) {
        return Migration.named(target, migrations)
                .orElseThrow(() -> new ConfigurationException("No migration has the version or name '" + target + "'; "
                        + (migrations.isEmpty()
                                ? "there are no migrations yet."
                                : "the versions run from "
                                        + migrations.get(0).version().text() + " to "
                                        + migrations
                                                .get(migrations.size() - 1)
                                                .version()
                                                .text()
                                        + " (the status lists them all).")));
    }

    /** The applied row that {@code target} (a version or a full name) names. */
    private HistoryRow resolveApplied(String target) {
        Version version = Version.leadingDigitsOf(target);
        boolean isVersion = version != null && version.text().equals(target);
        for (HistoryRow row : history) {
            if (row.name().equals(target) || isVersion && version.sameAs(Version.leadingDigitsOf(row.version()))) {
                return row;
            }
        }
        String pendingNote = migrations.stream()
                .filter(m -> !applied.contains(m.name()))
                .filter(m -> m.name().equals(target) || isVersion && m.version().sameAs(version))
                .findFirst()
                .map(m -> " (" + m.name() + " is pending)")
                .orElse("");
        throw new ConfigurationException("Cannot roll back to '" + target + "': it is not applied" + pendingNote + ". "
                + (history.isEmpty()
                        ? "Nothing is applied."
                        : "The applied versions are "
                                + history.stream().map(HistoryRow::version).collect(Collectors.joining(", ")) + "."));
    }

    /**
     * Refuses a change, before anything runs, while the files disagree with the tracking table: an
     * applied migration whose file was edited or is gone (its down could no longer be trusted, and
     * history would no longer describe the schema), or, for migrate and up, a pending migration
     * older than the newest applied one unless the operation allows it.
     *
     * @throws ValidationException naming every such migration and what to do about it
     */
    private void refuseUnsafeHistory(Operation operation, SplitRules rules) {
        List<String> problems = new ArrayList<>();
        for (HistoryRow row : history) {
            if (row.isIncomplete()) {
                continue; // its statements that ran are checked when it resumes
            }
            Migration migration = byName.get(row.name());
            if (migration == null) {
                problems.add(missingFile(row));
            } else {
                compare(row, migration, rules)
                        .filter(problem -> problem.kind() == Problem.Kind.EDITED)
                        .ifPresent(problem -> problems.add(problem.message()));
            }
        }
        if (operation.direction() == Direction.UP && !operation.allowsOutOfOrder()) {
            Optional<Version> newest = newestApplied();
            for (Migration migration : pending()) {
                if (newest.isPresent() && migration.version().compareTo(newest.get()) < 0) {
                    problems.add(outOfOrder(migration, newest.get()) + "; if it does not depend on the newer ones,"
                            + " apply it allowing out-of-order migrations (Operation.allowingOutOfOrder(); in the"
                            + " cairn tool, --allow-out-of-order), or give it a newer version");
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(
                    "Cannot " + operation + ": the migration files disagree with the tracking"
                            + " table. Nothing was changed.",
                    problems);
        }
    }

    /**
     * How an applied migration's file compares with its row: nothing (unchanged, or a row of an
     * algorithm this version does not know), {@link Problem.Kind#EDITED} (the up section, or for
     * algorithm 1 the file) or {@link Problem.Kind#DOWN_CHANGED}.
     */
    private Optional<Problem> compare(HistoryRow row, Migration migration, SplitRules rules) {
        if (row.checksumAlgorithm() == Checksum.WHOLE_FILE) {
            return row.checksum().equals(migration.checksum())
                    ? Optional.empty()
                    : Optional.of(new Problem(Problem.Kind.EDITED, row.name(), editedSinceWholeFile(migration)));
        }
        if (row.checksumAlgorithm() != Checksum.ALGORITHM) {
            return Optional.empty();
        }
        Checksum.Sections now = migration.checksums(rules);
        if (!row.checksum().equals(now.up())) {
            return Optional.of(new Problem(Problem.Kind.EDITED, row.name(), upEdited(migration)));
        }
        if (row.downChecksum() != null && !row.downChecksum().equals(now.down())) {
            return Optional.of(new Problem(Problem.Kind.DOWN_CHANGED, row.name(), downChanged(migration)));
        }
        return Optional.empty();
    }

    /**
     * The rows of checksum algorithm 1 whose file is unchanged, with the file's checksums by the
     * current algorithm instead, for a command that changes the database to record (under the lock).
     * A row whose file changed keeps algorithm 1 and stays {@link Problem.Kind#EDITED}.
     */
    public List<HistoryRow> checksumUpgrades(SplitRules rules) {
        List<HistoryRow> upgrades = new ArrayList<>();
        for (HistoryRow row : history) {
            Migration migration = byName.get(row.name());
            if (row.checksumAlgorithm() == Checksum.WHOLE_FILE
                    && migration != null
                    && row.checksum().equals(migration.checksum())) {
                Checksum.Sections now = migration.checksums(rules);
                upgrades.add(row.withChecksums(Checksum.ALGORITHM, now.up(), now.down()));
            }
        }
        return upgrades;
    }

    private static String missingFile(HistoryRow row) {
        return row.name() + " is applied (batch " + row.batch() + ") but its file is gone; restore the file (from"
                + " version control), or, if it was removed on purpose, forget it with `cairn repair --forget "
                + row.name() + "`: the tracking table then no longer has it, and what it made stays in the database";
    }

    private static String upEdited(Migration migration) {
        if (migration.isJava()) {
            return migration.source() + ": its checksum() changed after it was applied, which says its up was"
                    + " changed; put the checksum back and write a new migration instead, or, if the change is"
                    + " deliberate and reviewed, run `cairn repair` to record it";
        }
        return migration.file().getFileName() + ": the up section was changed after it was applied (more than"
                + " comments or whitespace); revert that edit and write a new migration instead (a change to the"
                + " down section alone is allowed), or, if the edit is deliberate and reviewed, run `cairn repair`"
                + " to record it";
    }

    /**
     * An edited file whose row has one checksum for the whole file: which section changed cannot be
     * told, so the way to fix a down is to let a write command record the sections' checksums of the
     * file as it was applied first.
     */
    private static String editedSinceWholeFile(Migration migration) {
        return migration.file().getFileName() + " was changed after it was applied. Its tracking row was written"
                + " by an earlier Cairn, which checksummed the whole file, so it cannot tell whether only the down"
                + " section changed. To fix the down section: put the file back as it was applied, run `cairn"
                + " migrate --to " + migration.name() + "` (it applies nothing newer, and records each section's"
                + " checksum), then make your change to the down section again. To change the up section, put it"
                + " back and write a new migration instead; if the edit is deliberate and reviewed, run `cairn"
                + " repair` to record it";
    }

    private static String downChanged(Migration migration) {
        if (migration.isJava()) {
            return migration.name() + ": " + migration.source()
                    + (migration.reversible()
                            ? " changed after it was applied (it overrides down(Connection) now, or its"
                                    + " transactional() changed); a rollback runs its down as it is now. Prove"
                                    + " that it undoes the up with `cairn verify --from " + migration.name() + "`"
                            : " no longer overrides down(Connection) since it was applied, so it can no longer be"
                                    + " rolled back; put the down back to roll it back");
        }
        if (!migration.reversible()) {
            return migration.name() + ": its down section was removed from "
                    + migration.file().getFileName()
                    + " after it was applied, so it can no longer be rolled back; put the section back to roll it"
                    + " back";
        }
        return migration.name() + ": its down section (in "
                + migration.down().file().getFileName()
                + ") was changed after it was applied; a rollback runs it as it is now. Prove that it undoes the up"
                + " section with `cairn verify --from " + migration.name() + "`";
    }

    private static String outOfOrder(Migration migration, Version newest) {
        return migration.name() + " is pending but older than the newest applied migration (" + newest
                + "); it was probably merged from another branch";
    }

    private Optional<Version> newestApplied() {
        return history.stream()
                .filter(row -> !row.isIncomplete())
                .map(row -> Version.leadingDigitsOf(row.version()))
                .filter(v -> v != null)
                .max(Comparator.naturalOrder());
    }

    /**
     * A problem for each section that cannot be cut into statements (an unclosed string, comment or
     * body), or that holds transaction control where Cairn runs it in a transaction.
     */
    public List<Problem> unsplittable(SplitRules rules, boolean transactionalDdl) {
        return unsplittable(rules, transactionalDdl ? TransactionRules.TRANSACTIONAL : TransactionRules.AUTOCOMMIT);
    }

    /**
     * A problem for each section that cannot be cut into statements, or that holds transaction
     * control or a statement the database refuses in a transaction where Cairn runs it in one.
     */
    public List<Problem> unsplittable(SplitRules rules, TransactionRules transactions) {
        List<Problem> problems = new ArrayList<>();
        for (Migration migration : migrations) {
            for (Direction direction : Direction.values()) {
                Section section = direction == Direction.UP ? migration.up() : migration.down();
                if (section == null) {
                    continue;
                }
                try {
                    step(migration, direction, section, 0, null, rules, transactions);
                } catch (MigrationFileException e) {
                    problems.add(new Problem(Problem.Kind.UNPARSEABLE, migration.name(), e.getMessage()));
                }
            }
        }
        return problems;
    }

    /** The step that carries on a section that stopped part-way, after the statements that ran. */
    private Step resume(HistoryRow row, int batch, SplitRules rules, TransactionRules transactions) {
        HistoryRow.Progress progress = row.progress();
        Direction direction = progress.direction();
        Migration migration = byName.get(row.name());
        String stopped = row.name() + " stopped after statement " + progress.statementsRun() + " of its "
                + direction.label() + " section on an earlier run";
        if (migration == null) {
            throw new ValidationException(
                    "Cannot resume " + row.name() + ": its file is gone. Nothing was changed.",
                    List.of(stopped + ", and its file is gone; restore the file, or finish it by hand and run"
                            + " `cairn repair " + row.name() + " --finished-by-hand`"
                            + (direction == Direction.UP
                                    ? ", or undo what ran by hand and forget it with `cairn repair --forget "
                                            + row.name() + "`"
                                    : "")));
        }
        Section section = direction == Direction.UP ? migration.up() : migration.down();
        if (section == null) {
            throw new ValidationException(
                    "Cannot resume " + row.name() + ": its file has no `-- migrate:down`"
                            + " section now. Nothing was changed.",
                    List.of(stopped + "; put the section back"));
        }
        Step step = step(migration, direction, section, batch, row, rules, transactions);
        int ran = progress.statementsRun();
        List<String> sql = step.statements().stream().map(Statement::sql).toList();
        if (ran > sql.size() || !Checksum.OfStatements.of(sql, ran).equals(progress.statementsChecksum())) {
            throw new ValidationException(
                    "Cannot resume " + row.name() + ": the statements that ran have changed"
                            + " since. Nothing was changed.",
                    List.of(stopped + ", and statements 1-" + ran + " in "
                            + section.file().getFileName() + " are not the ones that ran, so Cairn cannot tell what the"
                            + " database holds; put them back as they were (only the statements after them may change),"
                            + " or finish the migration by hand and run `cairn repair " + row.name()
                            + " --finished-by-hand`"));
        }
        return new Step(migration, direction, section, step.statements(), batch, row, ran);
    }

    /** The problem that an incomplete row is, with the way out. */
    private static String incompleteProblem(HistoryRow row, Migration migration) {
        HistoryRow.Progress progress = row.progress();
        int ran = progress.statementsRun();
        String section = progress.direction().label() + " section";
        String what = ran == 0
                ? row.name() + " stopped before the first statement of its " + section + " finished (it failed, or"
                        + " its runner was stopped during it)"
                : row.name() + " stopped after statement " + ran + " of its " + section + ": "
                        + (ran == 1 ? "statement 1 ran and stays" : "statements 1-" + ran + " ran and stay");
        String where = migration == null ? "restore its file, then " : "";
        String again = progress.direction() == Direction.UP ? "run `cairn migrate`" : "run the rollback again";
        return what + "; " + where + "fix the failing statement and " + again + " to resume with it (after a"
                + " runner was stopped, just " + again + "), or finish "
                + (progress.direction() == Direction.UP ? "the migration" : "undoing it")
                + " by hand and run `cairn repair " + row.name() + " --finished-by-hand`"
                + (progress.direction() == Direction.UP
                        ? ", or undo what ran by hand and run `cairn repair --forget " + row.name()
                                + "` to start it over"
                        : "");
    }

    private static ValidationException refusal(Operation operation, String problem) {
        return new ValidationException(
                "Cannot " + operation + ": a migration stopped part-way. Nothing was changed.", List.of(problem));
    }

    private Step step(
            Migration migration,
            Direction direction,
            Section section,
            int batch,
            HistoryRow row,
            SplitRules rules,
            TransactionRules transactions) {
        List<Statement> statements = section.statements(rules, placeholders);
        if (section.code() == null && section.transactional() && transactions.transactionalDdl()) {
            for (Statement statement : statements) {
                Optional<String> refused = transactions.refusedInTransaction(statement.sql());
                if (refused.isPresent()) {
                    throw new MigrationFileException(
                            section.file(),
                            statement.line(),
                            refused.get() + " cannot run inside a transaction, and Cairn runs this section in one"
                                    + " (so it is refused before anything runs); mark the section `-- migrate:"
                                    + direction.label()
                                    + " transaction:false` (best in a migration of its own: such a section runs"
                                    + " outside the batch's transaction, and a failure in it is not rolled back)");
                }
                if (TRANSACTION_CONTROL.matcher(statement.sql()).matches()) {
                    String word = statement.sql().split("\\s+", 2)[0].toUpperCase(Locale.ROOT);
                    throw new MigrationFileException(
                            section.file(),
                            statement.line(),
                            word + " ends or starts a transaction, but Cairn already runs this section in one, so a"
                                    + " later failure could no longer be undone; remove it, or mark the section"
                                    + " `-- migrate:" + direction.label() + " transaction:false`");
                }
            }
        }
        return new Step(migration, direction, section, statements, batch, row, 0);
    }
}
