// SPDX-License-Identifier: Apache-2.0
package dev.cairn.internal.plan;

import dev.cairn.ImportOptions.Tool;
import dev.cairn.ImportResult;
import dev.cairn.ValidationException;
import dev.cairn.internal.history.ForeignRow;
import dev.cairn.internal.history.HistoryRow;
import dev.cairn.internal.source.FlywayName;
import dev.cairn.internal.source.Migration;
import dev.cairn.internal.source.Version;
import dev.cairn.internal.sql.SplitRules;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What {@code cairn import TOOL} records: another tool's history matched, entry by entry, to Cairn's
 * migrations, keeping the tool's batches (Knex's numbers; Liquibase's deployments, one per
 * {@code update}; a batch per Flyway version, as {@code flyway undo} undoes one version) and times.
 *
 * <p>How an entry finds its migration:
 * <ul>
 *   <li>Knex: its file name without {@code .js}/{@code .ts}/… is the migration's name; else its leading
 *       digits are its version.
 *   <li>Flyway: the migration with its version whose name after the version is the script's
 *       description, as {@code import flyway --files} writes it; else the one migration with that name
 *       (a version the converter renumbered: Flyway's {@code 1.1}, which Cairn's digit versions cannot
 *       spell); else the one with its version.
 *       A {@code BASELINE} row stands for every migration up to its version.
 *   <li>Liquibase: its change set id is the migration's name or version; else its file's name (without
 *       directories and extension) is the migration's name, or its leading digits the version. The
 *       change sets of one file become one migration.
 * </ul>
 * An entry that finds none, a failed one, a repeatable one, and a migration older than the newest the
 * tool applied that the tool never applied are each listed; any of them refuses the import, writing
 * nothing, unless they are to be left out.
 */
public final class Adoption {

    private static final Pattern SCRIPT_EXTENSION = Pattern.compile("\\.(js|ts|cjs|mjs|coffee)$");
    private static final Pattern CHANGELOG_EXTENSION = Pattern.compile("\\.(sql|xml|ya?ml|json)$");

    private final Tool tool;
    private final String table;
    private final List<Migration> migrations;
    private final Map<String, Migration> byName = new HashMap<>();

    /**
     * Matching the history of {@code tool}, read from {@code table}, to {@code migrations} (in Cairn's
     * order).
     */
    public Adoption(Tool tool, String table, List<Migration> migrations) {
        this.tool = tool;
        this.table = table;
        this.migrations = migrations;
        migrations.forEach(migration -> byName.put(migration.name(), migration));
    }

