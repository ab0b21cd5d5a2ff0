// SPDX-License-Identifier: Apache-2.0
package dev.cairn.internal.lint;

import static dev.cairn.LintRule.Level.ERROR;
import static dev.cairn.LintRule.Level.WARNING;

import dev.cairn.internal.lint.Check.Report;
import dev.cairn.internal.lint.Ddl.AlterColumn;
import dev.cairn.internal.lint.Ddl.AlterTable;
import dev.cairn.internal.lint.Ddl.DropColumn;
import dev.cairn.internal.lint.Ddl.DropTable;
import dev.cairn.internal.lint.Ddl.RenameColumn;
import dev.cairn.internal.lint.Ddl.RenameTable;
import dev.cairn.internal.lint.Ddl.RenameTables;
import dev.cairn.internal.lint.MigrationContext.Read;
import dev.cairn.internal.sql.TransactionRules;

/**
 * The rules of every database: renames and drops that break the application version still running,
 * an up that destroys data its down cannot give back, and a statement the database refuses inside the
 * transaction its section runs in.
 */
final class CommonRules {

    private CommonRules() {}

    static final Rule RENAME_TABLE = Rule.of(
            "rename-table",
            WARNING,
            "Renaming a table",
            "The application version that is still running (during a rolling deploy, or after a rollback of the"
                    + " code) queries the old name and fails until it is replaced.",
            "Expand and contract: create the new table (or a view with the new name), have the application use"
                    + " both, move the data, and drop the old name in a later release.",
            Check.statements(CommonRules::renameTable));

    static final Rule RENAME_COLUMN = Rule.of(
            "rename-column",
            WARNING,
            "Renaming a column",
            "The application version that is still running reads and writes the old name and fails until it"
                    + " is replaced.",
            "Add the new column, write both from the application, copy the old values over, switch reads, and"
                    + " drop the old column in a later release.",
            Check.statements(CommonRules::renameColumn));

    static final Rule DROP_TABLE = Rule.of(
            "drop-table",
            WARNING,
            "Dropping a table",
            "Its data is gone for good, and the application version that is still running fails on every query"
                    + " of it.",
            "Stop using the table in a release first; drop it in a later migration, after a backup, and say so"
                    + " with -- cairn:lint-ignore drop-table above the statement.",
            Check.statements(CommonRules::dropTable));

    static final Rule DROP_COLUMN = Rule.of(
            "drop-column",
            WARNING,
            "Dropping a column",
            "Its data is gone for good, and the application version that is still running fails where it reads"
                    + " or writes the column (an ORM that lists every column fails on every query of the table).",
            "Stop using the column in a release first (and tell the ORM to ignore it); drop it in a later"
                    + " migration, and say so with -- cairn:lint-ignore drop-column above the statement.",
            Check.statements(CommonRules::dropColumn));

    static final Rule DOWN_LOSES_DATA = Rule.of(
            "down-loses-data",
            WARNING,
            "An up that destroys data its down cannot give back",
            "The down rebuilds what the up dropped, but empty: a rollback reports success and the rows are gone.",
            "Keep the data in the up (rename the table, or copy the column to a backup table) and restore it in"
                    + " the down; or drop the down marker, so that rolling back refuses instead of pretending.",
            Check.migrations(CommonRules::downLosesData));

    static final Rule EMPTY_DOWN = Rule.of(
            "empty-down",
            ERROR,
            "An empty down under an up that destroys data",
            "Rolling back runs nothing and reports success: the schema and the history disagree, and the data is"
                    + " gone.",
            "Write the down (restore from a backup table the up keeps), or remove the -- migrate:down marker so"
                    + " that the migration is irreversible and rolling it back refuses.",
            Check.migrations(CommonRules::emptyDown));

    static final Rule LINT_IGNORE_UNKNOWN = Rule.of(
            "lint-ignore-unknown-rule",
            WARNING,
            "An ignore comment that names no rule",
            "A misspelt rule in -- cairn:lint-ignore silences nothing, so the finding it was meant for still"
                    + " shows.",
            "Spell the rule as cairn lint prints it; cairn lint --rules lists them all.",
            Check.NONE);

