// SPDX-License-Identifier: Apache-2.0
package dev.cairn.internal.lint;

import dev.cairn.internal.sql.SqlToken;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What a statement does, as far as the rules care: the few shapes of DDL they look at, read from the
 * statement's tokens. Anything else is {@link Other}. Reading is forgiving: a statement the database
 * would refuse reads as whatever its first words say, and the database will say the rest.
 */
sealed interface Ddl {

    /** The line of the statement's first token. */
    int line();

    /**
     * {@code CREATE TABLE}: its columns, or none for {@code CREATE TABLE … AS} and {@code LIKE}.
     *
     * @param primaryKey the columns of a table-level {@code PRIMARY KEY (…)}, which makes them NOT NULL
     *     though their definitions do not say so; empty if there is none
     */
    record CreateTable(int line, Name table, boolean temporary, List<Column> columns, List<Name> primaryKey)
            implements Ddl {}

    /** {@code CREATE [UNIQUE] INDEX [CONCURRENTLY] name ON table}. */
    record CreateIndex(int line, Name index, Name table, boolean unique, boolean concurrently) implements Ddl {}

    /** {@code DROP INDEX [CONCURRENTLY] a, b}; MySQL's {@code DROP INDEX a ON t} names its table. */
    record DropIndex(int line, List<Name> indexes, Name table, boolean concurrently) implements Ddl {}

    /** {@code ALTER TABLE table action, action…} (also MySQL's {@code ALTER ONLINE/IGNORE TABLE}). */
    record AlterTable(int line, Name table, List<Action> actions) implements Ddl {}

    /** {@code DROP TABLE a, b}. */
    record DropTable(int line, List<Name> tables) implements Ddl {}

    /** MySQL's {@code RENAME TABLE a TO b, c TO d}: the pairs, old name then new. */
    record RenameTables(int line, List<Name[]> pairs) implements Ddl {}

    /** {@code TRUNCATE [TABLE] a, b}. */
    record Truncate(int line, List<Name> tables) implements Ddl {}

    /** A statement that changes rows: {@code INSERT}, {@code UPDATE}, {@code DELETE}, {@code MERGE}... */
    record DataChange(int line, String verb) implements Ddl {}

    /**
     * {@code SET [SESSION|LOCAL] name …}: a setting for the statements after it (MySQL's {@code
     * @@session.name} included); only the first of a list is read.
     *
     * @param setting the setting's name in lower case ({@code lock_timeout})
     * @param value what it is set to after {@code =} or {@code TO}, upper case, without quotes ({@code 0},
     *     {@code OFF}); empty if not read
     */
    record SetSetting(int line, String setting, String value) implements Ddl {}

    /**
     * A statement that rebuilds a whole table under a lock that blocks it: PostgreSQL's {@code VACUUM
     * FULL} and {@code CLUSTER}, MySQL's {@code OPTIMIZE TABLE}.
     *
     * @param command the command as users know it ({@code VACUUM FULL})
     */
    record Rebuild(int line, String command, Name table) implements Ddl {}

    /**
     * PostgreSQL's {@code REINDEX [(options)] INDEX|TABLE|SCHEMA|DATABASE|SYSTEM [CONCURRENTLY] name}.
     *
     * @param kind what it rebuilds the indexes of, upper case ({@code TABLE})
     * @param name the index or table (or schema, database), if named
     */
    record Reindex(int line, String kind, boolean concurrently, Name name) implements Ddl {}

    /** Any other statement. */
    record Other(int line) implements Ddl {}

    /**
     * A column definition.
     *
     * @param name the column
     * @param type its type, words in upper case and single-spaced ({@code CHARACTER VARYING(50)}), strings
     *     as written ({@code ENUM('a','b')})
     * @param rest what follows the type: constraints, default, generation
     */
    record Column(Name name, String type, List<SqlToken> rest) {

        /** Whether the definition says {@code NOT NULL} or {@code PRIMARY KEY}. */
        boolean notNull() {
            return Ddl.notNull(rest);
        }
    }

    /** One action of an {@code ALTER TABLE}. */
    sealed interface Action {
        /** The line of the action's first token. */
        int line();
    }

    /** {@code ADD [COLUMN] [IF NOT EXISTS] column}. */
    record AddColumn(int line, Column column) implements Action {}

