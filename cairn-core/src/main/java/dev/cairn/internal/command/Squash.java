// SPDX-License-Identifier: Apache-2.0
package dev.cairn.internal.command;

import dev.cairn.ConfigurationException;
import dev.cairn.SchemaSnapshot;
import dev.cairn.SquashResult;
import dev.cairn.ValidationException;
import dev.cairn.VerifyResult.Step;
import dev.cairn.VerifyResult.StepFailure;
import dev.cairn.internal.dialect.Dialect;
import dev.cairn.internal.schema.SchemaScript;
import dev.cairn.internal.source.Migration;
import dev.cairn.internal.source.MigrationDirectory;
import dev.cairn.internal.sql.Statement;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * {@code squash --to V}: read the files → apply every migration up to V on a scratch database beside
 * the target → write its schema as SQL ({@link SchemaScript}) into one migration file → prove that file
 * on a second scratch database: its up builds the same schema (verify's snapshot comparison) and its
 * down leaves the database empty → only then write it and delete the files it replaces. No database
 * but the scratch ones is touched; a database that applied the old migrations reads the new one as
 * applied ({@link dev.cairn.internal.plan.Squashes}).
 */
public final class Squash {

    /** The statements that change data, not schema: what a squash of the schema alone would lose. */
    private static final Pattern CHANGES_DATA =
            Pattern.compile("^\\s*(INSERT|UPDATE|DELETE|MERGE|COPY|REPLACE|UPSERT)\\b", Pattern.CASE_INSENSITIVE);

    private static final String VERIFY_SAYS = "`cairn verify` shows the same; fix that migration first.";
    private static final String SCRIPT_GAP = "The schema, written as SQL for this database, does not rebuild itself:"
            + " squash up to an earlier version, and report the schema that did this.";

    private final Settings settings;

    /** The squash for these settings. */
    public Squash(Settings settings) {
        this.settings = settings;
    }

    /** Squashes every migration up to {@code target} (a version or a full name); on a dry run writes nothing. */
    public SquashResult run(String target, boolean dryRun) {
        Stopwatch stopwatch = new Stopwatch();
        List<Migration> migrations = settings.migrations().scan();
        Migration top = resolve(target, migrations);
        List<Migration> covered = migrations.stream()
                .filter(migration -> migration.version().compareTo(top.version()) <= 0)
                .toList();
        String targetUrl = settings.connector().verifyUrl();
        Dialect dialect = Dialect.forUrl(targetUrl);
        refuseWhatCannotBeSquashed(target, covered, dialect);
        Path directory = settings.migrationsDirectory();
        String name = top.version().text() + "_squashed";
        Findings findings = new Findings(Instant.now());

        SchemaSnapshot built;
        SchemaScript.Script script;
        try (Cancellation cancellation = cancellation();
                ScratchSession scratch = scratch(dialect, targetUrl, cancellation)) {
            for (Migration migration : covered) {
                refuse(target, scratch.run(migration, Step.UP), "does not run on an empty database", VERIFY_SAYS);
            }
            built = scratch.snapshot();
            script = scratch.script();
        }
        String text = fileText(covered, script, dialect);
        Migration squashed = parse(name, text);

        List<String> differences = new ArrayList<>();
        try (Cancellation cancellation = cancellation();
                ScratchSession scratch = scratch(dialect, targetUrl, cancellation)) {
            SchemaSnapshot empty = scratch.snapshot();
            refuse(target, scratch.run(squashed, Step.UP), "does not run", SCRIPT_GAP);
            scratch.reconnect();
            findings.compare(built, scratch.snapshot()).stream()
                    .filter(finding -> !finding.equivalent())
                    .forEach(finding -> differences.add("after its up: " + finding.summary()));
            refuse(target, scratch.run(squashed, Step.DOWN), "does not run after its up", SCRIPT_GAP);
            findings.compare(empty, scratch.snapshot()).stream()
                    .filter(finding -> !finding.equivalent())
                    .forEach(finding -> differences.add("after its down: " + finding.summary()));
        }
        if (!differences.isEmpty()) {
            throw new ValidationException(
                    "Cannot squash up to " + target + ": the squashed migration written from the schema does not"
                            + " build the same schema as the " + covered.size() + " migrations it would replace"
                            + " (or its down does not drop it), as a scratch database shows. Nothing was written."
                            + " Squash up to an earlier version, below the migration that makes the object named.",
                    differences);
        }
        Path file = directory.resolve(name + ".sql");
        if (!dryRun) {
            replace(file, text, covered);
        }
        return new SquashResult(
                file,
                covered.stream().map(Migration::name).toList(),
                script.up().size(),
                text,
                dryRun,
                stopwatch.elapsed());
    }

    private Cancellation cancellation() {
        return new Cancellation("squash", "Its scratch database is dropped; the target database was not touched.");
    }

    private ScratchSession scratch(Dialect dialect, String targetUrl, Cancellation cancellation) {
        return new ScratchSession(
                dialect,
                targetUrl,
                settings.connector(),
                settings.lockTimeout(),
                cancellation,
                settings.placeholders(),
                false);
    }

    private static Migration resolve(String target, List<Migration> migrations) {
        return Migration.named(target, migrations)
                .orElseThrow(() -> new ConfigurationException("Cannot squash up to '" + target + "': no migration has"
                        + " that version or name (`cairn status` lists them)."));
    }

    /** What a squash of the schema alone cannot stand in for, refused before any database is made. */
    private void refuseWhatCannotBeSquashed(String target, List<Migration> covered, Dialect dialect) {
        if (covered.size() < 2) {
            throw new ConfigurationException("Nothing to squash up to " + target + ": it is the first migration."
                    + " Give the version of the newest migration that the squashed one should replace.");
        }
        if (settings.targets().isPresent()) {
            throw new ConfigurationException("Cannot squash a fleet's migrations: they may name ${target}, which a"
                    + " schema read from one database would write as that database's name. Squash them with a"
                    + " configuration of one database.");
        }
        List<String> refusals = new ArrayList<>();
        Path directory = settings.migrationsDirectory().toAbsolutePath().normalize();
        for (Migration migration : covered) {
            if (migration.isJava()) {
                refusals.add(migration.name() + " is a Java migration (" + migration.source() + "); what its code"
                        + " does cannot be written as SQL");
            } else if (!migration.file().toAbsolutePath().normalize().startsWith(directory)) {
                refusals.add(migration.name() + " is not in the migrations directory " + directory + " ("
                        + migration.file() + "): squash replaces files there only");
            } else {
                dataChanges(migration, dialect)
                        .ifPresent(statement -> refusals.add(migration.name() + " changes data ("
                                + statement
                                + "); a squash keeps the schema only, so a new database would lack that data: move"
                                + " it to a seed or to a migration after " + target));
            }
        }
        if (!refusals.isEmpty()) {
            throw new ValidationException(
                    "Cannot squash up to " + target + ": " + refusals.size()
                            + (refusals.size() == 1 ? " migration" : " migrations")
                            + " cannot be replaced by a schema. Nothing was written.",
                    refusals);
        }
    }

    private Optional<String> dataChanges(Migration migration, Dialect dialect) {
        return migration.up().statements(dialect.splitRules(), settings.placeholders()).stream()
                .map(Statement::sql)
                .filter(text -> CHANGES_DATA.matcher(stripComments(text)).find())
                .map(text -> firstLine(stripComments(text)))
                .findFirst();
    }

    private static String stripComments(String sql) {
        return sql.lines().filter(line -> !line.strip().startsWith("--")).reduce("", (a, b) -> a + b + "\n");
    }

    private static String firstLine(String text) {
        String line = text.strip().lines().findFirst().orElse("");
        return line.length() > 60 ? line.substring(0, 60) + "…" : line;
    }

    private static void refuse(String target, Optional<StepFailure> failure, String what, String advice) {
        if (failure.isPresent()) {
            StepFailure step = failure.get();
            throw new ValidationException(
                    "Cannot squash up to " + target + ": " + step.migration() + "'s "
                            + step.step().label() + " "
                            + what + " on a scratch database (" + step.message() + "). Nothing was written. "
                            + advice,
                    List.of());
        }
    }

    /** The squashed migration's file: where it came from, then its up and its down. */
    private static String fileText(List<Migration> covered, SchemaScript.Script script, Dialect dialect) {
        StringBuilder text = new StringBuilder();
        text.append("-- Squashed by `cairn squash` on ")
                .append(LocalDate.now(ZoneOffset.UTC))
                .append(": in place of the ")
                .append(covered.size())
                .append(" migrations ")
                .append(covered.get(0).name())
                .append(" .. ")
                .append(covered.get(covered.size() - 1).name())
                .append(".\n-- Its up builds their schema as a ")
                .append(dialect.kind().name().toLowerCase(Locale.ROOT))
                .append(" database that applied them had it; its down drops it. Proven on a scratch database.\n");
        text.append("-- migrate:up squashed\n");
        script.up().forEach(statement -> text.append(statement).append(";\n"));
        text.append("-- migrate:down\n");
        script.down().forEach(statement -> text.append(statement).append(";\n"));
        return text.toString();
    }

    /** The file as Cairn reads it: written to a directory of its own, and read back. */
    private static Migration parse(String name, String text) {
        Path scratch = null;
        try {
            scratch = Files.createTempDirectory("cairn-squash-");
            Files.writeString(scratch.resolve(name + ".sql"), text, StandardCharsets.UTF_8);
            return MigrationDirectory.scan(scratch).get(0);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the squashed migration to a temporary directory", e);
        } finally {
            deleteQuietly(scratch);
        }
    }

    private static void deleteQuietly(Path directory) {
        if (directory == null) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            // A temporary directory left behind is the system's to clean.
        }
    }

    /** Writes the squashed migration, then deletes the files it replaces (both of a pair). */
    private static void replace(Path file, String text, List<Migration> covered) {
        try {
            Slug.writeAtomically(file, text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw Slug.cannotWrite("the squashed migration", file.getParent(), "migrations.directory", e);
        }
        List<Path> failed = new ArrayList<>();
        for (Migration migration : covered) {
            for (Path old : Stream.of(
                            migration.up().file(),
                            migration.down() == null ? null : migration.down().file())
                    .filter(path -> path != null)
                    .distinct()
                    .toList()) {
                try {
                    Files.deleteIfExists(old);
                } catch (IOException e) {
                    failed.add(old);
                }
            }
        }
        if (!failed.isEmpty()) {
            throw new ConfigurationException("Wrote " + file + ", but could not delete " + failed.size()
                    + " of the files it replaces: " + failed + ". Delete them by hand: with both, the versions"
                    + " clash.");
        }
    }
}
