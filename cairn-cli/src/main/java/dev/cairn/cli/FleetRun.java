// SPDX-License-Identifier: Apache-2.0
package dev.cairn.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.cairn.Cairn;
import dev.cairn.ConfigurationException;
import dev.cairn.Fleet;
import dev.cairn.FleetResult;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * A database command on each target of a fleet ({@code targets:} of the environment). Each target
 * runs the command as on a database of its own, into buffers of its own, so that targets worked on at
 * once do not interleave; then, in the targets' order, each one's output under its name (its errors
 * on stderr, each line after its name), and one summary. Exit code 1 when any target failed.
 *
 * <p>With {@code --json}, one document: each target's own document (what the command prints for one
 * database) under {@code targets}, and the counts under {@code summary}.
 */
final class FleetRun {

    private static final JsonFactory JSON = new JsonFactory();

    private final Invocation invocation;
    private final Fleet fleet;
    private final BiConsumer<Cairn, Output> command;
    /** The live progress line of the run, on a terminal; null before the run and elsewhere. */
    private volatile FleetProgress progress;

    private FleetRun(Invocation invocation, Fleet fleet, BiConsumer<Cairn, Output> command) {
        this.invocation = invocation;
        this.fleet = fleet;
        this.command = command;
    }

    /** Runs {@code command} on each target of {@code fleet}, as the options narrow it; the exit code. */
    static int run(Invocation invocation, Fleet fleet, BiConsumer<Cairn, Output> command) {
        return new FleetRun(invocation, narrowed(invocation.options, fleet), command).run();
    }

    /**
     * Refuses the fleet's options on an environment without targets, where they would quietly do
     * nothing.
     */
    static void refuseOptions(GlobalOptions options, String environment) {
        String given = options.target != null
                ? "--target"
                : options.parallel != null
                        ? "--parallel"
                        : options.failFast ? "--fail-fast" : options.shard != null ? "--shard" : null;
        if (given != null) {
            throw new ConfigurationException(given + " is for an environment whose targets: name schemas or"
                    + " databases, and " + environment + " names none; add targets: to it in cairn.yml, or leave "
                    + given + " out.");
        }
    }

    /** {@code fleet} as the options narrow it: one target, a slice, how many at once, fail-fast. */
    static Fleet narrowed(GlobalOptions options, Fleet fleet) {
        Fleet narrowed = fleet.failFast(options.failFast);
        if (options.parallel != null) {
            if (options.parallel < 1) {
                throw new ConfigurationException("--parallel must be 1 or more, not " + options.parallel + ".");
            }
            narrowed = narrowed.parallel(options.parallel);
        }
        if (options.shard != null) {
            narrowed = narrowed.shard(options.shard.index(), options.shard.count());
        }
        if (options.target != null) {
            narrowed = narrowed.only(options.target);
        }
        return narrowed;
    }

    private int run() {
        long start = System.nanoTime();
        progress = invocation.errIsTerminal()
                ? new FleetProgress(
                        invocation.err,
                        fleet.targets().kind().noun(),
                        fleet.names().size())
                : null;
        FleetResult<Captured> result = fleet.each(this::runOne, outcome -> {
            if (progress != null) {
                progress.ended(outcome.failure().isEmpty());
            }
        });
        if (progress != null) {
            progress.clear();
        }
        Duration duration = Duration.ofNanos(System.nanoTime() - start);
        if (result.targets().isEmpty()) {
            warnEmpty(invocation, fleet);
        }
        if (invocation.options.json) {
            json(result, duration);
        } else {
            human(result, duration);
        }
        if (result.interrupted()) {
            return Failure.INTERRUPTED;
        }
        return result.failed().isEmpty() ? 0 : 1;
    }

    /** The command on one target, into buffers; a failure is reported there as for one database, and thrown. */
    private Captured runOne(String name) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Invocation target = invocation.forTarget(
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        Output output = target.output();
        try {
            // Said at once, not with the target's output at the end: a run that waits must not look hung.
            Cairn cairn = fleet.target(
                    name, new LockNotice(output.listener(), line -> sayNow(Terminal.oneLine(name) + ": " + line)));
            output.using(cairn);
            command.accept(cairn, output);
            return new Captured(0, text(out), text(err));
        } catch (RuntimeException e) {
            int exitCode = Main.report(target, Failure.of(e));
            throw new TargetFailed(new Captured(exitCode, text(out), text(err)), e);
        }
    }

    /** A line on stderr now, above the progress line if one is shown (it comes back as targets end). */
    private void sayNow(String line) {
        FleetProgress shown = progress;
        if (shown != null) {
            shown.say(line);
        } else {
            synchronized (invocation.err) {
                invocation.err.println(line);
                invocation.err.flush();
            }
        }
    }