    /** The rule for a statement the database refuses inside a transaction block, by {@code rules}. */
    static Rule needsTransactionFalse(TransactionRules rules) {
        return Rule.of(
                "needs-transaction-false",
                ERROR,
                "A statement that cannot run in a transaction, in a transactional section",
                "The database refuses it inside the transaction Cairn runs the section in; migrate refuses the"
                        + " migration before it starts.",
                "Put the statement in a migration of its own whose marker says transaction:false"
                        + " (-- migrate:up transaction:false).",
                Check.statements((context, report) -> {
                    if (context.transactional()) {
                        rules.refusedInTransaction(context.statement().sql())
                                .ifPresent(name -> report.at(
                                        context.statement(),
                                        context.statement().line(),
                                        name + " cannot run inside a transaction, and this section runs in one"));
                    }
                }));
    }

    /**
     * The rule for a blocking statement with no lock timeout set before it in its migration: {@code setting}
     * is the database's (PostgreSQL's {@code lock_timeout}, MySQL's {@code lock_wait_timeout}) and
     * {@code example} sets it.
     */
    static Rule lockTimeout(String setting, String example) {
        return Rule.of(
                LintRules.LOCK_TIMEOUT,
                WARNING,
                "A blocking statement with no lock timeout",
                "A statement that needs an exclusive lock waits behind every running query of its table, and"
                        + " every query that comes after it waits behind it: one long report stalls the application.",
                "Give the environment lock-timeout-ddl in cairn.yml (say 5s): Cairn then bounds every migration"
                        + " statement's wait and tries a statement that gave up again, up to three times. Or set "
                        + setting + " first in the migration (" + example + ") and run it again when it gives up.",
                Check.statements((context, report) -> {
                    String locked = locked(context);
                    if (locked != null
                            && !timeoutSet(context.scope(), setting)
                            && context.scope().once("lock-timeout")) {
                        report.at(
                                context.statement(),
                                context.statement().line(),
                                "takes a lock on " + locked + " that blocks its queries, with no " + setting
                                        + " set before it in this migration");
                    }
                }));
    }

    /**
     * Whether the current migration set {@code setting} to a timeout: a value of {@code 0} (or {@code
     * DEFAULT}, the server's, which is none) turns it off.
     */
    private static boolean timeoutSet(Scope scope, String setting) {
        return scope.setting(setting)
                .filter(value -> !value.isEmpty())
                .filter(value -> !value.matches("0+(?:MS|S|MIN)?|DEFAULT"))
                .isPresent();
    }

    /**
     * What the statement locks against the queries of a table that existed before the migration ({@code
     * existing table users}, {@code the table of index users_name}), or null if nothing: any ALTER TABLE
     * but one that only validates constraints, an index built or dropped without CONCURRENTLY, a drop,
     * truncate or rename of a table, and a rewrite of one (VACUUM FULL, CLUSTER, OPTIMIZE TABLE).
     */
    private static String locked(StatementContext context) {
        Ddl ddl = context.ddl();
        Name table = null;
        if (ddl instanceof AlterTable alter) {
            boolean onlyValidates =
                    alter.actions().stream().allMatch(action -> action instanceof Ddl.ValidateConstraint);
            table = onlyValidates ? null : alter.table();
        } else if (ddl instanceof Ddl.CreateIndex index) {
            table = index.concurrently() ? null : index.table();
        } else if (ddl instanceof Ddl.DropIndex drop && !drop.concurrently()) {
            if (drop.table() != null) {
                table = drop.table();
            } else {
                return drop.indexes().stream()
                        .filter(index -> !context.scope().isNewIndex(index))
                        .map(index -> "the table of index " + index)
                        .findFirst()
                        .orElse(null);
            }
        } else if (ddl instanceof DropTable drop) {
            table = drop.tables().stream().filter(context::existing).findFirst().orElse(null);
        } else if (ddl instanceof Ddl.Truncate truncate) {
            table = truncate.tables().stream()
                    .filter(context::existing)
                    .findFirst()
                    .orElse(null);
        } else if (ddl instanceof RenameTables rename) {
            table = rename.pairs().stream()
                    .map(pair -> pair[0])
                    .filter(context::existing)
                    .findFirst()
                    .orElse(null);
        } else if (ddl instanceof Ddl.Reindex reindex && !reindex.concurrently() && reindex.name() != null) {
            if (reindex.kind().equals("INDEX")) {
                return context.scope().isNewIndex(reindex.name()) ? null : "the table of index " + reindex.name();
            }
            table = reindex.kind().equals("TABLE") ? reindex.name() : null;
        } else if (ddl instanceof Ddl.Rebuild rebuild) {
            if (rebuild.table() == null) {
                return "every table";
            }
            table = rebuild.table();
        }
        return table != null && context.existing(table) ? "existing table " + table : null;
    }

