// SPDX-License-Identifier: Apache-2.0
package dev.cairn.internal.command;

import dev.cairn.ConfigurationException;
import dev.cairn.Direction;
import dev.cairn.Problem;
import dev.cairn.RepairOptions;
import dev.cairn.RepairResult;
import dev.cairn.RepairResult.Kind;
import dev.cairn.ValidationException;
import dev.cairn.internal.dialect.Dialect;
import dev.cairn.internal.history.HistoryRow;
import dev.cairn.internal.history.HistoryStore;
import dev.cairn.internal.plan.Planner;
import dev.cairn.internal.source.Checksum;
import dev.cairn.internal.source.Migration;
import dev.cairn.internal.source.Section;
import dev.cairn.internal.source.Version;
import dev.cairn.internal.sql.SplitRules;
import dev.cairn.internal.sql.Statement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * {@code repair}: makes the tracking table agree with what the user did by hand, and never more than
 * that. A migration whose section stopped part-way is recorded as applied (up) or undone (down) only
 * when the user confirms that they finished it by hand, and only if its statements do not say
 * otherwise (a table its up creates that is missing, one its down drops that is still there); a
 * migration is forgotten (its row deleted) only when named; an applied migration whose file was edited
 * on purpose gets the file's new checksum. Whatever needs a decision that was not given is refused,
 * all before anything changes. Changes nothing but the tracking table, under the migration lock, in
 * one transaction; a dry run reads on a read-only connection without the lock.
 */
public final class Repair {

    /** How much of a statement a message shows. */
    private static final int PREVIEW = 60;
    /** How many statements that did not run a message lists before it says how many more there are. */
    private static final int LISTED = 5;

    private final Settings settings;

    /** The repair for these settings. */
    public Repair(Settings settings) {
        this.settings = settings;
    }

    /**
     * Repairs what {@code options} choose; returns each change made (or, for a dry run, each it would make).
     *
     * @throws ConfigurationException if a named migration is not in the tracking table or has nothing to repair
     * @throws ValidationException if a chosen migration needs a decision not given, or the database
     *     contradicts a part-run section's confirmation; nothing is changed
     */
    public RepairResult repair(RepairOptions options) {
        Stopwatch stopwatch = new Stopwatch();
        List<Migration> migrations = settings.migrations().scan();
        Map<String, Migration> files =
                migrations.stream().collect(Collectors.toMap(Migration::name, Function.identity()));
        try (Session session =
                options.dryRun() ? Session.forReading(settings) : Session.forChange(settings, settings.listener())) {
            Dialect dialect = session.dialect();
            SplitRules rules = dialect.splitRules();
            List<HistoryRow> rows = session.historyRows();
            List<HistoryRow> chosen = choose(options, rows, files, dialect, rules);
            List<Problem> lostFiles = new Planner(migrations, rows)
                    .status(rules).problems().stream()
                            .filter(problem -> problem.kind() == Problem.Kind.MISSING_FILE)
                            .toList();
            List<Change> changes = new ArrayList<>();
            List<String> refusals = new ArrayList<>();
            try {
                for (HistoryRow row : chosen) {
                    Migration file = files.get(row.name());
                    if (options.forget()) {
                        changes.add(new Change(
                                row,
                                Kind.FORGOTTEN,
                                forgotten(row, file, options.dryRun()) + leftBehind(session, row, file)));
                    } else if (row.isIncomplete() && !options.finishedByHand()) {
                        refusals.add(unconfirmed(row, file, dialect));
                    } else if (row.isIncomplete()) {
                        Optional<String> contradiction = contradiction(session, row, file);
                        if (contradiction.isPresent()) {
                            refusals.add(contradiction.get());
                        } else {
                            changes.add(finished(row, options.dryRun()));
                        }
                    } else if (file == null) {
                        lostFiles.stream()
                                .filter(problem -> problem.migration().equals(row.name()))
                                .forEach(problem -> refusals.add(problem.message()));
                    } else {
                        changes.add(new Change(
                                row,
                                Kind.CHECKSUM,
                                row.name()
                                        + (options.dryRun() ? " would carry" : " now carries")
                                        + " the checksum of its edited file."));
                    }
                }
                if (!refusals.isEmpty()) {
                    String others = changes.isEmpty()
                            ? "."
                            : "; to repair only the others, name them: `cairn repair "
                                    + changes.stream().map(Change::name).collect(Collectors.joining(" "))
                                    + (options.finishedByHand() ? " --finished-by-hand" : "") + "`.";
                    throw new ValidationException(
                            "Cannot repair " + (refusals.size() == 1 ? "1 migration" : refusals.size() + " migrations")
                                    + ": repair records only what you vouch for and the database does not"
                                    + " contradict. Nothing was changed" + others,
                            refusals);
                }
                if (!options.dryRun()) {
                    if (session.history().exists()) {
                        session.history().addMissingColumns(); // a table of an earlier version: the rows need them
                    }
                    apply(session.history(), changes, files, rules);
                    session.connection().commit();
                }
            } catch (SQLException e) {
                throw session.failure("repairing the tracking table", e);
            }
            return new RepairResult(
                    changes.stream().map(Change::repair).toList(),
                    options.dryRun(),
                    dialect.name(),
                    dialect.transactionalDdl(),
                    stopwatch.elapsed());
        }
    }

