// SPDX-License-Identifier: Apache-2.0
package dev.cairn.internal.lint;

import static dev.cairn.LintRule.Level.ERROR;
import static dev.cairn.LintRule.Level.WARNING;

import dev.cairn.internal.lint.Check.Report;
import dev.cairn.internal.lint.Ddl.AddColumn;
import dev.cairn.internal.lint.Ddl.AddConstraint;
import dev.cairn.internal.lint.Ddl.AlterColumn;
import dev.cairn.internal.lint.Ddl.AlterTable;
import dev.cairn.internal.lint.Ddl.CreateIndex;
import dev.cairn.internal.lint.Ddl.DropIndex;
import dev.cairn.internal.lint.Ddl.Rebuild;
import dev.cairn.internal.sql.SqlToken;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PostgreSQL's rules: statements that hold a lock blocking reads or writes for as long as they scan or
 * rewrite a table, where a safer form exists (PostgreSQL's documentation of each command's lock level:
 * "Explicit Locking", and the notes of ALTER TABLE and CREATE INDEX).
 */
final class PostgresRules {

    private PostgresRules() {}

    static final Rule INDEX_NOT_CONCURRENT = Rule.of(
            "index-not-concurrent",
            ERROR,
            "Building an index without CONCURRENTLY",
            "CREATE INDEX holds a SHARE lock on the table until the index is built: every INSERT, UPDATE and"
                    + " DELETE waits, for minutes on a large table.",
            "CREATE INDEX CONCURRENTLY, alone in a migration whose marker says transaction:false (it cannot run"
                    + " in a transaction); if it fails it leaves an invalid index: drop it and run again.",
            Check.statements(PostgresRules::indexNotConcurrent));

    static final Rule DROP_INDEX_NOT_CONCURRENT = Rule.of(
            "drop-index-not-concurrent",
            WARNING,
            "Dropping an index without CONCURRENTLY",
            "DROP INDEX takes an ACCESS EXCLUSIVE lock on the index's table: while it waits for running queries"
                    + " to finish, every new query of the table queues behind it.",
            "DROP INDEX CONCURRENTLY, alone in a migration whose marker says transaction:false.",
            Check.statements(PostgresRules::dropIndexNotConcurrent));

    static final Rule CONSTRAINT_NOT_VALID = Rule.of(
            "constraint-not-valid",
            ERROR,
            "Adding a foreign key or check constraint without NOT VALID",
            "The new constraint is checked against every row while the table is locked (a foreign key also"
                    + " locks the table it references): writes wait for the whole scan.",
            "Add it with NOT VALID (only new rows are checked, the lock is brief), then VALIDATE CONSTRAINT in a"
                    + " later migration: validation takes a lock that lets reads and writes go on.",
            Check.statements(PostgresRules::constraintNotValid));

    static final Rule SET_NOT_NULL = Rule.of(
            "set-not-null",
            ERROR,
            "SET NOT NULL on a column of an existing table",
            "PostgreSQL scans the whole table for nulls under an ACCESS EXCLUSIVE lock: no reads or writes until"
                    + " it is done.",
            "For a new column, add it NOT NULL with a constant DEFAULT in one statement (PostgreSQL 11 and later"
                    + " store the default instead of writing every row). For an existing one, add CHECK (column IS NOT"
                    + " NULL) NOT VALID, VALIDATE CONSTRAINT it in a later migration, then SET NOT NULL (PostgreSQL 12"
                    + " and later skip the scan when a valid check proves it) and drop the check.",
            Check.statements(PostgresRules::setNotNull));

    static final Rule COLUMN_TYPE_CHANGE = Rule.of(
            "column-type-change",
            ERROR,
            "Changing a column's type in a way that rewrites the table",
            "Most type changes rewrite the table and rebuild its indexes under an ACCESS EXCLUSIVE lock; the"
                    + " application version still running may also fail on the new type.",
            "Only a few changes are free (varchar(n) to a longer varchar or to text, numeric to a larger"
                    + " precision); otherwise add a new column, backfill it in batches, switch the application, and"
                    + " drop the old one.",
            Check.statements(PostgresRules::columnTypeChange));

