// SPDX-License-Identifier: Apache-2.0
package dev.cairn.internal.lint;

import dev.cairn.LintFinding;
import dev.cairn.LintRule;
import dev.cairn.internal.lint.MigrationContext.Read;
import dev.cairn.internal.source.Migration;
import dev.cairn.internal.sql.Placeholders;
import dev.cairn.internal.sql.SplitRules;
import dev.cairn.internal.sql.SqlToken;
import dev.cairn.internal.sql.SqlTokens;
import dev.cairn.internal.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Reads migrations for risky statements. Every migration's up is read in order, so that what the
 * earlier ones made is known (a table they created exists; one the migration itself creates is new and
 * exempt from the locking rules); only the migrations asked about are checked. Down sections are not
 * checked statement by statement (they undo what their up made, and run in a rollback), only weighed
 * against their up. Java migrations are passed over: their code is not SQL. Reads files only.
 */
public final class Linter {

    /**
     * What a lint found.
     *
     * @param linted how many migrations were checked
     * @param findings the findings, in migration order, then by line
     * @param rules every rule that was on, at the level it ran at
     */
    public record Report(int linted, List<LintFinding> findings, List<LintRule> rules) {}

    private final List<Rule> rules;
    private final SplitRules split;
    private final Placeholders placeholders;
    private final Map<String, LintRule.Level> levels;
    private final Set<String> off;
    private final Set<String> known;

    /**
     * @param rules the database's rules
     * @param split how its statements split
     * @param placeholders the values of the migrations' placeholders
     * @param levels the levels {@code cairn.yml} gives rules, by id
     * @param off the rules {@code cairn.yml} switches off
     * @param known every rule of every database, so that an ignore comment naming another database's
     *     rule is not taken for a misspelling
     */
    public Linter(
            LintRules rules,
            SplitRules split,
            Placeholders placeholders,
            Map<String, LintRule.Level> levels,
            Set<String> off,
            Set<String> known) {
        this.rules =
                rules.rules().stream().filter(rule -> !off.contains(rule.id())).toList();
        this.split = split;
        this.placeholders = placeholders;
        this.levels = Map.copyOf(levels);
        this.off = Set.copyOf(off);
        this.known = Set.copyOf(known);
    }

    /**
     * Reads {@code migrations} (all of them, in order) and checks those {@code checked} accepts.
     *
     * @throws dev.cairn.MigrationFileException if a section cannot be split into statements
     */
    public Report lint(List<Migration> migrations, Predicate<Migration> checked) {
        Findings findings = new Findings(levels, off, known, CommonRules.LINT_IGNORE_UNKNOWN);
        Scope scope = new Scope();
        Map<String, Integer> order = new HashMap<>();
        int linted = 0;
        for (Migration migration : migrations) {
            order.put(migration.name(), order.size());
            boolean checking = checked.test(migration);
            linted += checking ? 1 : 0;
            if (migration.isJava()) {
                continue;
            }
            scope.startMigration(migration.name());
            findings.start(migration, migration.up(), checking);
            List<Read> up = new ArrayList<>();
            for (Statement statement : migration.up().statements(split, placeholders)) {
                List<SqlToken> tokens = SqlTokens.of(statement, split);
                Ddl ddl = Ddl.of(tokens);
                StatementContext context = new StatementContext(
                        statement, tokens, ddl, scope, migration.up().transactional());
                if (checking) {
                    for (Rule rule : rules) {
                        rule.check()
                                .statement(context, (at, line, message) -> findings.report(rule, at, line, message));
                    }
                    up.add(new Read(statement, ddl, CommonRules.destroys(context)));
                }
                scope.apply(ddl);
            }
            if (checking) {
                MigrationContext whole = new MigrationContext(up, down(migration));
                for (Rule rule : rules) {
                    rule.check().migration(whole, (at, line, message) -> findings.report(rule, at, line, message));
                }
            }
        }
        List<LintFinding> found = new ArrayList<>(findings.found());
        found.sort(Comparator.comparing((LintFinding finding) -> order.get(finding.migration()))
                .thenComparingInt(LintFinding::line));
        return new Report(linted, found, rules());
    }

    /** The rules that are on, each at the level it runs at. */
    public List<LintRule> rules() {
        return rules.stream()
                .map(Rule::description)
                .map(rule -> levels.containsKey(rule.id())
                        ? new LintRule(rule.id(), levels.get(rule.id()), rule.title(), rule.why(), rule.fix())
                        : rule)
                .toList();
    }

    /** The down's statements and what each does; null for an irreversible migration. */
    private List<Read> down(Migration migration) {
        if (migration.down() == null) {
            return null;
        }
        List<Read> down = new ArrayList<>();
        for (Statement statement : migration.down().statements(split, placeholders)) {
            down.add(new Read(statement, Ddl.of(SqlTokens.of(statement, split)), null));
        }
        return down;
    }
}