    /**
     * The rows that {@code options} choose: those named, or every one that needs repair.
     *
     * @throws ConfigurationException if a name matches no row, or a named row has nothing to repair
     */
    private static List<HistoryRow> choose(
            RepairOptions options,
            List<HistoryRow> rows,
            Map<String, Migration> files,
            Dialect dialect,
            SplitRules rules) {
        if (options.migrations().isEmpty()) {
            return rows.stream()
                    .filter(row -> needsRepair(row, files.get(row.name()), rules))
                    .toList();
        }
        List<HistoryRow> chosen = new ArrayList<>();
        List<String> wrong = new ArrayList<>();
        for (String name : options.migrations()) {
            Optional<HistoryRow> row =
                    rows.stream().filter(candidate -> names(candidate, name)).findFirst();
            if (row.isEmpty()) {
                wrong.add(notTracked(name, files, dialect));
            } else if (!options.forget()
                    && !needsRepair(row.get(), files.get(row.get().name()), rules)) {
                wrong.add(row.get().name() + " has nothing to repair: it is applied (batch "
                        + row.get().batch()
                        + ") and its file is unchanged (to take it out of the tracking table all the same, `cairn"
                        + " repair --forget " + row.get().name() + "`)");
            } else if (!chosen.contains(row.get())) {
                chosen.add(row.get());
            }
        }
        if (!wrong.isEmpty()) {
            throw new ConfigurationException(String.join("; ", wrong) + ". Nothing was changed.");
        }
        return chosen;
    }

    /** Whether {@code target}, a full name or a version, names the migration of {@code row}. */
    private static boolean names(HistoryRow row, String target) {
        if (row.name().equals(target)) {
            return true;
        }
        Version version = Version.leadingDigitsOf(target);
        return version != null
                && version.text().equals(target)
                && version.sameAs(Version.leadingDigitsOf(row.version()));
    }

    private static String notTracked(String name, Map<String, Migration> files, Dialect dialect) {
        boolean pending = files.containsKey(name)
                || files.values().stream()
                        .anyMatch(file -> file.version().text().equals(name));
        if (!pending) {
            return "No migration in the tracking table has the name or version '" + name
                    + "'; `cairn status` lists them";
        }
        return name + " is not in the tracking table: it is pending, so there is nothing to repair or forget"
                + (dialect.transactionalDdl()
                        ? " (on " + dialect.name() + " a migration that fails is rolled back with its whole batch"
                                + " and leaves nothing behind: fix it and run `cairn migrate` again)"
                        : "");
    }

    private static boolean needsRepair(HistoryRow row, Migration file, SplitRules rules) {
        return row.isIncomplete() || file == null || !carriesChecksumOf(row, file, rules);
    }