    static final Rule VOLATILE_DEFAULT = Rule.of(
            "volatile-default",
            ERROR,
            "Adding a column whose default is computed per row",
            "A constant default is stored once and costs nothing; a volatile one (random(), gen_random_uuid(),"
                    + " clock_timestamp(), a serial or identity column, a stored generated column) rewrites the"
                    + " whole table under an ACCESS EXCLUSIVE lock.",
            "Add the column without the default (or with a constant one), set the default in a second"
                    + " statement, and backfill the existing rows in batches.",
            Check.statements(PostgresRules::volatileDefault));

    static final Rule UNIQUE_WITHOUT_INDEX = Rule.of(
            "unique-without-index",
            ERROR,
            "Adding a unique or primary key constraint that builds its index under a lock",
            "ADD UNIQUE and ADD PRIMARY KEY build their index while the table is locked against writes (a"
                    + " primary key also checks every row for nulls).",
            "CREATE UNIQUE INDEX CONCURRENTLY first (a migration with transaction:false), then ADD CONSTRAINT"
                    + " ... UNIQUE USING INDEX (or PRIMARY KEY USING INDEX), which takes the index as it is.",
            Check.statements(PostgresRules::uniqueWithoutIndex));

    static final Rule REINDEX_NOT_CONCURRENT = Rule.of(
            "reindex-not-concurrent",
            ERROR,
            "Rebuilding indexes without CONCURRENTLY",
            "REINDEX locks the table against writes, and each index against the queries that would use it, until"
                    + " the rebuild is done.",
            "REINDEX ... CONCURRENTLY (PostgreSQL 12 and later), alone in a migration whose marker says"
                    + " transaction:false.",
            Check.statements(PostgresRules::reindexNotConcurrent));

    static final Rule BLOCKING_REWRITE = Rule.of(
            "blocking-rewrite",
            ERROR,
            "VACUUM FULL or CLUSTER",
            "Both rewrite the whole table under an ACCESS EXCLUSIVE lock: no reads or writes until they are done.",
            "Leave routine vacuuming to autovacuum; to reclaim space or reorder a live table use an online"
                    + " tool such as pg_repack, outside the migrations.",
            Check.statements(PostgresRules::blockingRewrite));

    /** Functions whose value changes per row, so that a default calling them is computed for every row. */
    private static final Set<String> VOLATILE = Set.of(
            "RANDOM",
            "GEN_RANDOM_UUID",
            "UUID_GENERATE_V1",
            "UUID_GENERATE_V1MC",
            "UUID_GENERATE_V4",
            "UUIDV4",
            "UUIDV7",
            "CLOCK_TIMESTAMP",
            "TIMEOFDAY",
            "NEXTVAL",
            "SETSEED");

    private static final Set<String> SERIAL =
            Set.of("SERIAL", "BIGSERIAL", "SMALLSERIAL", "SERIAL2", "SERIAL4", "SERIAL8");

    private static void indexNotConcurrent(StatementContext context, Report report) {
        if (context.ddl() instanceof CreateIndex index && !index.concurrently() && context.existing(index.table())) {
            report.at(
                    context.statement(),
                    index.line(),
                    "builds " + (index.unique() ? "unique " : "") + "index "
                            + (index.index() == null ? "" : index.index() + " ") + "on existing table " + index.table()
                            + " without CONCURRENTLY, blocking writes to it");
        }
    }

    private static void dropIndexNotConcurrent(StatementContext context, Report report) {
        if (context.ddl() instanceof DropIndex drop && !drop.concurrently()) {
            for (Name index : drop.indexes()) {
                if (!context.scope().isNewIndex(index)) {
                    report.at(context.statement(), drop.line(), "drops index " + index + " without CONCURRENTLY");
                }
            }
        }
    }

    private static void constraintNotValid(StatementContext context, Report report) {
        if (!(context.ddl() instanceof AlterTable alter) || !context.existing(alter.table())) {
            return;
        }
        for (Ddl.Action action : alter.actions()) {
            if (action instanceof AddConstraint constraint
                    && (constraint.kind().equals("FOREIGN KEY")
                            || constraint.kind().equals("CHECK"))
                    && !constraint.notValid()) {
                report.at(
                        context.statement(),
                        action.line(),
                        "adds " + (constraint.kind().equals("CHECK") ? "check constraint " : "foreign key ")
                                + (constraint.name() == null ? "" : constraint.name() + " ") + "to existing table "
                                + alter.table() + " without NOT VALID, checking every row under the lock");
            }
        }
    }