    private void human(FleetResult<Captured> result, Duration duration) {
        PrintStream out = invocation.out;
        for (FleetResult.Outcome<Captured> outcome : result.targets()) {
            if (!outcome.ran()) {
                continue;
            }
            Captured captured = captured(outcome);
            out.println("== " + Terminal.oneLine(outcome.target()) + " ==");
            out.print(captured.out());
            for (String line : captured.err().lines().toList()) {
                invocation.err.println(Terminal.oneLine(outcome.target()) + ": " + line);
            }
        }
        int ran = result.targets().size() - result.notRun().size();
        String noun = fleet.targets().kind().noun();
        out.println("Fleet of " + count(result.targets().size(), noun) + ": "
                + (ran - result.failed().size())
                + " succeeded, " + result.failed().size() + " failed"
                + (result.notRun().isEmpty()
                        ? ""
                        : ", " + result.notRun().size() + " not run ("
                                + (result.interrupted() ? "interrupted" : "--fail-fast") + ")")
                + " (" + duration.toMillis() + " ms).");
        if (result.interrupted()) {
            out.println("Interrupted: the " + noun + "s that were running were cancelled, each left as the output"
                    + " above says, and no other was started. Run the command again to resume: every " + noun
                    + " goes on from its own history.");
        } else if (!result.failed().isEmpty()) {
            out.println(invocation.outTerminal().failure("Failed:") + " " + String.join(", ", names(result.failed()))
                    + ". Fix what each says and run the command again: every " + noun
                    + " resumes from its own history.");
        }
        out.flush();
        invocation.err.flush();
    }

    private void json(FleetResult<Captured> result, Duration duration) {
        StringWriter text = new StringWriter();
        try (JsonGenerator json = JSON.createGenerator(text)) {
            json.writeStartObject();
            json.writeBooleanField("ok", result.failed().isEmpty());
            json.writeStringField("command", invocation.command());
            json.writeStringField("targetKind", fleet.targets().kind().noun());
            json.writeArrayFieldStart("targets");
            for (FleetResult.Outcome<Captured> outcome : result.targets()) {
                json.writeStartObject();
                json.writeStringField("target", outcome.target());
                json.writeBooleanField("ran", outcome.ran());
                if (outcome.ran()) {
                    Captured captured = captured(outcome);
                    json.writeNumberField("exitCode", captured.exitCode());
                    json.writeFieldName("result");
                    String document = captured.out().strip();
                    if (document.isEmpty()) {
                        json.writeNull();
                    } else {
                        json.writeRawValue(document);
                    }
                }
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeObjectFieldStart("summary");
            json.writeNumberField("targets", result.targets().size());
            json.writeNumberField(
                    "succeeded",
                    result.targets().size()
                            - result.notRun().size()
                            - result.failed().size());
            writeNames(json, "failed", names(result.failed()));
            writeNames(json, "notRun", names(result.notRun()));
            json.writeBooleanField("interrupted", result.interrupted());
            json.writeNumberField("durationMs", duration.toMillis());
            json.writeEndObject();
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        invocation.out.println(text);
        invocation.out.flush();
        for (FleetResult.Outcome<Captured> outcome : result.targets()) {
            if (outcome.ran()) {
                for (String line : captured(outcome).err().lines().toList()) {
                    invocation.err.println(outcome.target() + ": " + line);
                }
            }
        }
        invocation.err.flush();
    }

    /** A fleet of no target is most likely a pattern or query that matches nothing: said on stderr. */
    static void warnEmpty(Invocation invocation, Fleet fleet) {
        invocation.err.println(invocation.errTerminal().warning("warning:") + " the fleet's targets ("
                + Terminal.printable(fleet.targets().describe()) + ") are none, so nothing ran; check targets: in "
                + invocation.display(invocation.configFile()) + ", or create the "
                + fleet.targets().kind().key()
                + " first.");
    }

    private static void writeNames(JsonGenerator json, String field, List<String> names) throws IOException {
        json.writeArrayFieldStart(field);
        for (String name : names) {
            json.writeString(name);
        }
        json.writeEndArray();
    }

    private static List<String> names(List<FleetResult.Outcome<Captured>> outcomes) {
        return outcomes.stream().map(FleetResult.Outcome::target).toList();
    }

    /** What a target that ran printed: its result's, or its failure's (thrown as {@link TargetFailed}). */
    private static Captured captured(FleetResult.Outcome<Captured> outcome) {
        if (outcome.result().isPresent()) {
            return outcome.result().get();
        }
        RuntimeException failure = outcome.failure().orElseThrow();
        if (failure instanceof TargetFailed failed) {
            return failed.captured;
        }
        // Not through runOne (the fleet failed before the command could start on it).
        return new Captured(1, "", "error: " + failure.getMessage() + System.lineSeparator());
    }

    private static String count(int count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }

    private static String text(ByteArrayOutputStream buffer) {
        return buffer.toString(StandardCharsets.UTF_8);
    }

    /** What one target's command printed, and its exit code as a command of its own. */
    private record Captured(int exitCode, String out, String err) {}

    /** A target's failure, already reported into its buffers. */
    private static final class TargetFailed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        private final transient Captured captured;

        TargetFailed(Captured captured, RuntimeException cause) {
            super(cause.getMessage(), cause, false, false);
            this.captured = captured;
        }
    }
}