    private static boolean carriesChecksumOf(HistoryRow row, Migration file, SplitRules rules) {
        Checksum.Sections now = file.checksums(rules);
        return row.checksumAlgorithm() == Checksum.ALGORITHM
                ? row.checksum().equals(now.up()) && now.down().equals(row.downChecksum())
                : row.checksumAlgorithm() == Checksum.WHOLE_FILE
                        && row.checksum().equals(file.checksum());
    }

    /** Why a part-run section is not recorded as finished without the user's word, and their choices. */
    private String unconfirmed(HistoryRow row, Migration file, Dialect dialect) {
        boolean up = row.progress().direction() == Direction.UP;
        String name = row.name();
        return name + " stopped part-way through its "
                + row.progress().direction().label() + " section: "
                + notCompleted(row, file, dialect) + ". Only you can tell what was done by hand since: if you ran"
                + " the rest by hand, record it as " + (up ? "applied" : "undone") + " with `cairn repair " + name
                + " --finished-by-hand`; "
                + (up
                        ? "if you undid what ran instead, forget it with `cairn repair --forget " + name
                                + "`, and the next `cairn migrate` runs it from its first statement; or fix the"
                                + " failing statement and run `cairn migrate` to resume with it"
                        : "or fix the failing statement and run the rollback again to resume with it");
    }

    /** Which statements of a part-run section Cairn did not complete, with their lines and a preview. */
    private String notCompleted(HistoryRow row, Migration file, Dialect dialect) {
        int ran = row.progress().statementsRun();
        String completed = ran == 0
                ? "Cairn completed none of its statements"
                : "Cairn completed " + (ran == 1 ? "statement 1" : "statements 1-" + ran);
        Optional<Section> section =
                Optional.ofNullable(file).flatMap(f -> f.section(row.progress().direction()));
        if (section.isEmpty()) {
            return completed + ", and " + (file == null ? "its file is gone" : "its file has no such section now")
                    + ", so the statements that Cairn did not complete cannot be listed";
        }
        List<Statement> statements = section.get().statements(dialect.splitRules(), settings.placeholders());
        if (ran >= statements.size()) {
            return completed + ", and the file now has no statement after them";
        }
        List<Statement> rest = statements.subList(ran, statements.size());
        StringBuilder text = new StringBuilder(completed)
                .append(" and did not complete ")
                .append(
                        rest.size() == 1
                                ? "statement " + (ran + 1)
                                : "statements " + (ran + 1) + "-" + statements.size())
                .append(" (")
                .append(section.get().file().getFileName())
                .append(" ");
        for (int i = 0; i < Math.min(rest.size(), LISTED); i++) {
            Statement statement = rest.get(i);
            text.append(i == 0 ? "" : ", ")
                    .append("line ")
                    .append(statement.line())
                    .append(": ")
                    .append(preview(statement.sql()));
        }
        if (rest.size() > LISTED) {
            text.append(", and ").append(rest.size() - LISTED).append(" more");
        }
        return text.append(")").toString();
    }

    private static String preview(String sql) {
        String line = sql.strip().replaceAll("\\s+", " ");
        return line.length() <= PREVIEW ? line : line.substring(0, PREVIEW - 3) + "...";
    }

    /**
     * What the database says against recording a part-run section as finished, if anything: a table that
     * its statements create and that is missing, or one that they drop and that is still there.
     */
    private Optional<String> contradiction(Session session, HistoryRow row, Migration file) throws SQLException {
        Direction direction = row.progress().direction();
        Optional<Section> section = Optional.ofNullable(file).flatMap(f -> f.section(direction));
        if (section.isEmpty() || !session.exists()) {
            return Optional.empty();
        }
        List<String> contradictions = TableEffects.contradictions(
                session.connection(),
                TableEffects.of(section.get().statements(session.dialect().splitRules(), settings.placeholders())));
        if (contradictions.isEmpty()) {
            return Optional.empty();
        }
        boolean up = direction == Direction.UP;
        return Optional.of(row.name() + " cannot be recorded as " + (up ? "applied" : "undone") + ": "
                + "in " + section.get().file().getFileName() + ", "
                + String.join("; ", contradictions) + ". Finish " + (up ? "it" : "undoing it") + " by hand first"
                + (up
                        ? ", or, if you undid what ran instead, forget it with `cairn repair --forget " + row.name()
                                + "`"
                        : ", or fix the failing statement and run the rollback again to resume with it"));
    }