    private static void renameTable(StatementContext context, Report report) {
        if (context.ddl() instanceof RenameTables rename) {
            for (Name[] pair : rename.pairs()) {
                if (context.existing(pair[0])) {
                    report.at(context.statement(), rename.line(), "renames table " + pair[0] + " to " + pair[1]);
                }
            }
        } else if (context.ddl() instanceof AlterTable alter && context.existing(alter.table())) {
            for (Ddl.Action action : alter.actions()) {
                if (action instanceof RenameTable rename) {
                    report.at(
                            context.statement(),
                            action.line(),
                            "renames table " + alter.table() + " to " + rename.to());
                }
            }
        }
    }

    private static void renameColumn(StatementContext context, Report report) {
        if (!(context.ddl() instanceof AlterTable alter)) {
            return;
        }
        for (Ddl.Action action : alter.actions()) {
            Name from = null;
            Name to = null;
            if (action instanceof RenameColumn rename) {
                from = rename.from();
                to = rename.to();
            } else if (action instanceof AlterColumn change
                    && change.renamedTo() != null
                    && !change.renamedTo().key().equals(change.column().key())) {
                from = change.column();
                to = change.renamedTo();
            }
            if (from != null && context.existing(alter.table(), from)) {
                report.at(
                        context.statement(),
                        action.line(),
                        "renames column " + from + " of table " + alter.table() + " to " + to);
            }
        }
    }

    private static void dropTable(StatementContext context, Report report) {
        if (context.ddl() instanceof DropTable drop) {
            for (Name table : drop.tables()) {
                if (context.existing(table)) {
                    report.at(context.statement(), drop.line(), "drops table " + table);
                }
            }
        }
    }

    private static void dropColumn(StatementContext context, Report report) {
        if (!(context.ddl() instanceof AlterTable alter)) {
            return;
        }
        for (Ddl.Action action : alter.actions()) {
            if (action instanceof DropColumn drop && context.existing(alter.table(), drop.column())) {
                report.at(
                        context.statement(),
                        action.line(),
                        "drops column " + drop.column() + " of table " + alter.table());
            }
        }
    }

    private static void downLosesData(MigrationContext context, Report report) {
        if (context.down() != null
                && !context.down().isEmpty()
                && context.down().stream().noneMatch(read -> read.ddl() instanceof Ddl.DataChange)) {
            eachDestroyed(context, report, "the down puts no rows back");
        }
    }

    private static void emptyDown(MigrationContext context, Report report) {
        if (context.down() != null && context.down().isEmpty()) {
            eachDestroyed(context, report, "the down is empty");
        }
    }

    /** Reports each up statement that destroys data, saying what and then {@code why} that is lost for good. */
    private static void eachDestroyed(MigrationContext context, Report report, String why) {
        for (Read read : context.up()) {
            if (read.destroysData() != null) {
                report.at(
                        read.statement(),
                        read.ddl().line(),
                        read.destroysData() + " is destroyed by the up, and " + why);
            }
        }
    }

    /**
     * What the statement destroys of what existed before the migration ({@code table users}, {@code
     * column email of table users}), or null if nothing.
     */
    static String destroys(StatementContext context) {
        Ddl ddl = context.ddl();
        if (ddl instanceof DropTable drop) {
            return drop.tables().stream()
                    .filter(context::existing)
                    .map(table -> "table " + table)
                    .findFirst()
                    .orElse(null);
        }
        if (ddl instanceof Ddl.Truncate truncate) {
            return truncate.tables().stream()
                    .filter(context::existing)
                    .map(table -> "the rows of table " + table)
                    .findFirst()
                    .orElse(null);
        }
        if (ddl instanceof AlterTable alter) {
            for (Ddl.Action action : alter.actions()) {
                if (action instanceof DropColumn drop && context.existing(alter.table(), drop.column())) {
                    return "column " + drop.column() + " of table " + alter.table();
                }
            }
        }
        return null;
    }
}