    /**
     * {@code ADD [CONSTRAINT name] kind …}.
     *
     * @param name the constraint's name, or null
     * @param kind {@code FOREIGN KEY}, {@code CHECK}, {@code UNIQUE}, {@code PRIMARY KEY}, {@code EXCLUDE},
     *     or MySQL's {@code INDEX}, {@code FULLTEXT}, {@code SPATIAL}
     * @param notValid whether it says {@code NOT VALID}
     * @param usingIndex whether it says {@code USING INDEX name} (a PostgreSQL index built beforehand)
     * @param tokens the action's tokens after the kind
     */
    record AddConstraint(int line, Name name, String kind, boolean notValid, boolean usingIndex, List<SqlToken> tokens)
            implements Action {}

    /**
     * {@code ALTER [COLUMN] column …}, and MySQL's {@code MODIFY [COLUMN] column type …} and
     * {@code CHANGE [COLUMN] old new type …} (whose new name is {@code renamedTo}).
     *
     * @param change {@code SET NOT NULL}, {@code DROP NOT NULL}, {@code TYPE}, {@code SET DEFAULT},
     *     {@code DROP DEFAULT}, {@code MODIFY}, {@code CHANGE}, {@code RENAME}, or the words as written
     * @param type the new type for {@code TYPE}, {@code MODIFY} and {@code CHANGE}; else null
     * @param using whether a {@code TYPE} change says {@code USING}
     * @param renamedTo the new name for {@code CHANGE} and H2's {@code ALTER COLUMN a RENAME TO b}; else null
     * @param rest for {@code MODIFY} and {@code CHANGE}, what follows the type (which redefines the whole
     *     column: {@code NOT NULL}, {@code DEFAULT …}, {@code CHARACTER SET …}); else empty
     */
    record AlterColumn(
            int line, Name column, String change, String type, boolean using, Name renamedTo, List<SqlToken> rest)
            implements Action {}

    /** {@code DROP [COLUMN] [IF EXISTS] column}. */
    record DropColumn(int line, Name column) implements Action {}

    /** {@code RENAME [COLUMN] old TO new}. */
    record RenameColumn(int line, Name from, Name to) implements Action {}

    /** {@code RENAME [TO|AS] new}. */
    record RenameTable(int line, Name to) implements Action {}

    /** {@code VALIDATE CONSTRAINT name}. */
    record ValidateConstraint(int line, Name name) implements Action {}

    /**
     * Any other action, by its leading words in upper case ({@code DROP CONSTRAINT}, {@code ALGORITHM =
     * INPLACE}, {@code CONVERT TO CHARACTER SET utf8mb4}).
     *
     * @param tokens the action's tokens, for reading its words one by one (a string stays one token)
     */
    record OtherAction(int line, String words, List<SqlToken> tokens) implements Action {}

    /** Words that end a column's type and start its constraints. */
    Set<String> AFTER_TYPE = Set.of(
            "NOT",
            "NULL",
            "DEFAULT",
            "PRIMARY",
            "UNIQUE",
            "REFERENCES",
            "CHECK",
            "CONSTRAINT",
            "COLLATE",
            "GENERATED",
            "AUTO_INCREMENT",
            "AUTOINCREMENT",
            "COMMENT",
            "FIRST",
            "AFTER",
            "ON",
            "USING",
            "AS",
            "IDENTITY",
            "INVISIBLE",
            "VISIBLE",
            "KEY",
            "CHARSET",
            "STORAGE",
            "COMPRESSION");

    /** Statements that change rows. */
    Set<String> DATA_VERBS = Set.of("INSERT", "UPDATE", "DELETE", "MERGE", "REPLACE", "COPY", "UPSERT");