    private static Change finished(HistoryRow row, boolean dryRun) {
        HistoryRow.Progress progress = row.progress();
        boolean up = progress.direction() == Direction.UP;
        return new Change(
                row,
                up ? Kind.COMPLETED : Kind.UNDONE,
                row.name() + (dryRun ? " would be" : " is") + " recorded as " + (up ? "applied" : "undone") + " (its "
                        + progress.direction().label() + " section had stopped after statement "
                        + progress.statementsRun() + "; the rest was done by hand).");
    }

    private static String forgotten(HistoryRow row, Migration file, boolean dryRun) {
        String state = row.isIncomplete()
                ? "its " + row.progress().direction().label() + " section had stopped after statement "
                        + row.progress().statementsRun()
                : "applied in batch " + row.batch();
        return row.name() + (dryRun ? " would be" : " is") + " forgotten (" + state
                + "): the tracking table no longer has it, and whatever it made stays in the database"
                + (file == null ? "." : "; its file is pending again.");
    }

    /**
     * For a part-run up that is forgotten so that it can start over: the tables that its statements
     * that ran created and that are still there, which its first run would trip over. Empty if none.
     */
    private String leftBehind(Session session, HistoryRow row, Migration file) throws SQLException {
        if (!row.isIncomplete() || row.progress().direction() != Direction.UP || file == null || !session.exists()) {
            return "";
        }
        List<Statement> statements = file.up().statements(session.dialect().splitRules(), settings.placeholders());
        List<TableEffects.Expectation> created =
                TableEffects.of(statements.subList(0, Math.min(row.progress().statementsRun(), statements.size())))
                        .stream()
                        .filter(TableEffects.Expectation::exists)
                        .toList();
        List<TableEffects.Expectation> present = TableEffects.present(session.connection(), created);
        if (present.isEmpty()) {
            return "";
        }
        return " Still there from the statements that ran: "
                + present.stream()
                        .map(e -> "table " + e.table() + " (statement " + e.number() + ", line "
                                + e.statement().line() + ")")
                        .collect(Collectors.joining(", "))
                + "; undo " + (present.size() == 1 ? "it" : "them") + " by hand before `cairn migrate` runs the"
                + " migration again from its first statement.";
    }

    private static void apply(
            HistoryStore history, List<Change> changes, Map<String, Migration> files, SplitRules rules)
            throws SQLException {
        for (Change change : changes) {
            HistoryRow row = change.row();
            switch (change.kind()) {
                case FORGOTTEN, UNDONE -> history.delete(row);
                case COMPLETED, CHECKSUM -> history.complete(repaired(row, files.get(row.name()), rules));
                default -> throw new IllegalStateException("No repair of kind " + change.kind());
            }
        }
    }

    /** {@code row} as applied, with the checksum of its file as it is now (or as it was, if it is gone). */
    private static HistoryRow repaired(HistoryRow row, Migration file, SplitRules rules) {
        Checksum.Sections now = file == null ? null : file.checksums(rules);
        return new HistoryRow(
                row.id(),
                row.version(),
                row.name(),
                row.batch(),
                file == null ? row.checksum() : now.up(),
                file == null ? row.checksumAlgorithm() : Checksum.ALGORITHM,
                file == null ? row.downChecksum() : now.down(),
                row.appliedAt(),
                row.executionMillis(),
                null);
    }

    /** One change to make: the row, what to do, and the sentence that says it. */
    private record Change(HistoryRow row, Kind kind, String description) {

        String name() {
            return row.name();
        }

        RepairResult.Repair repair() {
            return new RepairResult.Repair(row.name(), kind, description);
        }
    }
}
