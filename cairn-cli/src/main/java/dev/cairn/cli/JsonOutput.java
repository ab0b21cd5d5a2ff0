// SPDX-License-Identifier: Apache-2.0
package dev.cairn.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import dev.cairn.BaselineResult;
import dev.cairn.Cairn;
import dev.cairn.FileImportResult;
import dev.cairn.ImportResult;
import dev.cairn.LintFinding;
import dev.cairn.LintResult;
import dev.cairn.LintRule;
import dev.cairn.MigrateResult;
import dev.cairn.MigrationFailedException;
import dev.cairn.MigrationFileException;
import dev.cairn.MigrationListener;
import dev.cairn.MigrationRun;
import dev.cairn.Observation;
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
import dev.cairn.ValidationException;
import dev.cairn.VerificationException;
import dev.cairn.VerifyResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Exactly one JSON document on stdout per run, for success and failure alike, with camelCase keys
 * and explicit nulls for absent values (so scripts can rely on every key being there). Every
 * document starts with {@code ok} and {@code command}; the environment and target follow once the
 * configuration was loaded. Progress is not shown: stdout must hold nothing but the document.
 * Strings hold no character that acts on a terminal: JSON escapes control characters below U+0020,
 * and this document also DEL, the C1 controls and the bidirectional controls ({@link Terminal#printable}
 * shows the same ones escaped in human output), so that a document printed to a terminal is safe too.
 */
final class JsonOutput implements Output {

    private static final JsonFactory FACTORY =
            new JsonFactoryBuilder().characterEscapes(new TerminalSafe()).build();

    private final Invocation invocation;
    private String environment;
    private String target;
    private boolean written;

    JsonOutput(Invocation invocation) {
        this.invocation = invocation;
    }

    @Override
    public MigrationListener listener() {
        return MigrationListener.NONE;
    }

    @Override
    public void using(Cairn cairn) {
        environment = cairn.environmentName();
        target = cairn.target();
    }

    @Override
    public void migrated(MigrateResult result) {
        document(true, json -> {
            number(json, "batch", result.batch());
            runs(json, result.applied());
            if (result.nothingToDo().isPresent()) {
                json.writeStringField("nothingToDo", result.nothingToDo().get());
            }
            json.writeNumberField("durationMs", result.duration().toMillis());
        });
    }

    @Override
    public void seeded(SeedResult result) {
        document(true, json -> {
            strings(json, "seeds", result.seeds());
            json.writeNumberField("durationMs", result.duration().toMillis());
        });
    }

    @Override
    public void verified(VerifyResult result, boolean strict) {
        document(result.passed(strict), json -> {
            json.writeBooleanField("strict", strict);
            json.writeArrayFieldStart("migrations");
            for (VerifyResult.Checked checked : result.migrations()) {
                json.writeStartObject();
                json.writeStringField("name", checked.name());
                json.writeStringField("verdict", checked.verdict().label());
                findings(json, "differences", checked.differences());
                json.writeFieldName("failure");
                stepFailure(json, checked.failure());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeObjectFieldStart("summary");
            for (var count : result.counts().entrySet()) {
                json.writeNumberField(count.getKey().label(), count.getValue());
            }
            json.writeEndObject();
            strings(json, "appliedFirst", result.appliedFirst());
            json.writeFieldName("roundTrip");
            if (result.roundTrip().isPresent()) {
                VerifyResult.RoundTrip trip = result.roundTrip().get();
                json.writeStartObject();
                json.writeBooleanField("passed", trip.passed(strict));
                strings(json, "migrations", trip.migrations());
                json.writeFieldName("failure");
                stepFailure(json, trip.failure());
                findings(json, "leftBehind", trip.leftBehind());
                findings(json, "afterReUp", trip.afterReUp());
                json.writeEndObject();
            } else {
                json.writeNull();
            }
            json.writeFieldName("stopped");
            stepFailure(json, result.stopped());
            json.writeStringField("scratch", result.scratch());
            json.writeNumberField("durationMs", result.duration().toMillis());
        });
    }

    private static void findings(JsonGenerator json, String name, List<VerifyResult.Finding> findings)
            throws IOException {
        json.writeArrayFieldStart(name);
        for (VerifyResult.Finding finding : findings) {
            json.writeStartObject();
            json.writeStringField("object", finding.object());
            json.writeStringField("attribute", finding.attribute());
            json.writeStringField("before", finding.before());
            json.writeStringField("after", finding.after());
            json.writeStringField("equivalent", finding.equivalentBecause().orElse(null));
            if (!finding.diff().isEmpty()) {
                strings(json, "diff", finding.diff());
            }
            if (finding.migration().isPresent()) {
                json.writeStringField("migration", finding.migration().get());
            }
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    private void stepFailure(JsonGenerator json, Optional<VerifyResult.StepFailure> failure) throws IOException {
        if (failure.isEmpty()) {
            json.writeNull();
            return;
        }
        json.writeStartObject();
        json.writeStringField("migration", failure.get().migration());
        json.writeStringField("step", failure.get().step().label());
        json.writeStringField(
                "file",
                failure.get().file() == null
                        ? null
                        : invocation.display(failure.get().file()));
        lineField(json, failure.get().line());
        json.writeStringField("message", failure.get().message());
        json.writeEndObject();
    }

    @Override
    public void schema(SchemaSnapshot schema) {
        document(true, json -> {
            json.writeObjectFieldStart("objects");
            for (var object : schema.objects().entrySet()) {
                json.writeObjectFieldStart(object.getKey());
                for (var attribute : object.getValue().entrySet()) {
                    json.writeStringField(attribute.getKey(), attribute.getValue());
                }
                json.writeEndObject();
            }
            json.writeEndObject();
        });
    }

    @Override
    public void unlocked(String message) {
        document(true, json -> json.writeStringField("message", message));
    }

    @Override
    public void validated(ValidateResult result) {
        document(true, json -> {
            json.writeNumberField("migrations", result.migrations());
            json.writeArrayFieldStart("problems");
            json.writeEndArray();
            problems(json, "notices", result.notices());
            json.writeStringField("lockHolder", result.lockHolder().orElse(null));
        });
    }

    @Override
    public void repaired(RepairResult result) {
        document(true, json -> {
            json.writeBooleanField("dryRun", result.dryRun());
            json.writeStringField("database", result.database());
            json.writeBooleanField("transactionalDdl", result.transactionalDdl());
            json.writeArrayFieldStart("repairs");
            for (RepairResult.Repair repair : result.repairs()) {
                json.writeStartObject();
                json.writeStringField("migration", repair.migration());
                json.writeStringField("kind", repair.kind().name().toLowerCase(Locale.ROOT));
                json.writeStringField("description", repair.description());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeNumberField("durationMs", result.duration().toMillis());
        });
    }

    @Override
    public void baselined(BaselineResult result) {
        document(true, json -> {
            json.writeStringField("version", result.version());
            json.writeNumberField("batch", result.batch());
            json.writeArrayFieldStart("migrations");
            for (String migration : result.migrations()) {
                json.writeString(migration);
            }
            json.writeEndArray();
            json.writeNumberField("durationMs", result.duration().toMillis());
        });
    }

    @Override
    public void imported(ImportResult result) {
        document(true, json -> {
            json.writeStringField("tool", result.tool().label());
            json.writeStringField("table", result.table());
            json.writeBooleanField("dryRun", result.dryRun());
            json.writeArrayFieldStart("recorded");
            for (ImportResult.Recorded recorded : result.recorded()) {
                json.writeStartObject();
                json.writeStringField("name", recorded.name());
                json.writeNumberField("batch", recorded.batch());
                json.writeStringField("appliedAt", recorded.appliedAt().toString());
                json.writeBooleanField("baseline", recorded.baseline());
                strings(json, "from", recorded.from());
                json.writeEndObject();
            }
            json.writeEndArray();
            strings(json, "leftOut", result.leftOut());
            json.writeNumberField("durationMs", result.duration().toMillis());
        });
    }

    @Override
    public void converted(FileImportResult result) {
        document(true, json -> {
            json.writeBooleanField("dryRun", result.dryRun());
            json.writeArrayFieldStart("files");
            for (FileImportResult.Converted file : result.converted()) {
                json.writeStartObject();
                json.writeStringField("from", file.from());
                json.writeStringField("undo", file.undo().orElse(null));
                json.writeStringField("to", file.to());
                json.writeBooleanField("reversible", file.reversible());
                json.writeEndObject();
            }
            json.writeEndArray();
            strings(json, "skipped", result.skipped());
            strings(json, "notes", result.notes());
        });
    }

    @Override
    public void linted(LintResult result) {
        document(result.passed(), json -> lintFields(json, result));
    }

    @Override
    public void validated(ValidateResult result, LintResult lint) {
        document(lint.passed(), json -> {
            json.writeNumberField("migrations", result.migrations());
            json.writeArrayFieldStart("problems");
            json.writeEndArray();
            problems(json, "notices", result.notices());
            json.writeStringField("lockHolder", result.lockHolder().orElse(null));
            json.writeObjectFieldStart("lint");
            lintFields(json, lint);
            json.writeEndObject();
        });
    }

    /** The fields of a lint result: counts, findings, and with {@code --observe} the observations. */
    private void lintFields(JsonGenerator json, LintResult result) throws IOException {
        json.writeStringField("database", result.database());
        json.writeNumberField("linted", result.linted());
        json.writeNumberField("errors", result.errors());
        json.writeNumberField("warnings", result.warnings());
        json.writeArrayFieldStart("findings");
        for (LintFinding finding : result.findings()) {
            json.writeStartObject();
            json.writeStringField("file", invocation.display(finding.file()));
            json.writeNumberField("line", finding.line());
            json.writeStringField("rule", finding.rule().id());
            json.writeStringField("level", finding.level().label());
            json.writeStringField("message", finding.message());
            json.writeStringField("migration", finding.migration());
            json.writeStringField("why", finding.rule().why());
            json.writeStringField("fix", finding.rule().fix());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeStringField("scratch", result.scratch().orElse(null));
        json.writeArrayFieldStart("observations");
        for (Observation observation : result.observations()) {
            json.writeStartObject();
            json.writeStringField("file", invocation.display(observation.file()));
            json.writeNumberField("line", observation.line());
            json.writeStringField("migration", observation.migration());
            json.writeStringField("statement", observation.statement());
            strings(json, "locks", observation.locks());
            strings(json, "held", observation.held());
            json.writeBooleanField("watched", observation.watched());
            strings(json, "rewritten", observation.rewritten());
            json.writeStringField("algorithm", observation.algorithm().orElse(null));
            json.writeStringField("table", observation.table().orElse(null));
            json.writeFieldName("rows");
            if (observation.rows().isPresent()) {
                json.writeNumber(observation.rows().getAsLong());
            } else {
                json.writeNull();
            }
            json.writeFieldName("bytes");
            if (observation.bytes().isPresent()) {
                json.writeNumber(observation.bytes().getAsLong());
            } else {
                json.writeNull();
            }
            strings(json, "rules", observation.rules());
            json.writeNumberField("durationMs", observation.duration().toMillis());
            json.writeStringField("failure", observation.failure().orElse(null));
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    @Override
    public void lintRules(List<LintRule> rules) {
        document(true, json -> {
            json.writeArrayFieldStart("rules");
            for (LintRule rule : rules) {
                json.writeStartObject();
                json.writeStringField("id", rule.id());
                json.writeStringField("level", rule.level().label());
                json.writeStringField("title", rule.title());
                json.writeStringField("why", rule.why());
                json.writeStringField("fix", rule.fix());
                json.writeEndObject();
            }
            json.writeEndArray();
        });
    }

    @Override
    public void squashed(SquashResult result) {
        document(true, json -> {
            json.writeStringField("file", result.file().toString());
            strings(json, "replaced", result.replaced());
            json.writeNumberField("upStatements", result.upStatements());
            json.writeBooleanField("dryRun", result.dryRun());
            json.writeStringField("text", result.text());
            json.writeNumberField("durationMs", result.duration().toMillis());
        });
    }

    @Override
    public void rolledBack(RollbackResult result) {
        document(true, json -> {
            json.writeArrayFieldStart("batches");
            for (int batch : result.batches()) {
                json.writeNumber(batch);
            }
            json.writeEndArray();
            runs(json, result.reverted());
            if (result.nothingToDo().isPresent()) {
                json.writeStringField("nothingToDo", result.nothingToDo().get());
            }
            json.writeNumberField("durationMs", result.duration().toMillis());
        });
    }

    @Override
    public void dryRun(Plan plan) {
        document(true, json -> {
            json.writeBooleanField("dryRun", true);
            json.writeStringField("operation", plan.operation().toString());
            json.writeStringField("direction", plan.operation().direction().label());
            number(json, "batch", plan.batch());
            json.writeArrayFieldStart("migrations");
            for (Plan.Migration migration : plan.migrations()) {
                json.writeStartObject();
                json.writeStringField("name", migration.name());
                json.writeStringField("version", migration.version());
                json.writeStringField("direction", migration.direction().label());
                json.writeStringField("file", invocation.display(migration.file()));
                json.writeBooleanField("transactional", migration.transactional());
                json.writeNumberField("resumeAfter", migration.resumeAfter());
                json.writeStringField("javaClass", migration.javaClass().orElse(null));
                json.writeArrayFieldStart("statements");
                for (Plan.Statement statement : migration.statements()) {
                    json.writeStartObject();
                    json.writeNumberField("line", statement.line());
                    json.writeStringField("sql", statement.sql());
                    json.writeEndObject();
                }
                json.writeEndArray();
                json.writeEndObject();
            }
            json.writeEndArray();
        });
    }

    @Override
    public void status(Status status) {
        document(true, json -> {
            json.writeStringField("currentVersion", status.currentVersion().orElse(null));
            json.writeNumberField("currentBatch", status.currentBatch());
            json.writeNumberField("appliedCount", status.applied().size());
            json.writeNumberField("incompleteCount", status.incomplete().size());
            json.writeNumberField("runningCount", status.running().size());
            json.writeStringField("lockHolder", status.lockHolder().orElse(null));
            json.writeNumberField("pendingCount", status.pending().size());
            json.writeArrayFieldStart("migrations");
            for (Status.Migration migration : status.migrations()) {
                json.writeStartObject();
                json.writeStringField("name", migration.name());
                json.writeStringField("version", migration.version());
                json.writeStringField("state", migration.state().name().toLowerCase(Locale.ROOT));
                json.writeFieldName("batch");
                if (migration.batch().isPresent()) {
                    json.writeNumber(migration.batch().get());
                } else {
                    json.writeNull();
                }
                json.writeStringField(
                        "appliedAt",
                        migration.appliedAt().map(Instant::toString).orElse(null));
                json.writeFieldName("durationMs");
                if (migration.executionTime().isPresent()) {
                    json.writeNumber(migration.executionTime().get().toMillis());
                } else {
                    json.writeNull();
                }
                json.writeBooleanField("reversible", migration.reversible());
                json.writeStringField(
                        "description",
                        migration.description() == null
                                        || migration.description().isBlank()
                                ? null
                                : migration.description());
                json.writeStringField(
                        "file", migration.file().map(invocation::display).orElse(null));
                if (migration.incomplete().isPresent()) {
                    json.writeObjectFieldStart("incomplete");
                    json.writeStringField(
                            "section", migration.incomplete().get().section().label());
                    json.writeNumberField(
                            "statementsRun", migration.incomplete().get().statementsRun());
                    json.writeEndObject();
                }
                json.writeEndObject();
            }
            json.writeEndArray();
            problems(
                    json,
                    "problems",
                    status.problems().stream().filter(p -> !p.isNotice()).toList());
            problems(
                    json,
                    "notices",
                    status.problems().stream().filter(Problem::isNotice).toList());
        });
    }

    /** {@code problems} as an array of objects named {@code field}: kind, migration and message each. */
    private static void problems(JsonGenerator json, String field, List<Problem> problems) throws IOException {
        json.writeArrayFieldStart(field);
        for (Problem problem : problems) {
            json.writeStartObject();
            json.writeStringField("kind", problem.kind().name().toLowerCase(Locale.ROOT));
            json.writeStringField("migration", problem.migration());
            json.writeStringField("message", problem.message());
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    @Override
    public void pinged(ServerInfo server) {
        document(true, json -> {
            json.writeStringField("product", server.product());
            json.writeStringField("version", server.version());
            json.writeStringField("url", server.url());
            json.writeNumberField("connectMs", server.connectTime().toMillis());
            json.writeStringField("note", server.note() == null || server.note().isBlank() ? null : server.note());
        });
    }

    @Override
    public void made(Path file) {
        document(true, json -> json.writeStringField("file", invocation.display(file)));
    }

    @Override
    public void initialized(List<Path> created, List<Path> kept, List<Path> updated) {
        document(true, json -> {
            paths(json, "created", created);
            paths(json, "kept", kept);
            paths(json, "updated", updated);
        });
    }

    @Override
    public void version(String cairn, String commit, String java) {
        document(true, json -> {
            json.writeStringField("version", cairn);
            json.writeStringField("commit", commit);
            json.writeStringField("java", java);
        });
    }

    @Override
    public void failed(Failure failure) {
        if (written) {
            // A result is out already; a second document would break "exactly one" for scripts.
            return;
        }
        document(false, json -> {
            json.writeObjectFieldStart("error");
            json.writeStringField("type", failure.type());
            json.writeNumberField("exitCode", failure.exitCode());
            json.writeStringField("message", failure.message());
            details(json, failure.cause());
            json.writeEndObject();
        });
    }

    // --- pieces -------------------------------------------------------------------------------------

    private interface Body {
        void write(JsonGenerator json) throws IOException;
    }

    private void document(boolean ok, Body body) {
        written = true;
        try {
            JsonGenerator json = FACTORY.createGenerator(invocation.out);
            // stdout belongs to the process: the generator must not close it.
            json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            json.writeStartObject();
            json.writeBooleanField("ok", ok);
            json.writeStringField("command", invocation.command());
            if (environment != null) {
                json.writeStringField("environment", environment);
                json.writeStringField("target", target);
            }
            body.write(json);
            json.writeEndObject();
            json.close();
            invocation.out.println();
            invocation.out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A 1-based line, or null for 0: a Java migration's code has no line. */
    private static void lineField(JsonGenerator json, int line) throws IOException {
        if (line > 0) {
            json.writeNumberField("line", line);
        } else {
            json.writeNullField("line");
        }
    }

    private void details(JsonGenerator json, Throwable cause) throws IOException {
        if (cause instanceof MigrationFailedException) {
            MigrationFailedException failed = (MigrationFailedException) cause;
            json.writeStringField("migration", failed.migration());
            json.writeStringField("direction", failed.direction().label());
            json.writeStringField("file", failed.file() == null ? null : invocation.display(failed.file()));
            lineField(json, failed.line());
            json.writeNumberField("statement", failed.statement());
            json.writeStringField("sqlState", failed.sqlState().orElse(null));
            json.writeStringField("databaseMessage", failed.databaseMessage());
            strings(json, "stillApplied", failed.stillApplied());
        } else if (cause instanceof MigrationFileException) {
            MigrationFileException file = (MigrationFileException) cause;
            json.writeStringField("file", file.file() == null ? null : invocation.display(file.file()));
            json.writeFieldName("line");
            Optional<Integer> line = file.line();
            if (line.isPresent()) {
                json.writeNumber(line.get());
            } else {
                json.writeNull();
            }
        } else if (cause instanceof ValidationException) {
            strings(json, "problems", ((ValidationException) cause).problems());
        } else if (cause instanceof VerificationException) {
            strings(json, "migrations", ((VerificationException) cause).migrations());
        }
    }

    private static void runs(JsonGenerator json, List<MigrationRun> runs) throws IOException {
        json.writeArrayFieldStart("migrations");
        for (MigrationRun run : runs) {
            json.writeStartObject();
            json.writeStringField("name", run.name());
            json.writeStringField("version", run.version());
            json.writeStringField("direction", run.direction().label());
            json.writeNumberField("batch", run.batch());
            json.writeNumberField("durationMs", millis(run.duration()));
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    private static long millis(Duration duration) {
        return duration.toMillis();
    }

    private static void number(JsonGenerator json, String name, OptionalInt value) throws IOException {
        json.writeFieldName(name);
        if (value.isPresent()) {
            json.writeNumber(value.getAsInt());
        } else {
            json.writeNull();
        }
    }

    private void paths(JsonGenerator json, String name, List<Path> paths) throws IOException {
        json.writeArrayFieldStart(name);
        for (Path path : paths) {
            json.writeString(invocation.display(path));
        }
        json.writeEndArray();
    }

    private static void strings(JsonGenerator json, String name, List<String> values) throws IOException {
        json.writeArrayFieldStart(name);
        for (String value : values) {
            json.writeString(value);
        }
        json.writeEndArray();
    }

    /** JSON's own escapes, and the same six-character escapes for DEL, the C1 and the bidirectional controls. */
    private static final class TerminalSafe extends CharacterEscapes {

        private static final long serialVersionUID = 1L;

        private final int[] ascii = standardAsciiEscapesForJSON();

        TerminalSafe() {
            ascii[0x7f] = ESCAPE_STANDARD;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return ascii;
        }

        @Override
        public SerializableString getEscapeSequence(int c) {
            boolean escape = c >= 0x80 && c <= 0x9f
                    || c == 0x061c
                    || c == 0x200e
                    || c == 0x200f
                    || c >= 0x202a && c <= 0x202e
                    || c >= 0x2066 && c <= 0x2069;
            return escape ? new SerializedString(String.format("\\u%04x", c)) : null;
        }
    }
}