    /** What {@code tokens}, one statement, does. */
    static Ddl of(List<SqlToken> tokens) {
        if (tokens.isEmpty()) {
            return new Other(0);
        }
        Tokens in = new Tokens(tokens);
        int line = in.line();
        if (in.accept("CREATE")) {
            return create(in, line);
        }
        if (in.accept("ALTER")) {
            in.accept("ONLINE");
            in.accept("IGNORE");
            if (in.accept("TABLE")) {
                return alterTable(in, line);
            }
            return new Other(line);
        }
        if (in.accept("DROP")) {
            return drop(in, line);
        }
        if (in.accept("RENAME")) {
            return renameTables(in, line);
        }
        if (in.accept("TRUNCATE")) {
            in.accept("TABLE");
            in.accept("ONLY");
            return new Truncate(line, names(in));
        }
        if (in.accept("SET")) {
            return set(in, line);
        }
        if (in.at("VACUUM")) {
            return vacuum(in, line);
        }
        if (in.accept("REINDEX")) {
            in.skipParentheses();
            SqlToken kind = in.next();
            boolean concurrently = in.accept("CONCURRENTLY");
            return kind == null ? new Other(line) : new Reindex(line, kind.upper(), concurrently, in.name());
        }
        if (in.accept("CLUSTER")) {
            in.accept("VERBOSE");
            return new Rebuild(line, "CLUSTER", in.name());
        }
        if (in.accept("OPTIMIZE")) {
            in.accept("NO_WRITE_TO_BINLOG");
            in.accept("LOCAL");
            in.accept("TABLE");
            return new Rebuild(line, "OPTIMIZE TABLE", in.name());
        }
        SqlToken first = tokens.get(0);
        if (first.type() == SqlToken.Type.WORD && DATA_VERBS.contains(first.upper())) {
            return new DataChange(line, first.upper());
        }
        if (in.at("WITH")) {
            // WITH … INSERT/UPDATE/DELETE: a data change if one of those words follows at the top level.
            for (SqlToken token : tokens) {
                if (token.type() == SqlToken.Type.WORD
                        && Set.of("INSERT", "UPDATE", "DELETE", "MERGE").contains(token.upper())) {
                    return new DataChange(line, token.upper());
                }
            }
        }
        return new Other(line);
    }

    private static Ddl set(Tokens in, int line) {
        if (!in.accept("SESSION")) {
            in.accept("LOCAL");
        }
        // MySQL's @@name and @@session.name set the session's value too.
        if (in.peek() != null
                && in.peek().isSymbol('@')
                && in.peek(1) != null
                && in.peek(1).isSymbol('@')) {
            in.next();
            in.next();
            if (in.peek(1) != null && in.peek(1).isSymbol('.') && (in.at("SESSION") || in.at("LOCAL"))) {
                in.next();
                in.next();
            }
        }
        SqlToken setting = in.next();
        if (setting == null) {
            return new Other(line);
        }
        StringBuilder value = new StringBuilder();
        if (in.acceptSymbol('=') || in.accept("TO")) {
            for (SqlToken token : in.rest()) {
                if (token.isSymbol(',')) {
                    break;
                }
                String text =
                        token.type() == SqlToken.Type.STRING && token.text().length() >= 2
                                ? token.text().substring(1, token.text().length() - 1)
                                : token.text();
                value.append(value.isEmpty() ? "" : " ").append(text.toUpperCase(Locale.ROOT));
            }
        }
        return new SetSetting(line, setting.name().toLowerCase(Locale.ROOT), value.toString());
    }

    private static Ddl create(Tokens in, int line) {
        in.accept("OR", "REPLACE");
        boolean temporary = false;
        if (!in.accept("GLOBAL")) {
            in.accept("LOCAL"); // PostgreSQL's GLOBAL/LOCAL TEMPORARY
        }
        if (in.accept("TEMP") || in.accept("TEMPORARY")) {
            temporary = true;
        }
        in.accept("UNLOGGED");
        if (in.accept("TABLE")) {
            in.accept("IF", "NOT", "EXISTS");
            Name table = in.name();
            if (table == null) {
                return new Other(line);
            }
            List<Name> primaryKey = new ArrayList<>();
            List<Column> columns = columns(in, primaryKey);
            return new CreateTable(line, table, temporary, columns, primaryKey);
        }
        boolean unique = in.accept("UNIQUE");
        in.accept("FULLTEXT");
        in.accept("SPATIAL");
        if (!in.accept("INDEX")) {
            return new Other(line);
        }
        boolean concurrently = in.accept("CONCURRENTLY");
        in.accept("IF", "NOT", "EXISTS");
        Name index = in.at("ON") ? null : in.name();
        while (!in.atEnd() && !in.at("ON")) {
            in.next(); // MySQL's USING BTREE before ON
        }
        if (!in.accept("ON")) {
            return new Other(line);
        }
        in.accept("ONLY");
        return new CreateIndex(line, index, in.name(), unique, concurrently);
    }

