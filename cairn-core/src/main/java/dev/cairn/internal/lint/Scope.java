// SPDX-License-Identifier: Apache-2.0
package dev.cairn.internal.lint;

import dev.cairn.internal.lint.Ddl.AddColumn;
import dev.cairn.internal.lint.Ddl.AddConstraint;
import dev.cairn.internal.lint.Ddl.AlterColumn;
import dev.cairn.internal.lint.Ddl.AlterTable;
import dev.cairn.internal.lint.Ddl.Column;
import dev.cairn.internal.lint.Ddl.CreateIndex;
import dev.cairn.internal.lint.Ddl.CreateTable;
import dev.cairn.internal.lint.Ddl.DropColumn;
import dev.cairn.internal.lint.Ddl.DropTable;
import dev.cairn.internal.lint.Ddl.RenameColumn;
import dev.cairn.internal.lint.Ddl.RenameTable;
import dev.cairn.internal.lint.Ddl.RenameTables;
import dev.cairn.internal.lint.Ddl.SetSetting;
import dev.cairn.internal.lint.Ddl.ValidateConstraint;
import dev.cairn.internal.sql.SqlToken;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the migrations read so far made, as far as their statements say: the tables with their columns'
 * types and whether they are NOT NULL, the indexes, and the {@code CHECK (c IS NOT NULL)} constraints that
 * prove a column has no nulls; and what the migration being read has made and set so far. A table the
 * statements never created (made by hand or by another tool before Cairn) is unknown here and counts as
 * existing: only what the current migration made is new.
 */
final class Scope {

    private record Table(
            String createdIn,
            Map<String, String> columnTypes,
            Map<String, String> columnsAddedIn,
            Map<String, Boolean> columnsNotNull) {

        Table(String createdIn) {
            this(createdIn, new HashMap<>(), new HashMap<>(), new HashMap<>());
        }
    }

    private record NotNullCheck(String table, String column, boolean validated) {}

    private final Map<String, Table> tables = new HashMap<>();
    private final Map<String, String> indexesCreatedIn = new HashMap<>();
    private final Map<String, NotNullCheck> notNullChecks = new HashMap<>();
    private final Map<String, String> settings = new HashMap<>();
    private final Set<String> onceKeys = new HashSet<>();
    private String migration;

    /** Starts reading the up section of migration {@code name}. */
    void startMigration(String name) {
        migration = name;
        settings.clear();
        onceKeys.clear();
    }

    /** Whether the current migration created {@code table}. */
    boolean isNew(Name table) {
        Table known = tables.get(table.key());
        return known != null && migration.equals(known.createdIn());
    }

    /** Whether the current migration created {@code table} or added {@code column} to it. */
    boolean isNew(Name table, Name column) {
        Table known = tables.get(table.key());
        return known != null
                && (migration.equals(known.createdIn())
                        || migration.equals(known.columnsAddedIn().get(column.key())));
    }

    /** Whether the current migration created index {@code index}. */
    boolean isNewIndex(Name index) {
        return migration.equals(indexesCreatedIn.get(index.key()));
    }

    /** The type that the statements read so far gave {@code column} of {@code table}, if they said. */
    Optional<String> type(Name table, Name column) {
        return Optional.ofNullable(tables.get(table.key()))
                .map(known -> known.columnTypes().get(column.key()));
    }

    /**
     * Whether the statements read so far made {@code column} of {@code table} NOT NULL (true) or left it
     * nullable (false), if they said.
     */
    Optional<Boolean> notNull(Name table, Name column) {
        return Optional.ofNullable(tables.get(table.key()))
                .map(known -> known.columnsNotNull().get(column.key()));
    }

    /** Whether a validated {@code CHECK (column IS NOT NULL)} on {@code table} proves the column has no nulls. */
    boolean provenNotNull(Name table, Name column) {
        return notNullChecks.values().stream()
                .anyMatch(check -> check.validated()
                        && check.table().equals(table.key())
                        && check.column().equals(column.key()));
    }

    /** True the first time it is asked for {@code key} in the current migration, then false. */
    boolean once(String key) {
        return onceKeys.add(key);
    }

    /** Whether the current migration has set {@code setting} (lower case) before the statement being read. */
    boolean hasSet(String setting) {
        return settings.containsKey(setting);
    }

    /** What the current migration last set {@code setting} (lower case) to, upper case ({@code 0}), if it did. */
    Optional<String> setting(String setting) {
        return Optional.ofNullable(settings.get(setting));
    }

