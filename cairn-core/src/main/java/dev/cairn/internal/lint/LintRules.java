// SPDX-License-Identifier: Apache-2.0
package dev.cairn.internal.lint;

import dev.cairn.LintRule;
import dev.cairn.internal.sql.TransactionRules;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** The rules of one database: each dialect names its own ({@code Dialect.lintRules()}). */
public final class LintRules {

    /** PostgreSQL: the locking rules, and every database's. */
    public static final LintRules POSTGRESQL = new LintRules(
            CommonRules.needsTransactionFalse(TransactionRules.POSTGRESQL),
            PostgresRules.INDEX_NOT_CONCURRENT,
            PostgresRules.DROP_INDEX_NOT_CONCURRENT,
            PostgresRules.CONSTRAINT_NOT_VALID,
            PostgresRules.SET_NOT_NULL,
            PostgresRules.COLUMN_TYPE_CHANGE,
            PostgresRules.VOLATILE_DEFAULT,
            PostgresRules.UNIQUE_WITHOUT_INDEX,
            PostgresRules.REINDEX_NOT_CONCURRENT,
            PostgresRules.BLOCKING_REWRITE,
            CommonRules.lockTimeout("lock_timeout", "SET lock_timeout = '5s';"));

    /** MySQL and MariaDB: the table copies and rebuilds, and every database's. */
    public static final LintRules MYSQL = new LintRules(
            MysqlRules.TABLE_COPY,
            MysqlRules.TABLE_REBUILD,
            CommonRules.lockTimeout("lock_wait_timeout", "SET SESSION lock_wait_timeout = 5;"));

    /** SQLite. */
    public static final LintRules SQLITE = new LintRules(CommonRules.needsTransactionFalse(TransactionRules.SQLITE));

    /** H2. */
    public static final LintRules H2 = new LintRules();

    /** The id of the rule that {@code lock-timeout-ddl} makes moot: Cairn then sets the timeout itself. */
    public static final String LOCK_TIMEOUT = "lock-timeout";

    private final List<Rule> rules;

    private LintRules(Rule... own) {
        List<Rule> all = new ArrayList<>(Arrays.asList(own));
        all.addAll(List.of(
                CommonRules.RENAME_TABLE,
                CommonRules.RENAME_COLUMN,
                CommonRules.DROP_TABLE,
                CommonRules.DROP_COLUMN,
                CommonRules.DOWN_LOSES_DATA,
                CommonRules.EMPTY_DOWN,
                CommonRules.LINT_IGNORE_UNKNOWN));
        this.rules = List.copyOf(all);
    }

    /** The rules, in the order the documentation lists them. */
    List<Rule> rules() {
        return rules;
    }

    /** What users read about each rule, with its default level. */
    public List<LintRule> descriptions() {
        return rules.stream().map(Rule::description).toList();
    }

    /** Every rule's id. */
    public Set<String> ids() {
        return rules.stream().map(Rule::id).collect(Collectors.toUnmodifiableSet());
    }
}
