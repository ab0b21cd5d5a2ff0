// SPDX-License-Identifier: Apache-2.0
package dev.cairn;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * A statement of a migration failed in the database, or a Java migration's code threw. The message
 * names the migration, the file and line of the failing statement (for Java, the class file), the
 * database's own message, and what the failure left behind: where the work ran in a transaction,
 * nothing; otherwise exactly which migrations and statements stay applied, so that the tracking table
 * and the schema agree.
 */
public final class MigrationFailedException extends CairnException {

    private static final long serialVersionUID = 1L;

    private final String migration;
    private final Direction direction;
    private final transient Path file;
    private final int line;
    private final int statement;
    private final String sqlState;
    private final String databaseMessage;
    // ArrayList, not List: the field of a serializable exception must have a serializable type.
    private final ArrayList<String> stillApplied;

    /**
     * Creates the exception.
     *
     * @param migration the failing migration's name
     * @param direction the section that failed
     * @param file the file holding the failing statement
     * @param line the 1-based line of the failing statement in {@code file}; 0 for a Java migration
     * @param statement the 1-based number of the failing statement within its section
     * @param sqlState the database's SQLSTATE, or null if it gave none
     * @param databaseMessage the database's message
     * @param stillApplied what stays changed in the database, one line each (empty if nothing)
     * @param outcome sentences on what the failure left behind and how to go on
     * @param cause the driver's exception
     */
    public MigrationFailedException(
            String migration,
            Direction direction,
            Path file,
            int line,
            int statement,
            String sqlState,
            String databaseMessage,
            List<String> stillApplied,
            String outcome,
            Throwable cause) {
        super(render(migration, direction, file, line, statement, sqlState, databaseMessage, outcome), cause);
        this.migration = migration;
        this.direction = direction;
        this.file = file;
        this.line = line;
        this.statement = statement;
        this.sqlState = sqlState;
        this.databaseMessage = databaseMessage;
        this.stillApplied = new ArrayList<>(stillApplied);
    }

    /** The failing migration's name. */
    public String migration() {
        return migration;
    }

    /** The section that failed. */
    public Direction direction() {
        return direction;
    }

    /** The file holding the failing statement. */
    public Path file() {
        return file;
    }

    /** The 1-based line of the failing statement in {@link #file()}. */
    public int line() {
        return line;
    }

    /** The 1-based number of the failing statement within its section. */
    public int statement() {
        return statement;
    }

    /** The database's SQLSTATE, if it gave one. */
    public Optional<String> sqlState() {
        return Optional.ofNullable(sqlState);
    }

    /** The database's own message. */
    public String databaseMessage() {
        return databaseMessage;
    }

    /** What stays changed in the database after the failure, one line each; empty if nothing. */
    public List<String> stillApplied() {
        return Collections.unmodifiableList(stillApplied);
    }

    private static String render(
            String migration,
            Direction direction,
            Path file,
            int line,
            int statement,
            String sqlState,
            String databaseMessage,
            String outcome) {
        String state = sqlState == null ? "" : " [SQLSTATE " + sqlState + "]";
        // A seed file (name ending in .sql) fails like a migration, but is not one.
        String what = migration.endsWith(".sql")
                ? "Seed " + migration
                : "Migration " + migration + " (" + direction.label() + ")";
        // A Java migration's code has no line: it is named by its class file.
        String where = line > 0 ? " failed at " + file + ":" + line + ", statement " + statement : " failed in " + file;
        return what + where + ": " + databaseMessage + state + System.lineSeparator() + outcome;
    }
}