    private static void setNotNull(StatementContext context, Report report) {
        if (!(context.ddl() instanceof AlterTable alter)) {
            return;
        }
        for (Ddl.Action action : alter.actions()) {
            // A column this migration added counts too: PostgreSQL scans the existing table's rows for it all
            // the same (and a backfill before it ran under the same lock).
            if (action instanceof AlterColumn change
                    && change.change().equals("SET NOT NULL")
                    && context.existing(alter.table())
                    && !context.scope().provenNotNull(alter.table(), change.column())) {
                report.at(
                        context.statement(),
                        action.line(),
                        "sets column " + change.column()
                                + (context.existing(alter.table(), change.column())
                                        ? ""
                                        : ", which this migration added,")
                                + " of existing table " + alter.table()
                                + " NOT NULL, scanning every row under an ACCESS EXCLUSIVE lock");
            }
        }
    }

    private static void columnTypeChange(StatementContext context, Report report) {
        if (!(context.ddl() instanceof AlterTable alter)) {
            return;
        }
        for (Ddl.Action action : alter.actions()) {
            if (!(action instanceof AlterColumn change)
                    || !change.change().equals("TYPE")
                    || !context.existing(alter.table(), change.column())) {
                continue;
            }
            String old = context.scope().type(alter.table(), change.column()).orElse(null);
            String column = "column " + change.column() + " of table " + alter.table();
            if (old == null) {
                report.at(
                        context.statement(),
                        action.line(),
                        "changes the type of " + column + " to " + change.type()
                                + ", which rewrites the table unless the old type converts to it as it is");
            } else if (change.using() || !PgType.of(old).convertsFreelyTo(PgType.of(change.type()))) {
                report.at(
                        context.statement(),
                        action.line(),
                        "changes " + column + " from " + old + " to " + change.type()
                                + ", which rewrites the table and its indexes under an ACCESS EXCLUSIVE lock");
            }
        }
    }

    private static void volatileDefault(StatementContext context, Report report) {
        if (!(context.ddl() instanceof AlterTable alter) || !context.existing(alter.table())) {
            return;
        }
        for (Ddl.Action action : alter.actions()) {
            if (!(action instanceof AddColumn add)) {
                continue;
            }
            String why = perRow(add.column());
            if (why != null) {
                report.at(
                        context.statement(),
                        action.line(),
                        "adds column " + add.column().name() + " to existing table " + alter.table() + " " + why
                                + ", rewriting the table under an ACCESS EXCLUSIVE lock");
            }
        }
    }

    /** How the column's value is computed per row ({@code with default random()}), or null if it is not. */
    private static String perRow(Ddl.Column column) {
        if (SERIAL.contains(column.type())) {
            return "of type " + column.type();
        }
        List<SqlToken> rest = column.rest();
        for (int i = 0; i < rest.size(); i++) {
            SqlToken token = rest.get(i);
            if (token.is("GENERATED")) {
                for (int j = i + 1; j < rest.size(); j++) {
                    if (rest.get(j).is("STORED")) {
                        return "as a stored generated column";
                    }
                    if (rest.get(j).is("IDENTITY")) {
                        return "as an identity column";
                    }
                }
            }
            if (token.is("DEFAULT")) {
                for (int j = i + 1; j + 1 < rest.size(); j++) {
                    if (rest.get(j).type() == SqlToken.Type.WORD
                            && VOLATILE.contains(rest.get(j).upper())
                            && rest.get(j + 1).isSymbol('(')) {
                        return "with default " + rest.get(j).text() + "()";
                    }
                }
            }
        }
        return null;
    }

    private static void uniqueWithoutIndex(StatementContext context, Report report) {
        if (!(context.ddl() instanceof AlterTable alter) || !context.existing(alter.table())) {
            return;
        }
        for (Ddl.Action action : alter.actions()) {
            if (action instanceof AddConstraint constraint
                    && (constraint.kind().equals("UNIQUE") || constraint.kind().equals("PRIMARY KEY"))
                    && !constraint.usingIndex()) {
                report.at(
                        context.statement(),
                        action.line(),
                        "adds " + constraint.kind() + " constraint "
                                + (constraint.name() == null ? "" : constraint.name() + " ") + "to existing table "
                                + alter.table() + ", building its index while writes wait");
            }
        }
    }

