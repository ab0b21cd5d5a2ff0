// SPDX-License-Identifier: Apache-2.0
package dev.cairn.internal.command;

import dev.cairn.ConfigurationException;
import dev.cairn.LintOptions;
import dev.cairn.LintResult;
import dev.cairn.LintRule;
import dev.cairn.Status;
import dev.cairn.Targets;
import dev.cairn.internal.dialect.Dialect;
import dev.cairn.internal.lint.LintRules;
import dev.cairn.internal.lint.Linter;
import dev.cairn.internal.plan.Planner;
import dev.cairn.internal.source.Migration;
import dev.cairn.internal.sql.Placeholders;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * {@code lint}: the migrations read for risky statements by the rules of the target's database. Named
 * files and {@code --all} need no connection when the URL names the database; the pending migrations are
 * those the target's tracking table does not show applied (read without the lock; nothing is created).
 * On a fleet, whose targets may stand at different versions, "pending" means every migration.
 */
public final class Lint {

    private final Settings settings;

    /** The lint for these settings. */
    public Lint(Settings settings) {
        this.settings = settings;
    }

    /**
     * The findings.
     *
     * @throws ConfigurationException if a named file is not one of the migrations
     * @throws dev.cairn.MigrationFileException if a migration cannot be read or split into statements
     */
    public LintResult run(LintOptions options) {
        List<Migration> migrations = settings.migrations().scan();
        Dialect dialect;
        Predicate<Migration> checked;
        if (!options.files().isEmpty()) {
            dialect = dialect();
            checked = named(options.files(), migrations);
        } else if (options.all() || settings.targets().isPresent()) {
            dialect = dialect();
            checked = migration -> true;
        } else {
            try (Session session = Session.forReading(settings)) {
                Status status = new Planner(migrations, session.historyRows())
                        .status(session.dialect().splitRules(), Map.of());
                Set<String> pending = status.migrations().stream()
                        .filter(migration -> migration.state() == Status.State.PENDING)
                        .map(Status.Migration::name)
                        .collect(Collectors.toSet());
                dialect = session.dialect();
                checked = migration -> pending.contains(migration.name());
            }
        }
        LintResult result = lint(dialect, migrations, checked);
        return options.observe() ? new Observing(settings, dialect).observe(result, migrations, checked) : result;
    }

    /** The rules that are on for the target's database, each at the level it runs at. */
    public List<LintRule> rules() {
        return linter(dialect()).rules();
    }

    /** The findings in those of {@code migrations} that {@code checked} accepts, by {@code dialect}'s rules. */
    LintResult lint(Dialect dialect, List<Migration> migrations, Predicate<Migration> checked) {
        Linter.Report report = linter(dialect).lint(migrations, checked);
        return new LintResult(dialect.name(), report.linted(), report.findings(), report.rules());
    }

    private Linter linter(Dialect dialect) {
        Set<String> known = new HashSet<>();
        Dialect.all().forEach(each -> known.addAll(each.lintRules().ids()));
        Set<String> off = new HashSet<>(settings.lint().off());
        if (settings.lockTimeoutDdl().isPresent() && dialect.ddlLockTimeout().isPresent()) {
            off.add(LintRules.LOCK_TIMEOUT); // Cairn sets the timeout before every migration statement itself
        }
        return new Linter(
                dialect.lintRules(),
                dialect.splitRules(),
                placeholders(),
                settings.lint().levels(),
                off,
                known);
    }

    /**
     * The placeholders' values: on a fleet, {@code ${target}} stands for a target's schema or database,
     * which lint (run once for the whole fleet) reads as a name it knows nothing of.
     */
    private Placeholders placeholders() {
        return settings.targets().isPresent()
                ? settings.placeholders().with(Targets.PLACEHOLDER, Targets.PLACEHOLDER)
                : settings.placeholders();
    }

    /** The target's dialect: from its URL, or from a connection when a data source hides it. */
    private Dialect dialect() {
        return settings.knownDialect().orElseGet(() -> {
            try (Session session = Session.forReading(settings)) {
                return session.dialect();
            }
        });
    }

    /** Accepts the migrations whose file is one of {@code files}. */
    private static Predicate<Migration> named(List<Path> files, List<Migration> migrations) {
        Set<Path> wanted = files.stream().map(Lint::normal).collect(Collectors.toSet());
        Set<Path> found = migrations.stream()
                .filter(migration -> !migration.isJava())
                .map(migration -> normal(migration.file()))
                .collect(Collectors.toSet());
        for (Path file : wanted) {
            if (!found.contains(file) && !found.contains(upFile(file))) {
                throw new ConfigurationException(file + " is not one of the migrations Cairn reads ("
                        + migrations.size() + " found); lint takes migration files from the migrations directory.");
            }
        }
        return migration -> !migration.isJava()
                && (wanted.contains(normal(migration.file()))
                        || wanted.stream().map(Lint::upFile).anyMatch(normal(migration.file())::equals));
    }

    /** For a paired layout's {@code NNN_name.down.sql}, its {@code .up.sql}, which names the migration. */
    private static Path upFile(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".down.sql")
                ? file.resolveSibling(name.substring(0, name.length() - ".down.sql".length()) + ".up.sql")
                : file;
    }

    private static Path normal(Path file) {
        return file.toAbsolutePath().normalize();
    }
}