    /**
     * What to record for {@code rows}, with checksums by {@code rules}; a time the tool did not keep is
     * {@code now}.
     *
     * @param history Cairn's tracking table's rows, which must be none
     * @param leaveOut leave out, listed, what matches nothing, instead of refusing
     * @throws ValidationException if Cairn has a history already, or (without {@code leaveOut}) an entry
     *     or migration cannot be matched; nothing is written
     */
    public Outcome plan(
            List<ForeignRow> rows, List<HistoryRow> history, boolean leaveOut, SplitRules rules, Instant now) {
        Planner.requireNoHistory(history, "import", "An import is for a database whose history another tool kept");
        List<String> problems = new ArrayList<>();
        Map<Migration, Merged> matched = new LinkedHashMap<>();
        Version flywayBaseline = null;
        Set<String> removed = removedVersions(rows);
        for (ForeignRow row : rows) {
            String label = label(row);
            if (!row.success()) {
                problems.add(label + " failed (" + tool.label() + " left it part-applied or not applied at all):"
                        + " finish or undo it by hand and remove its row the " + tool.label() + " way"
                        + (tool == Tool.FLYWAY ? " (flyway repair)" : "") + ", then import again");
                continue;
            }
            String type = row.type() == null ? "" : row.type().toUpperCase(Locale.ROOT);
            if (ignored(row, type) || (row.version() != null && removed.contains(row.version()))) {
                continue;
            }
            if (tool == Tool.FLYWAY && type.equals("BASELINE")) {
                flywayBaseline = digits(row.version());
                if (flywayBaseline == null) {
                    problems.add(label + ": Flyway's baseline version " + row.version() + " is not a version Cairn"
                            + " can compare (digits only); baseline by hand with `cairn baseline V` instead");
                }
                continue;
            }
            if (tool == Tool.FLYWAY && row.version() == null) {
                problems.add(label + " is a repeatable migration, which Cairn has not got: make it a versioned"
                        + " migration file, or leave it out with --allow-unmatched");
                continue;
            }
            Migration migration = match(row);
            if (migration == null) {
                problems.add(label + " matches no migration (" + howMatched() + ")");
                continue;
            }
            Merged merged = matched.computeIfAbsent(migration, m -> new Merged(m, group(row)));
            merged.add(entry(row), row);
        }
        List<Merged> recorded = new ArrayList<>();
        if (flywayBaseline != null) {
            Version top = flywayBaseline;
            for (Migration migration : migrations) {
                if (migration.version().compareTo(top) <= 0 && !matched.containsKey(migration)) {
                    Merged baseline = new Merged(migration, "baseline");
                    baseline.baseline = true;
                    baseline.from.add("<< Flyway Baseline >> " + top.text());
                    recorded.add(baseline);
                }
            }
        }
        recorded.addAll(matched.values());
        Version newest = recorded.stream()
                .map(merged -> merged.migration.version())
                .max(Version::compareTo)
                .orElse(null);
        Set<Migration> covered = new HashSet<>();
        recorded.forEach(merged -> covered.add(merged.migration));
        for (Migration migration : migrations) {
            if (newest != null && migration.version().compareTo(newest) < 0 && !covered.contains(migration)) {
                problems.add(migration.name() + ": " + tool.label() + " never applied it, though it applied newer"
                        + " ones (up to " + newest.text() + "); left out, it stays pending, and `cairn migrate`"
                        + " runs it only with allow-out-of-order");
            }
        }
        if (!problems.isEmpty() && !leaveOut) {
            throw new ValidationException(
                    "Cannot import the " + tool.label() + " history (" + table + "): " + problems.size()
                            + (problems.size() == 1 ? " mismatch" : " mismatches") + " between it and Cairn's"
                            + " migrations. Fix the files, or add --allow-unmatched to leave "
                            + (problems.size() == 1 ? "it" : "them") + " out. Nothing was written.",
                    problems);
        }
        return outcome(recorded, problems, rules, now);
    }

    private Outcome outcome(List<Merged> recorded, List<String> leftOut, SplitRules rules, Instant now) {
        Map<String, Integer> batches = new LinkedHashMap<>();
        List<HistoryRow> rows = new ArrayList<>();
        List<ImportResult.Recorded> results = new ArrayList<>();
        for (Merged merged : recorded) {
            int batch = tool == Tool.KNEX && !merged.baseline
                    ? Integer.parseInt(merged.group.trim())
                    : batches.computeIfAbsent(merged.group, group -> batches.size() + 1);
            Instant at = merged.appliedAt == null ? now : merged.appliedAt;
            rows.add(AppliedRow.of(
                    rows.size() + 1,
                    merged.migration,
                    batch,
                    rules,
                    at,
                    merged.executionMillis,
                    merged.baseline ? HistoryRow.BASELINE : tool.label()));
            results.add(new ImportResult.Recorded(merged.migration.name(), batch, at, merged.baseline, merged.from));
        }
        return new Outcome(rows, results, leftOut);
    }

    /** Flyway versions that {@code repair} or an undo took out: their earlier rows no longer count. */
    private Set<String> removedVersions(List<ForeignRow> rows) {
        Set<String> removed = new HashSet<>();
        for (ForeignRow row : rows) {
            String type = row.type() == null ? "" : row.type().toUpperCase(Locale.ROOT);
            if (tool == Tool.FLYWAY && row.version() != null && (type.equals("DELETE") || type.startsWith("UNDO"))) {
                removed.add(row.version());
            }
        }
        return removed;
    }

    /** Rows that stand for no migration: Flyway's own bookkeeping, Liquibase's skips and tags. */
    private boolean ignored(ForeignRow row, String type) {
        return switch (tool) {
            case KNEX -> false;
            // SCHEMA: Flyway made the schema; TABLE: its own table (H2 records that); DELETE: repair's mark.
            case FLYWAY ->
                type.equals("SCHEMA") || type.equals("TABLE") || type.equals("DELETE") || type.startsWith("UNDO");
            case LIQUIBASE -> type.equals("SKIPPED") || "tagDatabase".equalsIgnoreCase(row.name());
        };
    }