    private static void reindexNotConcurrent(StatementContext context, Report report) {
        if (context.ddl() instanceof Ddl.Reindex reindex
                && !reindex.concurrently()
                && !(reindex.kind().equals("TABLE") && !context.existing(reindex.name()))
                && !(reindex.kind().equals("INDEX")
                        && reindex.name() != null
                        && context.scope().isNewIndex(reindex.name()))) {
            report.at(
                    context.statement(),
                    reindex.line(),
                    (reindex.kind().equals("INDEX")
                                    ? "rebuilds index "
                                    : "rebuilds the indexes of "
                                            + reindex.kind().toLowerCase(Locale.ROOT) + " ")
                            + (reindex.name() == null ? "" : reindex.name()) + " without CONCURRENTLY");
        }
    }

    private static void blockingRewrite(StatementContext context, Report report) {
        if (context.ddl() instanceof Rebuild rebuild
                && !rebuild.command().startsWith("OPTIMIZE")
                && (rebuild.table() == null || context.existing(rebuild.table()))) {
            report.at(
                    context.statement(),
                    rebuild.line(),
                    rebuild.command() + (rebuild.table() == null ? " of every table" : " of table " + rebuild.table())
                            + " rewrites it under an ACCESS EXCLUSIVE lock");
        }
    }

    /**
     * A PostgreSQL type as a migration writes it, by its canonical name and its modifiers, for telling
     * the changes that need no rewrite: those the documentation of ALTER TABLE ... SET DATA TYPE names
     * (a binary-coercible type, or an unconstrained domain over one; varchar lengthened or to text,
     * numeric with more precision and the same scale).
     */
    record PgType(String name, List<Integer> modifiers) {

        private static final Pattern FORM = Pattern.compile("([A-Z ]+?)\\s*(?:\\(([0-9, ]*)\\))?((?:\\[\\])*)");

        static PgType of(String written) {
            Matcher matcher = FORM.matcher(written.strip());
            if (!matcher.matches()) {
                return new PgType(written, List.of());
            }
            String name = switch (matcher.group(1).strip()) {
                        case "CHARACTER VARYING", "VARCHAR" -> "VARCHAR";
                        case "DECIMAL", "NUMERIC" -> "NUMERIC";
                        case "INT", "INTEGER", "INT4" -> "INTEGER";
                        case "BIGINT", "INT8" -> "BIGINT";
                        case "SMALLINT", "INT2" -> "SMALLINT";
                        case "TIMESTAMPTZ", "TIMESTAMP WITH TIME ZONE" -> "TIMESTAMPTZ";
                        case "TIMESTAMP", "TIMESTAMP WITHOUT TIME ZONE" -> "TIMESTAMP";
                        case "BOOL", "BOOLEAN" -> "BOOLEAN";
                        case "BIT VARYING", "VARBIT" -> "VARBIT";
                        default -> matcher.group(1).strip();
                    }
                    + matcher.group(3);
            List<Integer> modifiers =
                    matcher.group(2) == null || matcher.group(2).isBlank()
                            ? List.of()
                            : java.util.Arrays.stream(matcher.group(2).split(","))
                                    .map(String::strip)
                                    .map(Integer::valueOf)
                                    .toList();
            return new PgType(name, modifiers);
        }

        /** Whether a column of this type becomes {@code target} without a rewrite or a scan. */
        boolean convertsFreelyTo(PgType target) {
            if (equals(target)) {
                return true;
            }
            boolean lengthened = modifiers.isEmpty()
                    ? target.modifiers.isEmpty()
                    : target.modifiers.isEmpty() || target.modifiers.get(0) >= modifiers.get(0);
            return switch (name) {
                case "VARCHAR" -> target.name.equals("TEXT") || target.name.equals("VARCHAR") && lengthened;
                case "TEXT" -> target.name.equals("VARCHAR") && target.modifiers.isEmpty();
                case "VARBIT" -> target.name.equals("VARBIT") && lengthened;
                case "NUMERIC" ->
                    target.name.equals("NUMERIC")
                            && (target.modifiers.isEmpty() || lengthened && scale(target) == scale(this));
                case "CIDR" -> target.name.equals("INET");
                default -> false;
            };
        }

        private static int scale(PgType type) {
            return type.modifiers.size() > 1 ? type.modifiers.get(1) : 0;
        }
    }
}
