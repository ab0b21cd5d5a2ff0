// SPDX-License-Identifier: Apache-2.0
package dev.cairn;

import java.sql.Connection;

/**
 * A migration written in Java, for a change SQL cannot express: a backfill that calls the
 * application's code, a re-encryption, a data fix that needs a loop. It is ordered, tracked, locked,
 * listed, rolled back and verified exactly like an SQL migration file.
 *
 * <p>Its name and version come from the class's simple name, {@code V<version>__<rest>}: the class
 * {@code V20261124153000__backfill_emails} is the migration {@code 20261124153000_backfill_emails},
 * version {@code 20261124153000}. A class named otherwise says its name with {@link #name()}.
 *
 * <pre>{@code
 * package db.migrations;
 *
 * public class V20261124153000__backfill_emails implements JavaMigration {
 *     public void up(Connection connection) throws Exception {
 *         try (var update = connection.prepareStatement("UPDATE users SET email = lower(email)")) {
 *             update.executeUpdate();
 *         }
 *     }
 *
 *     public void down(Connection connection) {
 *         // nothing to undo: lower-casing is kept
 *     }
 * }
 * }</pre>
 *
 * <p>Cairn finds such classes in the {@code classpath:} locations of {@code migrations.locations}
 * (the location's package), takes instances given to {@link Cairn.Builder#javaMigrations}, and on the
 * command line reads the jars and class directories named by {@code --classpath}. A class found by
 * scanning needs a public constructor without parameters.
 *
 * <p>{@code up} and {@code down} run on the batch's connection, inside the batch's transaction where
 * the database and {@link #transactional()} allow: they must not commit, roll back, or close it (Cairn
 * refuses those calls), and should not keep it after they return. An exception thrown by either fails
 * the migration like a failing SQL statement, with the same report of what stays applied.
 */
public interface JavaMigration {

    /** Applies the migration on {@code connection}. */
    void up(Connection connection) throws Exception;

    /**
     * Undoes {@link #up}. A class that does not override it is irreversible, as an SQL file without
     * {@code -- migrate:down} is: rolling it back is refused, naming it, before anything changes.
     * (This default is never called.)
     */
    default void down(Connection connection) throws Exception {
        throw new UnsupportedOperationException(getClass().getName() + " has no down");
    }

    /**
     * The migration's name, starting with its version digits, as an SQL file's name does
     * ({@code 20261124153000_backfill_emails}); null (the default) takes it from the class's simple name.
     */
    default String name() {
        return null;
    }

    /** What the migration does, shown by {@code status -v} and in {@code --json}; empty by default. */
    default String description() {
        return "";
    }

    /**
     * False to run outside the batch's transaction, in autocommit, as an SQL section marked
     * {@code transaction:false} does (for work that cannot run in a transaction, or that commits in
     * parts of its own). True by default.
     */
    default boolean transactional() {
        return true;
    }

    /**
     * A checksum of the migration's content, to be told when an applied migration was changed: when the
     * value differs from the one recorded when it ran, Cairn reports the migration as edited after it was
     * applied, as it does for an edited SQL file. Null (the default) records none, and a changed class is
     * not noticed. Any text works; raise a number by hand when the migration's effect changes.
     */
    default String checksum() {
        return null;
    }

    /**
     * True for a migration whose work a database that already has the schema still needs (data it
     * loads or converts, say): {@code cairn baseline} then refuses to record it as applied without
     * running it, and says to baseline below it. False by default: like an SQL migration, it made
     * schema that a baselined database has already.
     */
    default boolean mustRunOnBaseline() {
        return false;
    }
}