    private Migration match(ForeignRow row) {
        return switch (tool) {
            case KNEX -> {
                String name = SCRIPT_EXTENSION.matcher(row.name()).replaceFirst("");
                yield byName.containsKey(name) ? byName.get(name) : byVersion(Version.leadingDigitsOf(name));
            }
            case FLYWAY -> flyway(row);
            case LIQUIBASE -> {
                Migration byId = byName.containsKey(row.id()) ? byName.get(row.id()) : byVersion(digits(row.id()));
                if (byId != null || row.file() == null) {
                    yield byId;
                }
                String file = row.file().substring(row.file().lastIndexOf('/') + 1);
                String base = CHANGELOG_EXTENSION.matcher(file).replaceFirst("");
                yield byName.containsKey(base) ? byName.get(base) : byVersion(Version.leadingDigitsOf(base));
            }
        };
    }

    /** The one migration with {@code version}; null for none, or when two could be meant. */
    private Migration byVersion(Version version) {
        if (version == null) {
            return null;
        }
        List<Migration> found =
                migrations.stream().filter(m -> m.version().sameAs(version)).toList();
        return found.size() == 1 ? found.get(0) : null;
    }

    /**
     * The migration of a Flyway row: the one with its version and the name its description becomes
     * ({@link FlywayName#cairnName}); else the one with that name after any version, which is where
     * {@code import flyway --files} put a version it renumbered ({@code 1.1} → {@code 110}, while
     * {@code 11} may be another's); else the one with its version, named otherwise since.
     */
    private Migration flyway(ForeignRow row) {
        Version version = digits(row.version());
        String description = row.file() == null ? null : FlywayName.descriptionOf(row.file());
        if (description != null) {
            String name = FlywayName.cairnName(description);
            List<Migration> named = migrations.stream()
                    .filter(m -> m.name().equals(m.version().text() + "_" + name)
                            || (name.isEmpty() && m.name().equals(m.version().text())))
                    .toList();
            for (Migration migration : named) {
                if (version != null && migration.version().sameAs(version)) {
                    return migration;
                }
            }
            if (named.size() == 1) {
                return named.get(0);
            }
        }
        return byVersion(version);
    }

    private static Version digits(String text) {
        return text != null && !text.isEmpty() && text.chars().allMatch(c -> c >= '0' && c <= '9')
                ? new Version(text)
                : null;
    }

    /** What a row is called in the tool's own terms. */
    private String entry(ForeignRow row) {
        return switch (tool) {
            case KNEX -> row.name();
            case FLYWAY -> row.file() != null ? row.file() : row.name();
            case LIQUIBASE -> row.id() + "::" + row.author() + "::" + row.file();
        };
    }

    /** A row, and where it is. */
    private String label(ForeignRow row) {
        return entry(row) + " (" + table + " row " + row.order() + ")";
    }

    /** Which of the tool's runs a row came from: entries of one group are recorded in one batch. */
    private String group(ForeignRow row) {
        return switch (tool) {
            case KNEX -> row.group();
            case FLYWAY -> "rank " + row.order();
            case LIQUIBASE -> row.group() != null ? row.group() : "change set " + row.order();
        };
    }

    private String howMatched() {
        return switch (tool) {
            case KNEX -> "by its name without the extension, or by its leading digits as a version";
            case FLYWAY -> "by version, or by the description after the version";
            case LIQUIBASE -> "by its id as a name or version, or by its file's name";
        };
    }

    /**
     * What an import records.
     *
     * @param rows the tracking rows to write, in order
     * @param recorded the same, as the result reports them
     * @param leftOut what was left out, one sentence each
     */
    public record Outcome(List<HistoryRow> rows, List<ImportResult.Recorded> recorded, List<String> leftOut) {}

    /** The entries of the other tool's history that one migration stands for. */
    private static final class Merged {
        final Migration migration;
        final String group;
        final List<String> from = new ArrayList<>();
        Instant appliedAt;
        long executionMillis;
        boolean baseline;

        Merged(Migration migration, String group) {
            this.migration = migration;
            this.group = group;
        }

        void add(String entry, ForeignRow row) {
            from.add(entry);
            if (row.appliedAt() != null && (appliedAt == null || row.appliedAt().isAfter(appliedAt))) {
                appliedAt = row.appliedAt();
            }
            executionMillis += row.executionMillis();
        }
    }
}
