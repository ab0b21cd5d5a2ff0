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
import dev.cairn.internal.lint.Ddl.OtherAction;
import dev.cairn.internal.lint.Ddl.Rebuild;
import dev.cairn.internal.sql.SqlToken;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * MySQL's and MariaDB's rules: InnoDB changes that copy the table or rebuild it, where the change itself
 * or another way to make it runs in place (MySQL's "Online DDL Operations", MariaDB's "InnoDB Online DDL
 * Operations"; each case checked against MariaDB 10.11 with {@code ALGORITHM=} clauses). Both servers
 * share one dialect here, so a message says where they differ.
 */
final class MysqlRules {

    private MysqlRules() {}

    static final Rule TABLE_COPY = Rule.of(
            "table-copy",
            ERROR,
            "An ALTER TABLE that copies the table, or blocks writes while it rebuilds it",
            "InnoDB makes this change only with ALGORITHM=COPY, or (FULLTEXT and SPATIAL indexes, AUTO_INCREMENT"
                    + " columns) in place under LOCK=SHARED: every INSERT, UPDATE and DELETE of the table waits"
                    + " until all its rows are copied or indexed, for minutes or hours on a large table.",
            "Make the change another way: a new column backfilled in batches instead of a new type; a foreign"
                    + " key after SET foreign_key_checks = 0 (existing rows are then not checked: look for orphans"
                    + " first); or an online schema-change tool (gh-ost, pt-online-schema-change). Give the actions"
                    + " that run online an ALTER TABLE of their own, and state ALGORITHM=INPLACE, LOCK=NONE where"
                    + " you expect no copy: the server then refuses the statement instead of copying.",
            Check.statements(MysqlRules::tableCopy));

    static final Rule TABLE_REBUILD = Rule.of(
            "table-rebuild",
            WARNING,
            "An ALTER TABLE or OPTIMIZE TABLE that rebuilds the table online",
            "InnoDB rewrites the whole table in place (ALGORITHM=INPLACE, LOCK=NONE): writes go on, but the"
                    + " rebuild reads and writes every row, needs the disk space of a second copy, fails at the end"
                    + " if the writes made meanwhile overflow innodb_online_alter_log_max_size, and replicas start"
                    + " it only once the primary is done, then lag behind by as long.",
            "Run it in a migration of its own when the table is quiet, or with an online schema-change tool if"
                    + " the table is large; before making a column NOT NULL, fill its NULLs in batches.",
            Check.statements(MysqlRules::tableRebuild));

    /** Functions whose default value InnoDB must compute row by row (checked: each needs ALGORITHM=COPY). */
    private static final Set<String> PER_ROW = Set.of("UUID", "UUID_SHORT", "SYSDATE", "NEXTVAL");

    /** Table options that make InnoDB rebuild the table even when their value does not change. */
    private static final Set<String> REBUILDING_OPTIONS = Set.of("ENGINE", "ROW_FORMAT", "KEY_BLOCK_SIZE");

    private static final Set<String> ALGORITHMS = Set.of("DEFAULT", "INSTANT", "NOCOPY", "INPLACE", "COPY");

    private static final Set<String> LOCKS = Set.of("DEFAULT", "NONE", "SHARED", "EXCLUSIVE");

    /** What an action costs, which decides what an {@code ALGORITHM=} or {@code LOCK=} clause does to it. */
    private enum Cost {
        /** Only ALGORITHM=COPY can do it. */
        COPY,
        /** Done in place, but only under LOCK=SHARED. */
        SHARED_LOCK,
        /** A copy unless what the migrations do not show says otherwise (a column's current type). */
        MAY_COPY,
        /** The statement asks for ALGORITHM=COPY. */
        COPY_ASKED
    }

    /**
     * An action that copies the table or blocks writes to it.
     *
     * @param action the action, or null for a whole statement
     * @param message what it does, without the notes on splitting and on the statement's clauses
     * @param splittable whether the statement's other actions could go in a statement of their own
     */
    private record Blocking(Ddl.Action action, int line, Cost cost, String message, boolean splittable) {}

    /** The statement's {@code ALGORITHM=} and {@code LOCK=} clauses, upper case; empty where it has none. */
    private record Clauses(String algorithm, String lock, int algorithmLine) {

        /** Whether the server refuses the statement rather than copy the table. */
        boolean refusesCopy() {
            return Set.of("INSTANT", "NOCOPY", "INPLACE").contains(algorithm) || "NONE".equals(lock);
        }

        /** Why the server refuses an action of {@code cost} as the statement is written, or null. */
        String refusal(Cost cost) {
            if (cost == Cost.COPY && Set.of("INSTANT", "NOCOPY", "INPLACE").contains(algorithm)
                    || cost == Cost.SHARED_LOCK && "INSTANT".equals(algorithm)) {
                return "ALGORITHM=" + algorithm;
            }
            return (cost == Cost.COPY || cost == Cost.SHARED_LOCK) && "NONE".equals(lock) ? "LOCK=NONE" : null;
        }
    }

    private static void tableCopy(StatementContext context, Report report) {
        List<Blocking> blocking = blocking(context);
        List<Ddl.Action> others = new ArrayList<>();
        if (context.ddl() instanceof AlterTable alter) {
            for (Ddl.Action action : alter.actions()) {
                if (!isClause(action) && blocking.stream().noneMatch(found -> found.action() == action)) {
                    others.add(action);
                }
            }
        }
        Clauses clauses = clauses(context.tokens());
        for (Blocking found : blocking) {
            StringBuilder message = new StringBuilder(found.message());
            String refusal = clauses.refusal(found.cost());
            if (refusal != null) {
                message.append("; as written (").append(refusal).append(") the server refuses the statement");
            } else if (found.splittable() && !others.isEmpty()) {
                message.append("; the statement's other actions would run online by themselves:"
                        + " move them to an ALTER TABLE of their own");
            }
            report.at(context.statement(), found.line(), message.toString());
        }
    }

    private static void tableRebuild(StatementContext context, Report report) {
        if (context.ddl() instanceof Rebuild rebuild
                && rebuild.command().startsWith("OPTIMIZE")
                && rebuild.table() != null
                && context.existing(rebuild.table())) {
            report.at(
                    context.statement(),
                    rebuild.line(),
                    "OPTIMIZE TABLE rebuilds existing table " + rebuild.table()
                            + " online (InnoDB recreates it, then analyzes it)");
            return;
        }
        if (!(context.ddl() instanceof AlterTable alter)
                || !context.existing(alter.table())
                || !blocking(context).isEmpty()) {
            return; // a statement that copies the table is table-copy's, and the copy does the rebuild's work
        }
        for (Ddl.Action action : alter.actions()) {
            String what = null;
            if (action instanceof AddConstraint constraint && constraint.kind().equals("PRIMARY KEY")) {
                boolean replaces = alter.actions().stream()
                        .anyMatch(other ->
                                other instanceof OtherAction drop && starts(drop.tokens(), "DROP", "PRIMARY", "KEY"));
                what = (replaces ? "replaces the primary key of" : "adds a primary key to") + " existing table "
                        + alter.table() + ", which rebuilds it online";
            } else if (action instanceof AlterColumn change
                    && (change.change().equals("MODIFY") || change.change().equals("CHANGE"))
                    && context.existing(alter.table(), change.column())
                    && Ddl.notNull(change.rest())
                    && context.scope()
                            .notNull(alter.table(), change.column())
                            .map(notNull -> !notNull)
                            .orElse(false)) {
                // Only this direction: a primary key's column stays NOT NULL though a MODIFY of it does not
                // say so, and the scope does not tell key columns apart.
                what = "makes column " + change.column() + " of existing table " + alter.table()
                        + " NOT NULL, which rebuilds the table online and fails if a row holds NULL";
            } else if (action instanceof OtherAction other) {
                String option = rebuildingOption(other.tokens());
                if (option != null) {
                    what = "rebuilds existing table " + alter.table() + " online (" + option + ")";
                }
            }
            if (what != null) {
                report.at(context.statement(), action.line(), what);
            }
        }
    }

    /** The actions of the statement that copy the table or block writes to it. */
    private static List<Blocking> blocking(StatementContext context) {
        List<Blocking> found = new ArrayList<>();
        Clauses clauses = clauses(context.tokens());
        if (context.ddl() instanceof CreateIndex index && context.existing(index.table())) {
            String kind = indexKind(context.tokens());
            if (kind != null) {
                found.add(new Blocking(
                        null,
                        index.line(),
                        Cost.SHARED_LOCK,
                        "builds " + kind + " index " + (index.index() == null ? "" : index.index() + " ")
                                + "on existing table " + index.table() + sharedLockNote(kind),
                        false));
            }
            if ("COPY".equals(clauses.algorithm())) {
                found.add(copyAsked(clauses, index.table()));
            }
            return found;
        }
        if (!(context.ddl() instanceof AlterTable alter) || !context.existing(alter.table())) {
            return found;
        }
        Name table = alter.table();
        boolean addsPrimaryKey = alter.actions().stream()
                .anyMatch(action -> action instanceof AddConstraint constraint
                        && constraint.kind().equals("PRIMARY KEY"));
        boolean foreignKeyChecks = context.scope()
                .setting("foreign_key_checks")
                .map(value -> !Set.of("0", "OFF", "FALSE").contains(value))
                .orElse(true);
        for (Ddl.Action action : alter.actions()) {
            Blocking blocking = null;
            if (action instanceof AlterColumn change) {
                blocking = typeChange(context, table, change);
            } else if (action instanceof AddColumn add) {
                blocking = addColumn(context, table, add, foreignKeyChecks);
            } else if (action instanceof AddConstraint constraint) {
                blocking = addConstraint(table, constraint, foreignKeyChecks);
            } else if (action instanceof OtherAction other) {
                List<SqlToken> tokens = other.tokens();
                if (starts(tokens, "CONVERT", "TO")) {
                    blocking = new Blocking(
                            action,
                            action.line(),
                            Cost.COPY,
                            "converts existing table " + table + " to character set " + charset(tokens)
                                    + ", which copies the table with writes blocked (MariaDB converts in place only"
                                    + " from utf8mb3, and only a table without TEXT columns)",
                            true);
                } else if (starts(tokens, "DROP", "PRIMARY", "KEY") && !addsPrimaryKey) {
                    blocking = new Blocking(
                            action,
                            action.line(),
                            Cost.COPY,
                            "drops the primary key of existing table " + table + " without adding another in the"
                                    + " same statement, which copies the table with writes blocked",
                            true);
                }
            }
            if (blocking != null && (blocking.cost() != Cost.MAY_COPY || !clauses.refusesCopy())) {
                found.add(blocking);
            }
        }
        if ("COPY".equals(clauses.algorithm())) {
            found.add(copyAsked(clauses, table));
        }
        return found;
    }

    private static Blocking copyAsked(Clauses clauses, Name table) {
        return new Blocking(
                null,
                clauses.algorithmLine(),
                Cost.COPY_ASKED,
                "asks for ALGORITHM=COPY on existing table " + table
                        + ", which copies it with writes blocked even where its changes could run online",
                false);
    }

    /** A MODIFY or CHANGE of an existing column to a type InnoDB converts only by copying, or null. */
    private static Blocking typeChange(StatementContext context, Name table, AlterColumn change) {
        if (!(change.change().equals("MODIFY") || change.change().equals("CHANGE"))
                || change.type() == null
                || change.type().isEmpty()
                || !context.existing(table, change.column())) {
            return null;
        }
        String column = "column " + change.column() + " of existing table " + table;
        String old = context.scope().type(table, change.column()).orElse(null);
        if (old == null) {
            return new Blocking(
                    change,
                    change.line(),
                    Cost.MAY_COPY,
                    "redefines " + column + " as " + change.type() + "; if that changes its type (the migrations"
                            + " do not show its current one), the table is copied with writes blocked",
                    true);
        }
        String why = MysqlType.of(old).copies(MysqlType.of(change.type()), bytesPerCharacter(change.rest()));
        return why == null
                ? null
                : new Blocking(
                        change,
                        change.line(),
                        Cost.COPY,
                        "changes " + column + " from " + old + " to " + change.type()
                                + ", which copies the table with writes blocked" + why,
                        true);
    }

    /** An added column that InnoDB can only fill by copying the table, or under a lock, or null. */
    private static Blocking addColumn(StatementContext context, Name table, AddColumn add, boolean foreignKeyChecks) {
        List<SqlToken> rest = add.column().rest();
        String column = "column " + add.column().name() + " to existing table " + table;
        if (add.column().type().equals("SERIAL")) {
            return autoIncrement(add, column); // BIGINT UNSIGNED NOT NULL AUTO_INCREMENT UNIQUE
        }
        boolean generated = false;
        int depth = 0;
        for (int i = 0; i < rest.size(); i++) {
            SqlToken token = rest.get(i);
            if (token.isSymbol('(')) {
                depth++;
            } else if (token.isSymbol(')')) {
                depth--;
            }
            if (depth > 0) {
                continue;
            }
            generated |= token.is("AS") || token.is("GENERATED");
            if (token.is("AUTO_INCREMENT")) {
                return autoIncrement(add, column);
            }
            if (generated && (token.is("STORED") || token.is("PERSISTENT"))) {
                return new Blocking(
                        add,
                        add.line(),
                        Cost.COPY,
                        "adds stored generated " + column + ", which copies the table with writes blocked",
                        true);
            }
            if (token.is("REFERENCES") && foreignKeyChecks) {
                return new Blocking(
                        add,
                        add.line(),
                        Cost.COPY,
                        "adds " + column + " with a foreign key (REFERENCES) while foreign_key_checks is on,"
                                + " which copies the table with writes blocked on MariaDB (MySQL 8.0 ignores an"
                                + " inline REFERENCES)",
                        true);
            }
            if (token.is("DEFAULT")) {
                String perRow = perRowDefault(context, table, rest.subList(i + 1, rest.size()));
                if (perRow != null) {
                    return new Blocking(
                            add,
                            add.line(),
                            Cost.COPY,
                            "adds " + column + " " + perRow + ", which copies the table with writes blocked",
                            true);
                }
            }
        }
        return null;
    }

    private static Blocking autoIncrement(AddColumn add, String column) {
        // Not splittable: the key an AUTO_INCREMENT column needs must come in the same statement.
        return new Blocking(
                add,
                add.line(),
                Cost.SHARED_LOCK,
                "adds AUTO_INCREMENT " + column + ", which numbers the rows in a rebuild that blocks writes"
                        + " (LOCK=SHARED)",
                false);
    }

    /**
     * How a default, given by the tokens after {@code DEFAULT}, is computed per row ({@code with default
     * UUID()}), or null if it is one value for every existing row (a literal, {@code CURRENT_TIMESTAMP},
     * {@code (NOW())}, which InnoDB adds instantly).
     */
    private static String perRowDefault(StatementContext context, Name table, List<SqlToken> tokens) {
        if (tokens.isEmpty()) {
            return null;
        }
        if (tokens.size() > 1 && tokens.get(0).is("NEXT") && tokens.get(1).is("VALUE")) {
            return "with default NEXT VALUE FOR a sequence";
        }
        boolean call = tokens.size() > 1
                && tokens.get(0).type() == SqlToken.Type.WORD
                && tokens.get(1).isSymbol('(');
        if (!tokens.get(0).isSymbol('(') && !call) {
            return null;
        }
        int depth = 0;
        for (int i = 0; i < tokens.size(); i++) {
            SqlToken token = tokens.get(i);
            SqlToken next = i + 1 < tokens.size() ? tokens.get(i + 1) : null;
            if (token.isSymbol('(')) {
                depth++;
            } else if (token.isSymbol(')') && --depth == 0) {
                break;
            } else if (next != null && next.isSymbol('(') && PER_ROW.contains(token.upper())) {
                return "with default " + token.text() + "()";
            } else if (token.is("NEXT") && next != null && next.is("VALUE")) {
                return "with default NEXT VALUE FOR a sequence";
            } else if (token.isName()
                    && (next == null || !next.isSymbol('('))
                    && (token.type() == SqlToken.Type.QUOTED_IDENTIFIER
                            || context.scope().type(table, Name.of(token)).isPresent())) {
                return "with a default computed from column " + token.name();
            }
        }
        return null;
    }

    /** An added constraint or index that InnoDB adds only by copying, or under a lock, or null. */
    private static Blocking addConstraint(Name table, AddConstraint constraint, boolean foreignKeyChecks) {
        String named = constraint.name() == null ? "" : constraint.name() + " ";
        return switch (constraint.kind()) {
            case "FOREIGN KEY" ->
                foreignKeyChecks
                        ? new Blocking(
                                constraint,
                                constraint.line(),
                                Cost.COPY,
                                "adds foreign key " + named + "to existing table " + table
                                        + " while foreign_key_checks is on, which copies the table with writes"
                                        + " blocked",
                                true)
                        : null;
            case "CHECK" ->
                new Blocking(
                        constraint,
                        constraint.line(),
                        Cost.COPY,
                        "adds check constraint " + named + "to existing table " + table
                                + ", which copies the table with writes blocked to check every row",
                        true);
            case "FULLTEXT", "SPATIAL" ->
                new Blocking(
                        constraint,
                        constraint.line(),
                        Cost.SHARED_LOCK,
                        "adds " + constraint.kind() + " index " + indexName(constraint) + "to existing table " + table
                                + sharedLockNote(constraint.kind()),
                        true);
            default -> null;
        };
    }

    private static String sharedLockNote(String kind) {
        return kind.equals("FULLTEXT")
                ? ", which blocks writes while it is built (LOCK=SHARED; the table's first FULLTEXT index also"
                        + " rebuilds the table)"
                : ", which blocks writes while it is built (LOCK=SHARED)";
    }

    /** The index name of {@code ADD FULLTEXT [INDEX|KEY] name (…)}, with a space after it, or nothing. */
    private static String indexName(AddConstraint constraint) {
        if (constraint.name() != null) {
            return constraint.name() + " ";
        }
        List<SqlToken> tokens = constraint.tokens();
        int at =
                !tokens.isEmpty() && (tokens.get(0).is("INDEX") || tokens.get(0).is("KEY")) ? 1 : 0;
        return at < tokens.size() && tokens.get(at).isName() ? Name.of(tokens.get(at)) + " " : "";
    }

    /** {@code FULLTEXT} or {@code SPATIAL} for {@code CREATE FULLTEXT|SPATIAL INDEX}, else null. */
    private static String indexKind(List<SqlToken> tokens) {
        for (SqlToken token : tokens) {
            if (token.is("INDEX")) {
                return null;
            }
            if (token.is("FULLTEXT") || token.is("SPATIAL")) {
                return token.upper();
            }
        }
        return null;
    }

    /** The table option of an action that rebuilds the table ({@code ENGINE=InnoDB}, {@code FORCE}), or null. */
    private static String rebuildingOption(List<SqlToken> tokens) {
        if (starts(tokens, "FORCE")) {
            return "FORCE";
        }
        for (int i = 0; i < tokens.size(); i++) {
            SqlToken token = tokens.get(i);
            boolean option = token.type() == SqlToken.Type.WORD && REBUILDING_OPTIONS.contains(token.upper());
            boolean assigned = i + 1 < tokens.size() && tokens.get(i + 1).isSymbol('=');
            if (option && (assigned || i == 0)) {
                int value = assigned ? i + 2 : i + 1;
                return token.upper() + "="
                        + (value < tokens.size() ? tokens.get(value).text() : "");
            }
        }
        return null;
    }

    /** Whether an action is only an {@code ALGORITHM=} or {@code LOCK=} clause. */
    private static boolean isClause(Ddl.Action action) {
        return action instanceof OtherAction other
                && (starts(other.tokens(), "ALGORITHM") || starts(other.tokens(), "LOCK"));
    }

    /** The {@code ALGORITHM=} and {@code LOCK=} clauses outside parentheses. */
    private static Clauses clauses(List<SqlToken> tokens) {
        String algorithm = "";
        String lock = "";
        int line = 0;
        int depth = 0;
        for (int i = 0; i < tokens.size(); i++) {
            SqlToken token = tokens.get(i);
            if (token.isSymbol('(')) {
                depth++;
            } else if (token.isSymbol(')')) {
                depth--;
            } else if (depth == 0 && (token.is("ALGORITHM") || token.is("LOCK"))) {
                int at = i + 1 < tokens.size() && tokens.get(i + 1).isSymbol('=') ? i + 2 : i + 1;
                String value = at < tokens.size() && tokens.get(at).type() == SqlToken.Type.WORD
                        ? tokens.get(at).upper()
                        : "";
                if (token.is("ALGORITHM") && ALGORITHMS.contains(value)) {
                    algorithm = value;
                    line = token.line();
                } else if (token.is("LOCK") && LOCKS.contains(value)) {
                    lock = value;
                }
            }
        }
        return new Clauses(algorithm, lock, line);
    }

    /** The character set a {@code CONVERT TO CHARACTER SET x} names. */
    private static String charset(List<SqlToken> tokens) {
        for (int i = 0; i + 1 < tokens.size(); i++) {
            if (tokens.get(i).is("SET") || tokens.get(i).is("CHARSET")) {
                return tokens.get(i + 1).text();
            }
        }
        return "?";
    }

    /**
     * The most bytes a character takes in the character set (or collation) a MODIFY or CHANGE names, or 4
     * (utf8mb4, both servers' default) if it names none: the table's own is not known here.
     */
    private static int bytesPerCharacter(List<SqlToken> rest) {
        for (int i = 0; i + 1 < rest.size(); i++) {
            String set = null;
            if (rest.get(i).is("CHARSET")
                    || rest.get(i).is("SET") && i > 0 && rest.get(i - 1).is("CHARACTER")) {
                set = rest.get(i + 1).name().toUpperCase(Locale.ROOT);
            } else if (rest.get(i).is("COLLATE")) {
                set = rest.get(i + 1).name().toUpperCase(Locale.ROOT).split("_")[0];
            }
            if (set != null) {
                return set.startsWith("LATIN") || set.equals("ASCII") || set.equals("BINARY")
                        ? 1
                        : set.equals("UCS2") ? 2 : set.equals("UTF8") || set.equals("UTF8MB3") ? 3 : 4;
            }
        }
        return 4;
    }

    private static boolean starts(List<SqlToken> tokens, String... words) {
        if (tokens.size() < words.length) {
            return false;
        }
        for (int i = 0; i < words.length; i++) {
            if (!tokens.get(i).is(words[i])) {
                return false;
            }
        }
        return true;
    }

    /**
     * A MySQL column type as a migration writes it, in a canonical spelling (INTEGER is INT, a display width
     * is dropped, DECIMAL is DECIMAL(10,0)), for telling the changes InnoDB makes in place: the same type,
     * a VARCHAR or VARBINARY lengthened without its length prefix growing, and ENUM or SET members added at
     * the end without the storage growing. Every other change of type copies the table.
     *
     * @param arguments what the parentheses hold, split at commas (ENUM members keep their quotes)
     * @param extra other words (UNSIGNED, BINARY), ZEROFILL and SIGNED dropped
     */
    record MysqlType(String name, List<String> arguments, Set<String> extra) {

        private static final Set<String> INTEGERS = Set.of("TINYINT", "SMALLINT", "MEDIUMINT", "INT", "BIGINT");

        static MysqlType of(String written) {
            String text = written.strip().toUpperCase(Locale.ROOT);
            int open = text.indexOf('(');
            int close = text.lastIndexOf(')');
            String head = open < 0 ? text : text.substring(0, open);
            String tail = open < 0 || close < open ? "" : text.substring(close + 1);
            List<String> arguments = open < 0 || close < open ? List.of() : split(text.substring(open + 1, close));
            List<String> words = new ArrayList<>();
            Set<String> extra = new java.util.TreeSet<>();
            for (String word : (head + " " + tail).trim().split("\\s+")) {
                if (word.equals("ZEROFILL")) {
                    extra.add("UNSIGNED"); // ZEROFILL implies UNSIGNED
                } else if (word.equals("UNSIGNED") || word.equals("BINARY") && !words.isEmpty()) {
                    extra.add(word);
                } else if (!word.equals("SIGNED") && !word.isEmpty()) {
                    words.add(word);
                }
            }
            String name = switch (String.join(" ", words)) {
                case "INTEGER", "INT4" -> "INT";
                case "INT1", "BOOL", "BOOLEAN" -> "TINYINT";
                case "INT2" -> "SMALLINT";
                case "INT3", "MIDDLEINT" -> "MEDIUMINT";
                case "INT8" -> "BIGINT";
                case "DEC", "NUMERIC", "FIXED" -> "DECIMAL";
                case "CHARACTER VARYING", "CHAR VARYING", "NATIONAL VARCHAR", "NVARCHAR" -> "VARCHAR";
                case "CHARACTER", "NATIONAL CHAR", "NCHAR" -> "CHAR";
                case "DOUBLE PRECISION", "REAL", "FLOAT8" -> "DOUBLE";
                case "FLOAT4" -> "FLOAT";
                default -> String.join(" ", words);
            };
            if (INTEGERS.contains(name) || name.equals("YEAR")) {
                arguments = List.of();
            } else if (name.equals("DECIMAL")) {
                arguments = arguments.isEmpty()
                        ? List.of("10", "0")
                        : arguments.size() == 1 ? List.of(arguments.get(0), "0") : arguments;
            } else if ((name.equals("CHAR") || name.equals("BINARY") || name.equals("BIT")) && arguments.isEmpty()) {
                arguments = List.of("1");
            } else if (Set.of("DATETIME", "TIMESTAMP", "TIME").contains(name) && arguments.equals(List.of("0"))) {
                arguments = List.of();
            }
            return new MysqlType(name, arguments, extra);
        }

        /**
         * Why changing a column of this type to {@code target} copies the table (text to end a message, empty
         * if nothing more needs saying), or null if InnoDB changes it in place.
         *
         * @param bytesPerCharacter the most bytes a character of the column's character set takes
         */
        String copies(MysqlType target, int bytesPerCharacter) {
            if (equals(target)) {
                return null;
            }
            boolean sameKind = name.equals(target.name) && extra.equals(target.extra);
            if (sameKind && (name.equals("VARCHAR") || name.equals("VARBINARY"))) {
                int from = length();
                int to = target.length();
                if (from < 0 || to < 0) {
                    return "";
                }
                if (to < from) {
                    return " (InnoDB shortens a column only by copying)";
                }
                int bytes = name.equals("VARBINARY") ? 1 : bytesPerCharacter;
                if (from * bytes > 255 || to * bytes <= 255) {
                    return null;
                }
                // MySQL copies when the length prefix grows from 1 to 2 bytes; MariaDB only when the old
                // maximum was 128 to 255 bytes (checked on 10.11), so it extends a shorter one in place.
                return " (at " + bytes + " bytes a character its longest value grows from " + from * bytes + " to "
                        + to * bytes + " bytes, past the 255 that a 1-byte length holds"
                        + (from * bytes < 128 ? "; MariaDB extends a column of under 128 bytes in place" : "") + ")";
            }
            if (sameKind && (name.equals("ENUM") || name.equals("SET"))) {
                boolean appended = target.arguments.size() > arguments.size()
                        && target.arguments.subList(0, arguments.size()).equals(arguments);
                return appended && storage(arguments.size()) == storage(target.arguments.size())
                        ? null
                        : " (only members added at the end keep the stored values)";
            }
            return "";
        }

        private int length() {
            try {
                return arguments.size() == 1 ? Integer.parseInt(arguments.get(0)) : -1;
            } catch (NumberFormatException e) {
                return -1;
            }
        }

        /** How many bytes an ENUM or SET of {@code members} takes in a row. */
        private int storage(int members) {
            if (name.equals("ENUM")) {
                return members <= 255 ? 1 : 2;
            }
            return members <= 8 ? 1 : members <= 16 ? 2 : members <= 24 ? 3 : members <= 32 ? 4 : 8;
        }

        /** The parts of a parenthesised list split at its commas, outside quotes, each stripped. */
        private static List<String> split(String list) {
            List<String> parts = new ArrayList<>();
            StringBuilder part = new StringBuilder();
            char quote = 0;
            for (char c : list.toCharArray()) {
                if (quote == 0 && c == ',') {
                    parts.add(part.toString().strip());
                    part.setLength(0);
                    continue;
                }
                if (quote == 0 && (c == '\'' || c == '"')) {
                    quote = c;
                } else if (c == quote) {
                    quote = 0; // a doubled quote closes and reopens: the same parts either way
                }
                part.append(c);
            }
            if (!part.isEmpty() || !parts.isEmpty()) {
                parts.add(part.toString().strip());
            }
            return parts;
        }
    }
}