    /**
     * The column definitions of a {@code CREATE TABLE}'s parenthesised list; constraints are skipped, but
     * the columns of a table-level primary key go to {@code primaryKey}.
     */
    private static List<Column> columns(Tokens in, List<Name> primaryKey) {
        List<Column> columns = new ArrayList<>();
        if (!in.acceptSymbol('(')) {
            return columns;
        }
        while (!in.atEnd() && !in.acceptSymbol(')')) {
            int start = in.position();
            boolean constraint = in.accept("CONSTRAINT");
            if (constraint && !in.at("PRIMARY") && !in.at("FOREIGN") && !in.at("CHECK") && !in.at("UNIQUE")) {
                in.name();
            }
            if (in.at("PRIMARY", "KEY")) {
                in.skipToComma();
                primaryKey.addAll(keyColumns(in.from(start)));
            } else if (constraint
                    || in.at("CONSTRAINT")
                    || in.at("PRIMARY")
                    || in.at("UNIQUE")
                    || in.at("FOREIGN")
                    || in.at("CHECK")
                    || in.at("EXCLUDE")
                    || in.at("INDEX")
                    || in.at("KEY")
                    || in.at("FULLTEXT")
                    || in.at("SPATIAL")
                    || in.at("LIKE")) {
                in.skipToComma();
            } else {
                Column column = column(in);
                if (column != null) {
                    columns.add(column);
                }
            }
            in.acceptSymbol(',');
        }
        return columns;
    }

    /** The columns a key's tokens list in their first parentheses ({@code PRIMARY KEY (a, b(10))}). */
    static List<Name> keyColumns(List<SqlToken> tokens) {
        List<Name> columns = new ArrayList<>();
        int depth = 0;
        boolean expectName = false;
        for (SqlToken token : tokens) {
            if (token.isSymbol('(')) {
                depth++;
                expectName = depth == 1;
            } else if (token.isSymbol(')')) {
                if (--depth == 0) {
                    break;
                }
            } else if (depth == 1 && token.isSymbol(',')) {
                expectName = true;
            } else if (depth == 1 && expectName && token.isName()) {
                columns.add(Name.of(token));
                expectName = false;
            }
        }
        return columns;
    }

    /**
     * Whether a column definition's tokens after the type say {@code NOT NULL} or {@code PRIMARY KEY}
     * (outside parentheses, where a check's {@code IS NOT NULL} would be).
     */
    static boolean notNull(List<SqlToken> rest) {
        int depth = 0;
        for (int i = 0; i + 1 < rest.size(); i++) {
            SqlToken token = rest.get(i);
            if (token.isSymbol('(')) {
                depth++;
            } else if (token.isSymbol(')')) {
                depth--;
            } else if (depth == 0
                    && (token.is("NOT") && rest.get(i + 1).is("NULL")
                            || token.is("PRIMARY") && rest.get(i + 1).is("KEY"))) {
                return true;
            }
        }
        return false;
    }

    /** A column definition up to the {@code ,} or {@code )} after it, or null if no name starts it. */
    private static Column column(Tokens in) {
        Name name = in.name();
        if (name == null) {
            in.skipToComma();
            return null;
        }
        String type = type(in);
        int start = in.position();
        while (!in.atEnd() && !in.peek().isSymbol(',') && !in.peek().isSymbol(')')) {
            if (!in.skipParentheses()) {
                in.next();
            }
        }
        return new Column(name, type, in.from(start));
    }

    /** A type's words up to where its constraints start, upper case and single-spaced. */
    private static String type(Tokens in) {
        StringBuilder type = new StringBuilder();
        boolean first = true;
        while (!in.atEnd()) {
            SqlToken token = in.peek();
            if (token.isSymbol(',') || token.isSymbol(')')) {
                break;
            }
            if (!first && token.type() == SqlToken.Type.WORD && AFTER_TYPE.contains(token.upper())) {
                break;
            }
            if (!first
                    && token.is("CHARACTER")
                    && in.peek(1) != null
                    && in.peek(1).is("SET")) {
                break;
            }
            if (token.isSymbol('(')) {
                int start = in.position();
                in.skipParentheses();
                for (SqlToken part : in.from(start)) {
                    // ENUM and SET members keep their case: it is part of the value.
                    type.append(part.type() == SqlToken.Type.STRING ? part.text() : part.upper());
                }
            } else {
                if (!type.isEmpty() && !token.isSymbol('[') && !token.isSymbol(']')) {
                    type.append(' ');
                }
                type.append(token.upper());
                in.next();
            }
            first = false;
        }
        return type.toString();
    }

    private static Ddl alterTable(Tokens in, int line) {
        in.accept("IF", "EXISTS");
        in.accept("ONLY");
        Name table = in.name();
        if (table == null) {
            return new Other(line);
        }
        in.acceptSymbol('*');
        List<Action> actions = new ArrayList<>();
        while (!in.atEnd()) {
            int start = in.position();
            Action action = action(in);
            in.skipToComma();
            if (action == null) {
                action = otherAction(in.from(start));
            }
            actions.add(action);
            in.acceptSymbol(',');
        }
        return new AlterTable(line, table, actions);
    }

