// SPDX-License-Identifier: Apache-2.0
package dev.cairn.internal.lint;

import dev.cairn.LintFinding;
import dev.cairn.LintRule;
import dev.cairn.internal.source.Migration;
import dev.cairn.internal.source.Section;
import dev.cairn.internal.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where rules report, and what turns a report into a finding: the migration is one being linted, the
 * rule is on ({@code lint.rules} in {@code cairn.yml} gives its level or switches it off), and no
 * {@code -- cairn:lint-ignore RULE} comment silences it for the statement: a comment line right above
 * the statement (any of the comment lines there) or a comment on one of the statement's own lines.
 */
final class Findings {

    /** {@code cairn:lint-ignore} and the rules it names, separated by commas. */
    static final Pattern IGNORE = Pattern.compile(
            "--\\s*cairn:lint-ignore\\s+([A-Za-z0-9_-]+(?:\\s*,\\s*[A-Za-z0-9_-]+)*)", Pattern.CASE_INSENSITIVE);

    private final Map<String, LintRule.Level> levels;
    private final Set<String> off;
    private final Set<String> known;
    private final Rule unknownIgnored;
    private final List<LintFinding> found = new ArrayList<>();

    private Migration migration;
    private String[] lines;
    private int firstLine;
    private boolean reporting;

    /**
     * @param levels the levels {@code cairn.yml} gives rules
     * @param off the rules it switches off
     * @param known every rule's id, for telling a misspelt ignore comment
     * @param unknownIgnored the rule that reports an ignore comment naming no rule
     */
    Findings(Map<String, LintRule.Level> levels, Set<String> off, Set<String> known, Rule unknownIgnored) {
        this.levels = levels;
        this.off = off;
        this.known = known;
        this.unknownIgnored = unknownIgnored;
    }

    /** Starts on {@code migration}'s up section; its findings count only if {@code reporting}. */
    void start(Migration migration, Section up, boolean reporting) {
        this.migration = migration;
        this.reporting = reporting;
        this.lines = up.code() == null ? up.text().split("\n", -1) : new String[0];
        this.firstLine = up.firstLine();
        if (reporting) {
            reportUnknownIgnores();
        }
    }

    /** Reports that {@code rule} fires for {@code statement} at {@code line}. */
    void report(Rule rule, Statement statement, int line, String message) {
        if (!reporting || off.contains(rule.id()) || ignored(rule.id(), statement)) {
            return;
        }
        LintRule.Level level = levels.getOrDefault(rule.id(), rule.description().level());
        found.add(new LintFinding(migration.name(), migration.file(), line, rule.description(), level, message));
    }

    /** The findings so far, in the order reported. */
    List<LintFinding> found() {
        return found;
    }

    private boolean ignored(String rule, Statement statement) {
        int first = statement.line() - firstLine;
        int last = first + (int) statement.sql().chars().filter(c -> c == '\n').count();
        for (int i = Math.max(0, first); i <= last && i < lines.length; i++) {
            if (names(lines[i]).contains(rule)) {
                return true;
            }
        }
        for (int i = first - 1; i >= 0 && i < lines.length && lines[i].strip().startsWith("--"); i--) {
            if (names(lines[i]).contains(rule)) {
                return true;
            }
        }
        return false;
    }

    /** The rules an ignore comment on {@code line} names, in lower case. */
    private static Set<String> names(String line) {
        Matcher matcher = IGNORE.matcher(line);
        Set<String> names = new HashSet<>();
        while (matcher.find()) {
            for (String name : matcher.group(1).split("\\s*,\\s*")) {
                names.add(name.toLowerCase(Locale.ROOT));
            }
        }
        return names;
    }

    private void reportUnknownIgnores() {
        for (int i = 0; i < lines.length; i++) {
            for (String name : names(lines[i])) {
                if (!known.contains(name) && !off.contains(unknownIgnored.id())) {
                    found.add(new LintFinding(
                            migration.name(),
                            migration.file(),
                            firstLine + i,
                            unknownIgnored.description(),
                            levels.getOrDefault(
                                    unknownIgnored.id(),
                                    unknownIgnored.description().level()),
                            "cairn:lint-ignore names " + name + ", which is no rule of Cairn's: it silences nothing"));
                }
            }
        }
    }
}