    /** Takes in what {@code ddl}, a statement of the current migration's up, made. */
    void apply(Ddl ddl) {
        if (ddl instanceof CreateTable create) {
            Table table = new Table(migration);
            for (Column column : create.columns()) {
                table.columnTypes().put(column.name().key(), column.type());
                table.columnsNotNull().put(column.name().key(), column.notNull());
            }
            create.primaryKey().forEach(column -> table.columnsNotNull().put(column.key(), true));
            tables.put(create.table().key(), table);
        } else if (ddl instanceof CreateIndex index && index.index() != null) {
            indexesCreatedIn.put(index.index().key(), migration);
        } else if (ddl instanceof DropTable drop) {
            drop.tables().forEach(table -> tables.remove(table.key()));
        } else if (ddl instanceof RenameTables rename) {
            for (Name[] pair : rename.pairs()) {
                rename(pair[0], pair[1]);
            }
        } else if (ddl instanceof AlterTable alter) {
            alter(alter);
        } else if (ddl instanceof SetSetting set) {
            settings.put(set.setting(), set.value());
        }
    }

    private void alter(AlterTable alter) {
        Name name = alter.table();
        Table table = tables.computeIfAbsent(name.key(), key -> new Table(null));
        for (Ddl.Action action : alter.actions()) {
            if (action instanceof AddColumn add) {
                table.columnTypes().put(add.column().name().key(), add.column().type());
                table.columnsAddedIn().put(add.column().name().key(), migration);
                table.columnsNotNull()
                        .put(add.column().name().key(), add.column().notNull());
            } else if (action instanceof DropColumn drop) {
                table.columnTypes().remove(drop.column().key());
                table.columnsAddedIn().remove(drop.column().key());
                table.columnsNotNull().remove(drop.column().key());
            } else if (action instanceof RenameColumn rename) {
                renameColumn(table, rename.from(), rename.to());
            } else if (action instanceof AlterColumn change) {
                if (change.type() != null && !change.type().isEmpty()) {
                    table.columnTypes().put(change.column().key(), change.type());
                }
                notNull(table, change);
                if (change.renamedTo() != null) {
                    renameColumn(table, change.column(), change.renamedTo());
                }
            } else if (action instanceof AddConstraint constraint) {
                notNullCheck(name, constraint);
                if (constraint.kind().equals("PRIMARY KEY")) {
                    for (Name column : Ddl.keyColumns(constraint.tokens())) {
                        table.columnsNotNull().put(column.key(), true);
                    }
                }
            } else if (action instanceof ValidateConstraint validate) {
                NotNullCheck check = notNullChecks.get(validate.name().key());
                if (check != null) {
                    notNullChecks.put(validate.name().key(), new NotNullCheck(check.table(), check.column(), true));
                }
            } else if (action instanceof RenameTable rename) {
                rename(name, rename.to());
                name = rename.to();
                table = tables.get(name.key());
            }
        }
    }

    /** Takes in whether a column change leaves the column NOT NULL. */
    private static void notNull(Table table, AlterColumn change) {
        String column = change.column().key();
        // MySQL's MODIFY and CHANGE redefine the whole column: without NOT NULL it is nullable.
        switch (change.change()) {
            case "SET NOT NULL" -> table.columnsNotNull().put(column, true);
            case "DROP NOT NULL" -> table.columnsNotNull().put(column, false);
            case "MODIFY", "CHANGE" -> table.columnsNotNull().put(column, Ddl.notNull(change.rest()));
            default -> {}
        }
    }

    /** Remembers {@code CONSTRAINT name CHECK (column IS NOT NULL)}, validated unless {@code NOT VALID}. */
    private void notNullCheck(Name table, AddConstraint constraint) {
        List<SqlToken> tokens = constraint.tokens();
        if (constraint.name() == null
                || !constraint.kind().equals("CHECK")
                || tokens.size() < 6
                || !tokens.get(0).isSymbol('(')
                || !tokens.get(1).isName()
                || !tokens.get(2).is("IS")
                || !tokens.get(3).is("NOT")
                || !tokens.get(4).is("NULL")
                || !tokens.get(5).isSymbol(')')) {
            return;
        }
        notNullChecks.put(
                constraint.name().key(),
                new NotNullCheck(table.key(), Name.of(tokens.get(1)).key(), !constraint.notValid()));
    }

    private void rename(Name from, Name to) {
        Table table = tables.remove(from.key());
        tables.put(to.key(), table != null ? table : new Table(null));
    }

    private static void renameColumn(Table table, Name from, Name to) {
        String type = table.columnTypes().remove(from.key());
        if (type != null) {
            table.columnTypes().put(to.key(), type);
        }
        String addedIn = table.columnsAddedIn().remove(from.key());
        if (addedIn != null) {
            table.columnsAddedIn().put(to.key(), addedIn);
        }
        Boolean notNull = table.columnsNotNull().remove(from.key());
        if (notNull != null) {
            table.columnsNotNull().put(to.key(), notNull);
        }
    }
}
