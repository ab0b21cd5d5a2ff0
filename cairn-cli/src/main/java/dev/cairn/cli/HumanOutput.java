// SPDX-License-Identifier: Apache-2.0
package dev.cairn.cli;

import dev.cairn.BaselineResult;
import dev.cairn.Cairn;
import dev.cairn.Direction;
import dev.cairn.FileImportResult;
import dev.cairn.ImportResult;
import dev.cairn.LintResult;
import dev.cairn.LintRule;
import dev.cairn.MigrateResult;
import dev.cairn.MigrationListener;
import dev.cairn.MigrationRun;
import dev.cairn.Observation;
import dev.cairn.Operation;
import dev.cairn.Plan;
import dev.cairn.Problem;
import dev.cairn.RepairResult;
import dev.cairn.RollbackResult;
import dev.cairn.SchemaSnapshot;
import dev.cairn.SeedResult;
import dev.cairn.ServerInfo;
import dev.cairn.SquashResult;
import dev.cairn.Status;
import dev.cairn.ValidateResult;
import dev.cairn.VerifyResult;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Text for people, ASCII only so that every console shows it. A change prints each migration's name
 * as it starts (flushed, so a slow one shows what it is waiting on) and its time when it finishes,
 * then a summary line. What comes from files or the database (names, descriptions, SQL, messages)
 * goes through {@link Terminal#printable} or {@link Terminal#oneLine}, so nothing in it acts on the
 * terminal; columns are measured in terminal columns, so that wide letters keep tables aligned.
 * Failures and problems are coloured where {@link Terminal} says so.
 */
final class HumanOutput implements Output {

    /** How a migration's applied-at time is shown; {@link #appliedAt} writes the same by hand. */
    static final DateTimeFormatter APPLIED_AT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    private static final int MIN_LEADER = 3;

    private final Invocation invocation;
    private final PrintStream out;
    private final Terminal terminal;
    private String environment = "";
    private String target = "";
    private int nameWidth;
    // Migrations whose line was printed live, so the summary does not print them twice.
    private final Set<String> shown = new HashSet<>();
    /** The statement a long migration runs, on a terminal; null elsewhere. */
    private final LiveProgress live;

    private boolean lineOpen;

    HumanOutput(Invocation invocation) {
        this.invocation = invocation;
        this.out = invocation.out;
        this.terminal = invocation.outTerminal();
        this.live = invocation.outIsTerminal() ? new LiveProgress(out) : null;
    }

    @Override
    public MigrationListener listener() {
        return new Progress();
    }

    @Override
    public void using(Cairn cairn) {
        environment = cairn.environmentName();
        target = cairn.target();
    }

    // --- results -----------------------------------------------------------------------------------

    @Override
    public void migrated(MigrateResult result) {
        if (result.applied().isEmpty()) {
            out.println(result.nothingToDo().orElse("Nothing to migrate: the database is up to date."));
            return;
        }
        showMissedRuns(result.applied());
        String batch =
                result.batch().isPresent() ? " in batch " + result.batch().getAsInt() : "";
        out.println("Applied " + count(result.applied().size(), "migration") + batch + " (" + millis(result.duration())
                + ").");
    }

    @Override
    public void seeded(SeedResult result) {
        if (result.seeds().isEmpty()) {
            out.println("No seed files to run in the seeds directory.");
            return;
        }
        for (String seed : result.seeds()) {
            out.println("  seed  " + Terminal.oneLine(seed));
        }
        out.println("Ran " + count(result.seeds().size(), "seed") + " on " + where() + " (" + millis(result.duration())
                + ").");
    }

    @Override
    public void verified(VerifyResult result, boolean strict) {
        VerifyReport report = verifyReport();
        for (VerifyResult.Checked checked : result.migrations()) {
            if (!shown.contains(checked.name())) {
                report.migration(checked);
            }
        }
        result.roundTrip().ifPresent(report::roundTrip);
        report.summary(result, strict, where(), millis(result.duration()));
    }

    private VerifyReport verifyReport() {
        return new VerifyReport(out, invocation::display, terminal);
    }

    @Override
    public void schema(SchemaSnapshot schema) {
        out.print(Terminal.printable(schema.text()));
        out.flush();
    }

    @Override
    public void unlocked(String message) {
        out.println(Terminal.printable(message));
    }

    @Override
    public void validated(ValidateResult result) {
        out.println("No problems: " + count(result.migrations(), "migration") + ", and the files agree with the"
                + " tracking table of " + where() + ".");
        for (Problem notice : result.notices()) {
            out.println(NOTICE + Terminal.printable(notice.message()));
        }
    }

    @Override
    public void repaired(RepairResult result) {
        if (result.repairs().isEmpty()) {
            out.println("Nothing to repair: the tracking table agrees with the files"
                    + (result.transactionalDdl()
                            ? " (on " + result.database() + " a migration that fails is rolled back with its whole"
                                    + " batch and leaves nothing to repair: fix it and run `cairn migrate` again)."
                            : "."));
            return;
        }
        for (RepairResult.Repair repair : result.repairs()) {
            out.println("  " + Terminal.printable(repair.description()));
        }
        if (result.dryRun()) {
            out.println("Dry run: repair would change " + count(result.repairs().size(), "migration")
                    + " in the tracking table; nothing was changed.");
        } else {
            out.println("Repaired " + count(result.repairs().size(), "migration") + " in the tracking table ("
                    + millis(result.duration()) + ").");
        }
    }

    @Override
    public void baselined(BaselineResult result) {
        for (String migration : result.migrations()) {
            out.println("  baseline  " + Terminal.printable(migration));
        }
        out.println("Recorded " + count(result.migrations().size(), "migration") + " up to " + result.version()
                + " as applied, in batch " + result.batch() + " (baseline), without running any ("
                + millis(result.duration()) + "). `cairn migrate` applies what is newer.");
    }

    @Override
    public void imported(ImportResult result) {
        for (ImportResult.Recorded recorded : result.recorded()) {
            out.println("  " + (recorded.baseline() ? "baseline" : result.tool().label()) + "  batch "
                    + recorded.batch() + "  " + appliedAt(recorded.appliedAt()) + "  "
                    + Terminal.printable(recorded.name()) + "  <- "
                    + Terminal.printable(String.join(", ", recorded.from())));
        }
        if (!result.leftOut().isEmpty()) {
            out.println("Left out (--allow-unmatched):");
            result.leftOut().forEach(why -> out.println("  - " + Terminal.printable(why)));
        }
        String what = count(result.recorded().size(), "migration") + " from "
                + result.tool().label() + "'s " + Terminal.printable(result.table());
        if (result.recorded().isEmpty()) {
            out.println(Terminal.printable(result.table()) + " has nothing applied to import; nothing was written.");
        } else if (result.dryRun()) {
            out.println("Would record " + what + " as applied, running none. Nothing was written (dry run).");
        } else {
            out.println("Recorded " + what + " as applied, running none (" + millis(result.duration())
                    + "); its table is left as it was. `cairn migrate` applies what "
                    + result.tool().label()
                    + " never did.");
        }
    }

    @Override
    public void converted(FileImportResult result) {
        for (FileImportResult.Converted file : result.converted()) {
            out.println("  " + Terminal.printable(file.from())
                    + file.undo().map(undo -> " + " + Terminal.printable(undo)).orElse("") + "  ->  "
                    + Terminal.printable(file.to()) + (file.reversible() ? "" : "  (no undo file: irreversible)"));
        }
        result.skipped().forEach(why -> out.println("  skipped: " + Terminal.printable(why)));
        result.notes().forEach(note -> out.println("  note: " + Terminal.printable(note)));
        out.println((result.dryRun() ? "Would write " : "Wrote ")
                + count(result.converted().size(), "migration file")
                + (result.dryRun() ? "; nothing was written (dry run)." : "."));
    }

    @Override
    public void linted(LintResult result) {
        for (LintResult.Line line : result.lines(invocation.workingDirectory)) {
            String text = Terminal.printable(line.text());
            out.println(
                    !line.heading()
                            ? text
                            : line.level() == LintRule.Level.ERROR ? terminal.failure(text) : terminal.warning(text));
        }
        if (!result.findings().isEmpty()) {
            out.println();
        }
        result.scratch().ifPresent(scratch -> observations(result.observations()));
        out.println(result.summary("'cairn lint --all'"));
    }

    /** {@code lint --observe}'s report: each statement's locks, rewrites and algorithm, biggest table first. */
    private void observations(List<Observation> observations) {
        out.println("Observed on a scratch database beside the target, biggest table in the target first. The"
                + " scratch database holds no rows: what a statement locks and rewrites carries over to the target,"
                + " how long it took there does not.");
        for (Observation observation : observations) {
            String size = observation.bytes().isPresent()
                    ? observation.table().orElse("") + ": "
                            + observation.rows().stream()
                                    .mapToObj(rows -> String.format("%,d rows, ", rows))
                                    .findFirst()
                                    .orElse("")
                            + bytes(observation.bytes().getAsLong()) + " in the target"
                    : observation
                            .table()
                            .map(table -> table + ": not in the target yet")
                            .orElse("no table");
            out.println("  " + Terminal.printable(invocation.display(observation.file())) + ":" + observation.line()
                    + "  " + Terminal.printable(size));
            if (observation.failure().isPresent()) {
                out.println("    " + terminal.failure("failed") + " on the scratch database: "
                        + Terminal.oneLine(observation.failure().get())
                        + "; the statements after it were not observed");
                continue;
            }
            out.println("    " + Terminal.oneLine(observation.statement()));
            List<String> did = new ArrayList<>();
            if (observation.watched()) {
                locksAndRewrites(observation, did);
            }
            observation
                    .algorithm()
                    .ifPresent(algorithm -> did.add(
                            algorithm.equals("COPY")
                                    ? terminal.warning(
                                            "the server accepted neither INSTANT nor INPLACE: it copies the table")
                                    : "the server accepted ALGORITHM=" + algorithm));
            if (did.isEmpty()) {
                did.add("ran");
            }
            out.println("    " + String.join("; ", did)
                    + (observation.rules().isEmpty() ? "" : "  [" + String.join(", ", observation.rules()) + "]"));
        }
        out.println();
    }

    /** What a watched statement locked and rewrote, for the observations' report. */
    private static void locksAndRewrites(Observation observation, List<String> did) {
        if (!observation.locks().isEmpty()) {
            did.add("took " + String.join(", ", observation.locks()));
        }
        if (!observation.held().isEmpty()) {
            did.add("ran under " + String.join(", ", observation.held()) + " from earlier statements, held until"
                    + " the transaction ends");
        }
        if (observation.locks().isEmpty() && observation.held().isEmpty()) {
            did.add("held no table lock after it ran");
        }
        did.add(
                observation.rewritten().isEmpty()
                        ? "rewrote nothing"
                        : "rewrote " + String.join(", ", observation.rewritten()));
    }

    /** A byte count as people read it: {@code 12 kB}, {@code 3.4 MB}. */
    private static String bytes(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        String[] units = {"kB", "MB", "GB", "TB"};
        double value = bytes;
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(value < 10 ? "%.1f %s" : "%.0f %s", value, units[unit]);
    }

    @Override
    public void lintRules(List<LintRule> rules) {
        int width = rules.stream().mapToInt(rule -> rule.id().length()).max().orElse(0);
        for (LintRule rule : rules) {
            out.println(String.format(
                    "%-" + width + "s  %-7s  %s", rule.id(), rule.level().label(), rule.title()));
        }
    }

    @Override
    public void squashed(SquashResult result) {
        List<String> replaced = result.replaced();
        String what = count(replaced.size(), "migration") + " (" + Terminal.printable(replaced.get(0)) + " .. "
                + Terminal.printable(replaced.get(replaced.size() - 1)) + ")";
        if (result.dryRun()) {
            out.print(result.text());
            out.println("Would replace " + what + " by "
                    + Terminal.printable(result.file().toString()) + " ("
                    + count(result.upStatements(), "statement") + " up), proven on a scratch database to build"
                    + " the same schema and to drop it. Nothing was written (dry run).");
            return;
        }
        out.println(
                "Replaced " + what + " by " + Terminal.printable(result.file().toString()) + " ("
                        + count(result.upStatements(), "statement") + " up), proven on a scratch database to build the"
                        + " same schema and to drop it (" + millis(result.duration()) + "). Their files are deleted;"
                        + " databases that applied them read it as applied.");
    }

    @Override
    public void rolledBack(RollbackResult result) {
        if (result.reverted().isEmpty()) {
            out.println(result.nothingToDo().orElse("Nothing to roll back."));
            return;
        }
        showMissedRuns(result.reverted());
        List<Integer> batches = result.batches();
        String from = (batches.size() == 1 ? " of batch " : " of batches ")
                + batches.stream().map(String::valueOf).collect(Collectors.joining(", "));
        out.println("Rolled back " + count(result.reverted().size(), "migration") + from + " ("
                + millis(result.duration()) + ").");
    }

    @Override
    public void status(Status status) {
        boolean verbose = invocation.options.verbose;
        out.println("Status of " + where());
        status.lockHolder()
                .ifPresent(holder -> out.println("A runner holds the migration lock and is changing the database now ("
                        + holder + "): what it applies shows once it commits; run status again when it has finished."));
        if (status.migrations().isEmpty()) {
            out.println("No migrations yet: write one with 'cairn make NAME'.");
        } else {
            StatusTable.print(out, terminal, status.migrations(), verbose);
        }
        out.println("Version " + status.currentVersion().orElse("(none)") + ", batch " + status.currentBatch()
                + ": " + status.applied().size() + " applied, "
                + (status.running().isEmpty() ? "" : status.running().size() + " running, ")
                + (status.incomplete().isEmpty() ? "" : status.incomplete().size() + " incomplete, ")
                + status.pending().size() + " pending");
        List<Problem> problems =
                status.problems().stream().filter(p -> !p.isNotice()).toList();
        List<Problem> notices =
                status.problems().stream().filter(Problem::isNotice).toList();
        if (!problems.isEmpty()) {
            out.println(terminal.warning("Problems:"));
            for (Problem problem : problems) {
                out.println("  - " + Terminal.printable(problem.message()));
            }
        }
        for (Problem notice : notices) {
            out.println(NOTICE + Terminal.printable(notice.message()));
        }
    }

    @Override
    public void pinged(ServerInfo server) {
        // A driver may report no version (an SQLite file that does not exist yet): leave out the gap.
        String version = server.version() == null || server.version().isBlank() ? "" : " " + server.version();
        out.println(Terminal.printable("Connected to " + server.product() + version + " at " + server.url() + " in "
                + millis(server.connectTime()) + "."));
        if (server.note() != null && !server.note().isBlank()) {
            out.println(Terminal.printable(server.note()));
        }
    }

    @Override
    public void made(Path file) {
        out.println("Created " + Terminal.oneLine(invocation.display(file)));
    }

    @Override
    public void initialized(List<Path> created, List<Path> kept, List<Path> updated) {
        for (Path path : created) {
            out.println("Created " + Terminal.oneLine(invocation.display(path)));
        }
        for (Path path : updated) {
            out.println("Updated " + Terminal.oneLine(invocation.display(path)) + " (it ignores "
                    + String.join(" and ", InitCommand.IGNORED) + " now)");
        }
        for (Path path : kept) {
            boolean gitignore = path.getFileName().toString().equals(".gitignore");
            out.println("Kept    " + Terminal.oneLine(invocation.display(path))
                    + (gitignore
                            ? " (it ignores " + String.join(" and ", InitCommand.IGNORED) + " already)"
                            : " (it exists)"));
        }
        // The next commands must find the same file: with -c, they need it too.
        String cairn = invocation.options.config == null
                ? "cairn"
                : "cairn -c " + shellWord(invocation.display(invocation.configFile()));
        String database = invocation.display(invocation.configFile().resolveSibling(InitCommand.DEVELOPMENT_DATABASE));
        String[][] steps = {
            {cairn + " make create_users", "write your first migration, then edit the new file"},
            {cairn + " migrate", "apply it to the development database (SQLite, " + database + ")"},
            {cairn + " status", "see what is applied and what is pending"}
        };
        int width = 0;
        for (String[] step : steps) {
            width = Math.max(width, Terminal.width(Terminal.oneLine(step[0])));
        }
        out.println();
        out.println("Next steps:");
        for (String[] step : steps) {
            out.println(
                    "  " + Terminal.pad(Terminal.oneLine(step[0]), width, false) + "   " + Terminal.oneLine(step[1]));
        }
    }

    /** {@code word} as a shell reads it back: as it is if it is plain, else in single quotes. */
    static String shellWord(String word) {
        return word.matches("[A-Za-z0-9_./@%+=:,-]+") ? word : "'" + word.replace("'", "'\\''") + "'";
    }

    @Override
    public void version(String cairn, String commit, String java) {
        out.println("cairn " + cairn + " (" + Version.describe(commit) + ")");
        out.println("Java " + java);
    }

    @Override
    public void failed(Failure failure) {
        if (lineOpen) {
            // Close the progress line of the migration that failed; the reason is on stderr.
            endLine(() -> out.println(
                    failure.exitCode() == Failure.INTERRUPTED
                            ? terminal.warning("INTERRUPTED")
                            : terminal.failure("FAILED")));
            lineOpen = false;
        }
        out.flush();
    }

    // --- the dry run --------------------------------------------------------------------------------

    /** Prints {@code plan} as SQL that could be piped to a database client. */
    @Override
    public void dryRun(Plan plan) {
        Operation operation = plan.operation();
        String effect;
        if (plan.isEmpty()) {
            effect = "There is nothing to do.";
        } else if (operation.direction() == Direction.UP) {
            effect = "It would apply " + count(plan.migrations().size(), "migration")
                    + (plan.batch().isPresent() ? " as batch " + plan.batch().getAsInt() : "") + ".";
        } else {
            effect = "It would undo " + count(plan.migrations().size(), "migration") + ".";
        }
        out.println("-- Dry run of 'cairn " + operation + "' on " + where() + ": nothing was changed. " + effect);
        for (Plan.Migration migration : plan.migrations()) {
            out.println();
            String line = migration.statements().isEmpty()
                    ? ""
                    : ":" + migration.statements().get(0).line();
            out.println("-- " + Terminal.oneLine(migration.name()) + " ("
                    + migration.direction().label() + ") "
                    + Terminal.oneLine(invocation.display(migration.file())) + line
                    + (migration.transactional() ? "" : " transaction:false"));
            if (migration.resumeAfter() > 0) {
                out.println("-- resumes after statement " + migration.resumeAfter()
                        + ", which ran on an earlier run that stopped there");
            }
            if (migration.javaClass().isPresent()) {
                out.println("-- " + javaDryRun(migration));
            } else if (migration.statements().isEmpty()) {
                out.println("-- (no statements)");
            }
            for (Plan.Statement statement : migration.statements()) {
                out.println(Terminal.printable(terminated(statement.sql())));
            }
        }
    }

    /** What a dry run says of a Java migration's section, which has no SQL to show. */
    static String javaDryRun(Plan.Migration migration) {
        return "Java migration " + Terminal.oneLine(migration.name()) + " ("
                + migration.direction().label() + "): runs code, no SQL to print";
    }

    private static String terminated(String sql) {
        String trimmed = sql.stripTrailing();
        int lastLine = trimmed.lastIndexOf('\n');
        // A trailing "-- comment" would swallow a ';' put on the same line.
        return trimmed.substring(lastLine + 1).contains("--") ? trimmed + "\n;" : trimmed + ";";
    }

    // --- pieces -------------------------------------------------------------------------------------

    private String where() {
        return Terminal.oneLine(environment + " (" + target + ")");
    }

    private void showMissedRuns(List<MigrationRun> runs) {
        // Normally every run was printed as it happened; this covers a change that ran without
        // telling the listener (so the output never hides what was done).
        for (MigrationRun run : runs) {
            if (!shown.contains(run.name())) {
                nameWidth = Math.max(nameWidth, Terminal.width(Terminal.oneLine(run.name())));
                out.println(leader(run.direction(), run.name()) + time(run.duration()));
            }
        }
    }

    private String leader(Direction direction, String name) {
        String shown = Terminal.oneLine(name);
        int dots = Math.max(MIN_LEADER, nameWidth - Terminal.width(shown) + MIN_LEADER);
        return String.format("  %-6s%s %s ", direction.label(), shown, ".".repeat(dots));
    }

    private static String time(Duration duration) {
        return String.format("%4d ms", duration.toMillis());
    }

    static String millis(Duration duration) {
        return duration.toMillis() + " ms";
    }

    /** What starts a notice in a list of problems: it is told, and fails nothing. */
    static final String NOTICE = "Notice (nothing refuses): ";

    static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    /** Ends the open progress line with what {@code end} prints, after what the live progress wrote. */
    private void endLine(Runnable end) {
        if (live == null) {
            end.run();
        } else {
            live.finish(end);
        }
    }

    /** Prints each migration as it starts and its time when it finishes. */
    private final class Progress implements MigrationListener {

        @Override
        public void planned(Plan plan) {
            int count = plan.migrations().size();
            if (plan.operation().direction() == Direction.UP) {
                out.println("Migrating " + where() + ": " + count + " pending"
                        + (plan.batch().isPresent() ? ", batch " + plan.batch().getAsInt() : ""));
            } else {
                out.println("Rolling back " + where() + ": " + count(count, "migration"));
            }
            nameWidth = plan.migrations().stream()
                    .mapToInt(m -> Terminal.width(Terminal.oneLine(m.name())))
                    .max()
                    .orElse(0);
            out.flush();
        }

        @Override
        public void linted(LintResult result) {
            if (!result.findings().isEmpty()) {
                out.println("  lint: " + result.counts() + " in what is about to run ('cairn lint' shows them)");
                out.flush();
            }
        }

        @Override
        public void migrationStarting(Plan.Migration migration) {
            String leader = leader(migration.direction(), migration.name());
            out.print(leader);
            out.flush();
            lineOpen = true;
            if (live != null) {
                live.starting(
                        leader,
                        migration.javaClass().isPresent()
                                ? LiveProgress.CODE
                                : migration.resumeAfter()
                                        + migration.statements().size());
            }
        }

        @Override
        public void statementStarting(Plan.Migration migration, int number) {
            if (live != null) {
                live.statement(number);
            }
        }

        @Override
        public void verified(VerifyResult.Checked checked) {
            verifyReport().migration(checked);
            shown.add(checked.name());
        }

        @Override
        public void migrationFinished(MigrationRun run) {
            endLine(() -> {
                if (!lineOpen) {
                    out.print(leader(run.direction(), run.name()));
                }
                out.println(time(run.duration()));
                out.flush();
            });
            lineOpen = false;
            shown.add(run.name());
        }
    }

    /** The status table: one row per migration, columns sized to their content. */
    /**
     * When a migration was applied, as {@link #APPLIED_AT} writes it, in UTC to the second. Written out
     * for the years 1000 to 9999: the formatter, run for each row of a thousand by a cold {@code status}
     * before the JIT has compiled it, took 5 ms of it.
     */
    static String appliedAt(Instant instant) {
        LocalDateTime time = LocalDateTime.ofEpochSecond(instant.getEpochSecond(), 0, ZoneOffset.UTC);
        int year = time.getYear();
        if (year < 1000 || year > 9999) {
            return APPLIED_AT.format(instant);
        }
        char[] text = new char[19];
        digits(text, 0, year, 4);
        text[4] = '-';
        digits(text, 5, time.getMonthValue(), 2);
        text[7] = '-';
        digits(text, 8, time.getDayOfMonth(), 2);
        text[10] = ' ';
        digits(text, 11, time.getHour(), 2);
        text[13] = ':';
        digits(text, 14, time.getMinute(), 2);
        text[16] = ':';
        digits(text, 17, time.getSecond(), 2);
        return new String(text);
    }

    /** Writes {@code value} as {@code count} decimal digits at {@code at}, with leading zeros. */
    private static void digits(char[] text, int at, int value, int count) {
        for (int i = at + count - 1; i >= at; i--) {
            text[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }

    private static final class StatusTable {

        private StatusTable() {}

        static void print(PrintStream out, Terminal terminal, List<Status.Migration> migrations, boolean verbose) {
            List<String[]> rows = new ArrayList<>();
            rows.add(
                    verbose
                            ? new String[] {"Batch", "Applied at (UTC)", "Time", "Migration", "State"}
                            : new String[] {"Batch", "Applied at (UTC)", "Migration", "State"});
            for (Status.Migration migration : migrations) {
                String batch = migration.batch().map(String::valueOf).orElse("");
                String appliedAt =
                        migration.appliedAt().map(HumanOutput::appliedAt).orElse("-");
                // The core reports a migration whose file is gone as not reversible; its row says so already.
                boolean irreversible = !migration.reversible() && migration.state() != Status.State.MISSING;
                String state = migration.stateLabel() + (verbose && irreversible ? ", irreversible" : "");
                rows.add(
                        verbose
                                ? new String[] {
                                    batch,
                                    appliedAt,
                                    migration
                                            .executionTime()
                                            .map(HumanOutput::millis)
                                            .orElse(""),
                                    Terminal.oneLine(migration.name()),
                                    state
                                }
                                : new String[] {batch, appliedAt, Terminal.oneLine(migration.name()), state});
            }
            int columns = rows.get(0).length;
            int[] widths = new int[columns];
            for (String[] row : rows) {
                for (int i = 0; i < columns; i++) {
                    widths[i] = Math.max(widths[i], Terminal.width(row[i]));
                }
            }
            int nameColumn = columns - 2;
            int descriptionIndent = 0;
            for (int i = 0; i < nameColumn; i++) {
                descriptionIndent += widths[i] + 2;
            }
            // One write for the whole table: a line at a time costs a system call each.
            StringBuilder table = new StringBuilder();
            String newline = System.lineSeparator();
            for (int r = 0; r < rows.size(); r++) {
                String[] row = rows.get(r);
                StringBuilder line = new StringBuilder();
                for (int i = 0; i < columns; i++) {
                    // Numbers read best right-aligned; the last column needs no padding.
                    boolean right = i == 0 || verbose && i == 2;
                    String cell = right
                            ? Terminal.pad(row[i], widths[i], true)
                            : i == columns - 1
                                    ? stateCell(terminal, r == 0, row[i])
                                    : Terminal.pad(row[i], widths[i], false);
                    line.append(cell);
                    if (i < columns - 1) {
                        line.append("  ");
                    }
                }
                table.append(line.toString().stripTrailing()).append(newline);
                if (verbose && r > 0) {
                    String description = migrations.get(r - 1).description();
                    if (description != null && !description.isBlank()) {
                        for (String text : description.split("\\R")) {
                            table.append(" ".repeat(descriptionIndent))
                                    .append("  ")
                                    .append(Terminal.oneLine(text))
                                    .append(newline);
                        }
                    }
                }
            }
            out.print(table);
        }

        /** The state, coloured when it is a problem: a file gone, or a migration stopped part-way. */
        private static String stateCell(Terminal terminal, boolean heading, String state) {
            if (!heading && (state.startsWith("MISSING") || state.startsWith("INCOMPLETE"))) {
                return terminal.failure(state);
            }
            return state;
        }
    }
}