    private static Action action(Tokens in) {
        int line = in.line();
        if (in.accept("ADD")) {
            return add(in, line);
        }
        if (in.at("ALTER") && !in.at("ALTER", "CONSTRAINT") && !in.at("ALTER", "INDEX")) {
            in.accept("ALTER");
            in.accept("COLUMN");
            Name column = in.name();
            return column == null ? null : alterColumn(in, line, column);
        }
        if (in.accept("MODIFY")) {
            in.accept("COLUMN");
            Name column = in.name();
            if (column == null) {
                return null;
            }
            String type = type(in);
            return new AlterColumn(line, column, "MODIFY", type, false, null, restOfAction(in));
        }
        if (in.accept("CHANGE")) {
            in.accept("COLUMN");
            Name column = in.name();
            Name renamed = in.name();
            if (column == null || renamed == null) {
                return null;
            }
            String type = type(in);
            return new AlterColumn(line, column, "CHANGE", type, false, renamed, restOfAction(in));
        }
        if (in.at("DROP")) {
            if (in.at("DROP", "COLUMN") || !dropsSomethingElse(in.peek(1))) {
                in.accept("DROP");
                in.accept("COLUMN");
                in.accept("IF", "EXISTS");
                Name column = in.name();
                return column == null ? null : new DropColumn(line, column);
            }
            return null;
        }
        if (in.accept("RENAME")) {
            if (in.accept("COLUMN")
                    || in.peek() != null
                            && in.peek().isName()
                            && !in.at("TO")
                            && !in.at("AS")
                            && !in.at("CONSTRAINT")
                            && !in.at("INDEX")
                            && !in.at("KEY")) {
                Name from = in.name();
                in.accept("TO");
                Name to = in.name();
                return from == null || to == null ? null : new RenameColumn(line, from, to);
            }
            if (in.accept("TO") || in.accept("AS")) {
                Name to = in.name();
                return to == null ? null : new RenameTable(line, to);
            }
            return null;
        }
        if (in.accept("VALIDATE", "CONSTRAINT")) {
            Name name = in.name();
            return name == null ? null : new ValidateConstraint(line, name);
        }
        return null;
    }

    /** Whether {@code DROP word} drops something other than a column. */
    private static boolean dropsSomethingElse(SqlToken word) {
        return word == null
                || Set.of(
                                "CONSTRAINT",
                                "INDEX",
                                "KEY",
                                "PRIMARY",
                                "FOREIGN",
                                "CHECK",
                                "PARTITION",
                                "DEFAULT",
                                "SYSTEM",
                                "PERIOD",
                                "EXPRESSION",
                                "IDENTITY",
                                "NOT")
                        .contains(word.upper());
    }

    private static Action add(Tokens in, int line) {
        Name name = null;
        if (in.accept("CONSTRAINT")) {
            if (!in.at("FOREIGN") && !in.at("CHECK") && !in.at("UNIQUE") && !in.at("PRIMARY")) {
                name = in.name();
            }
        }
        String kind = in.accept("FOREIGN", "KEY")
                ? "FOREIGN KEY"
                : in.accept("PRIMARY", "KEY")
                        ? "PRIMARY KEY"
                        : in.accept("CHECK")
                                ? "CHECK"
                                : in.accept("UNIQUE")
                                        ? "UNIQUE"
                                        : in.accept("EXCLUDE")
                                                ? "EXCLUDE"
                                                : in.accept("INDEX") || in.accept("KEY")
                                                        ? "INDEX"
                                                        : in.accept("FULLTEXT")
                                                                ? "FULLTEXT"
                                                                : in.accept("SPATIAL") ? "SPATIAL" : null;
        if (kind != null) {
            int start = in.position();
            in.skipToComma();
            List<SqlToken> tokens = in.from(start);
            boolean notValid = false;
            boolean usingIndex = false;
            for (int i = 0; i + 1 < tokens.size(); i++) {
                notValid |= tokens.get(i).is("NOT") && tokens.get(i + 1).is("VALID");
                usingIndex |= tokens.get(i).is("USING") && tokens.get(i + 1).is("INDEX");
            }
            return new AddConstraint(line, name, kind, notValid, usingIndex, tokens);
        }
        if (name != null || in.at("PARTITION")) {
            return null;
        }
        in.accept("COLUMN");
        in.accept("IF", "NOT", "EXISTS");
        Column column = column(in);
        return column == null ? null : new AddColumn(line, column);
    }

    private static Action alterColumn(Tokens in, int line, Name column) {
        if (in.accept("SET", "NOT", "NULL")) {
            return new AlterColumn(line, column, "SET NOT NULL", null, false, null, List.of());
        }
        if (in.accept("DROP", "NOT", "NULL")) {
            return new AlterColumn(line, column, "DROP NOT NULL", null, false, null, List.of());
        }
        if (in.accept("TYPE") || in.accept("SET", "DATA", "TYPE")) {
            String type = type(in);
            boolean using = in.at("USING") || in.rest().stream().anyMatch(token -> token.is("USING"));
            return new AlterColumn(line, column, "TYPE", type, using, null, List.of());
        }
        if (in.accept("RENAME", "TO")) {
            return new AlterColumn(line, column, "RENAME", null, false, in.name(), List.of());
        }
        if (in.accept("SET", "DEFAULT")) {
            return new AlterColumn(line, column, "SET DEFAULT", null, false, null, List.of());
        }
        if (in.accept("DROP", "DEFAULT")) {
            return new AlterColumn(line, column, "DROP DEFAULT", null, false, null, List.of());
        }
        StringBuilder words = new StringBuilder();
        for (SqlToken token : in.rest()) {
            if (token.isSymbol(',')) {
                break;
            }
            words.append(words.isEmpty() ? "" : " ").append(token.upper());
        }
        return new AlterColumn(line, column, words.toString(), null, false, null, List.of());
    }

    /** The action's tokens from the cursor to its end (the {@code ,} after it, not read). */
    private static List<SqlToken> restOfAction(Tokens in) {
        int start = in.position();
        in.skipToComma();
        return List.copyOf(in.from(start));
    }

    private static Action otherAction(List<SqlToken> tokens) {
        StringBuilder words = new StringBuilder();
        for (SqlToken token : tokens) {
            words.append(words.isEmpty() ? "" : " ")
                    .append(token.type() == SqlToken.Type.WORD ? token.upper() : token.text());
        }
        return new OtherAction(tokens.isEmpty() ? 0 : tokens.get(0).line(), words.toString(), List.copyOf(tokens));
    }

    private static Ddl drop(Tokens in, int line) {
        in.accept("TEMPORARY");
        if (in.accept("TABLE")) {
            in.accept("IF", "EXISTS");
            return new DropTable(line, names(in));
        }
        if (in.accept("INDEX")) {
            boolean concurrently = in.accept("CONCURRENTLY");
            in.accept("IF", "EXISTS");
            List<Name> indexes = names(in);
            Name table = in.accept("ON") ? in.name() : null;
            return new DropIndex(line, indexes, table, concurrently);
        }
        return new Other(line);
    }

    private static Ddl renameTables(Tokens in, int line) {
        if (!in.accept("TABLE") && !in.accept("TABLES")) {
            return new Other(line);
        }
        List<Name[]> pairs = new ArrayList<>();
        while (!in.atEnd()) {
            Name from = in.name();
            if (from == null || !in.accept("TO")) {
                break;
            }
            Name to = in.name();
            if (to == null) {
                break;
            }
            pairs.add(new Name[] {from, to});
            if (!in.acceptSymbol(',')) {
                break;
            }
        }
        return new RenameTables(line, pairs);
    }

    private static Ddl vacuum(Tokens in, int line) {
        in.accept("VACUUM");
        boolean full = false;
        if (in.peek() != null && in.peek().isSymbol('(')) {
            int start = in.position();
            in.skipParentheses();
            full = in.from(start).stream().anyMatch(token -> token.is("FULL"));
        }
        while (true) {
            if (in.accept("FULL")) {
                full = true;
            } else if (!in.accept("FREEZE") && !in.accept("VERBOSE") && !in.accept("ANALYZE")) {
                break;
            }
        }
        return full ? new Rebuild(line, "VACUUM FULL", in.name()) : new Other(line);
    }

    /** A comma-separated list of names. */
    private static List<Name> names(Tokens in) {
        List<Name> names = new ArrayList<>();
        Name name = in.name();
        while (name != null) {
            names.add(name);
            name = in.acceptSymbol(',') ? in.name() : null;
        }
        return names;
    }
}
