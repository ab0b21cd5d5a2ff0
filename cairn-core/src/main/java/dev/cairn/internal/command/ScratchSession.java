// SPDX-License-Identifier: Apache-2.0
package dev.cairn.internal.command;

import dev.cairn.SchemaSnapshot;
import dev.cairn.Targets;
import dev.cairn.ValidationException;
import dev.cairn.VerifyResult.Step;
import dev.cairn.VerifyResult.StepFailure;
import dev.cairn.internal.connect.ConnectionFailures;
import dev.cairn.internal.connect.Connector;
import dev.cairn.internal.dialect.Dialect;
import dev.cairn.internal.run.Observer;
import dev.cairn.internal.run.StatementFailedException;
import dev.cairn.internal.run.StatementRunner;
import dev.cairn.internal.schema.SchemaReader;
import dev.cairn.internal.schema.SchemaScript;
import dev.cairn.internal.schema.SchemaWatch;
import dev.cairn.internal.source.Migration;
import dev.cairn.internal.source.Section;
import dev.cairn.internal.sql.Placeholders;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code verify}'s (and {@code squash}'s) one connection to its scratch database, and what the checks do with it: run a
 * section, snapshot the schema, hold a transaction open around a down to undo it, or start over on a
 * new scratch database where nothing can be undone. Errors of the scratch database itself (it cannot
 * be reached, a catalog query fails) are thrown; a failing migration statement is returned as a
 * {@link StepFailure}, since it is a finding.
 */
final class ScratchSession implements AutoCloseable {

    private final Dialect dialect;
    private final Connector connector;
    private final Duration lockTimeout;
    private final SchemaReader reader;
    private final Cancellation cancellation;
    private final Placeholders placeholders;
    /** Whether the migrations are a fleet's: then {@code ${target}} is the scratch database's default schema. */
    private final boolean fleet;

    private ScratchDatabase scratch;
    private Connection connection;
    private StatementRunner runner;
    private SchemaWatch watch;

    ScratchSession(
            Dialect dialect,
            String targetUrl,
            Connector connector,
            Duration lockTimeout,
            Cancellation cancellation,
            Placeholders placeholders,
            boolean fleet) {
        this.placeholders = placeholders;
        this.fleet = fleet;
        this.dialect = dialect;
        this.connector = connector;
        this.lockTimeout = lockTimeout;
        this.reader = dialect.schemaReader();
        this.cancellation = cancellation;
        this.scratch = ScratchDatabase.create(dialect, targetUrl, connector);
        cancellation.onCancel(this::cutConnection);
        try {
            connect();
        } catch (RuntimeException e) {
            // No caller holds this session yet to close it: the database just made must go here.
            scratch.drop();
            throw e;
        }
    }

    /** Where the scratch database is, without a password. */
    String where() {
        return scratch.toString();
    }

    /** Runs the section of {@code migration} that {@code step} runs. */
    Optional<StepFailure> run(Migration migration, Step step) {
        Section section = migration.section(step.direction()).orElseThrow();
        cancellation.doing("running the " + step.label() + " of " + migration.name());
        try {
            runner.run(section.statements(dialect.splitRules(), placeholders()));
            return Optional.empty();
        } catch (StatementFailedException e) {
            cancellation.throwIfCancelled();
            return Optional.of(new StepFailure(migration.name(), step, section.file(), e.line(), e.databaseMessage()));
        } catch (SQLException e) {
            throw failure(e, "running the " + step.label() + " of " + migration.name());
        }
    }

    /**
     * What running the up of {@code migration} did, statement by statement ({@code lint --observe}).
     *
     * @param observed what each statement that ran did
     * @param failure the statement that failed, if one did: the ones after it did not run
     */
    record ObservedUp(List<Observer.Observed> observed, Optional<StepFailure> failure) {}

    /** Runs the up of {@code migration}, observing each statement. */
    ObservedUp observe(Migration migration) {
        Section up = migration.up();
        cancellation.doing("observing the up of " + migration.name());
        try {
            return new ObservedUp(
                    new Observer(connection, dialect, cancellation.canceller())
                            .run(up.statements(dialect.splitRules(), placeholders()), up.transactional()),
                    Optional.empty());
        } catch (StatementFailedException e) {
            cancellation.throwIfCancelled();
            return new ObservedUp(
                    List.of(),
                    Optional.of(new StepFailure(migration.name(), Step.UP, up.file(), e.line(), e.databaseMessage())));
        } catch (SQLException e) {
            throw failure(e, "observing the up of " + migration.name());
        }
    }

    /** The placeholders' values on the scratch database: a fleet's {@code ${target}} is its default schema. */
    private Placeholders placeholders() {
        return fleet ? placeholders.with(Targets.PLACEHOLDER, dialect.defaultSchema(scratch.name())) : placeholders;
    }

    /** The scratch database's schema now. */
    SchemaSnapshot snapshot() {
        cancellation.doing("reading the scratch database's schema");
        try {
            return watch.read();
        } catch (SQLException e) {
            throw failure(e, "reading the schema");
        }
    }

    /** The SQL that builds the scratch database's schema as it is now, and drops it ({@code squash}). */
    SchemaScript.Script script() {
        cancellation.doing("writing the scratch database's schema as SQL");
        try {
            return dialect.schemaScript().write(connection, Set.of());
        } catch (SQLFeatureNotSupportedException e) {
            throw new ValidationException(
                    "Cannot squash: " + e.getMessage() + ". Nothing was written; squash up to a version before the"
                            + " migration that makes it.",
                    List.of());
        } catch (SQLException e) {
            throw failure(e, "writing the schema as SQL");
        }
    }

    /**
     * Whether the down and the up again of {@code migration} can run in a transaction that is rolled
     * back when they fail: the database's DDL is transactional and neither section opts out.
     */
    boolean canUndo(Migration migration) {
        return dialect.transactionalDdl()
                && migration.up().transactional()
                && migration.down().transactional();
    }

    /** Opens a transaction (see {@link #canUndo}). */
    void begin() {
        try {
            connection.setAutoCommit(false);
        } catch (SQLException e) {
            throw failure(e, "starting a transaction");
        }
    }

    /** Ends the transaction {@link #begin} opened, keeping ({@code keep}) or undoing what ran in it. */
    void end(boolean keep) {
        try {
            if (keep) {
                connection.commit();
            } else {
                connection.rollback();
                watch.rolledBack();
            }
            connection.setAutoCommit(true);
        } catch (SQLException e) {
            throw failure(e, keep ? "committing" : "rolling back");
        }
    }

    /**
     * Replaces the scratch database with a new one that has the ups of {@code migrations} applied, in
     * order: how a database whose DDL commits gets back to the state after a migration whose down
     * went wrong. Returns the first up that fails (which would mean an up that does not repeat).
     */
    Optional<StepFailure> rebuild(List<Migration> migrations) {
        closeConnection();
        String targetLike = scratch.url();
        scratch.drop();
        scratch = ScratchDatabase.create(dialect, targetLike, connector);
        connect(); // if this fails, close() drops the new database
        for (Migration migration : migrations) {
            Optional<StepFailure> failure = run(migration, Step.UP);
            if (failure.isPresent()) {
                return failure;
            }
        }
        return Optional.empty();
    }

    /**
     * Connects afresh to the same scratch database, as a later command would: H2 binds a view it made
     * before its tables (a {@code FORCE} view) to them only when the database is opened again. The new
     * connection opens before the old one closes, so that a database in memory lives on.
     */
    void reconnect() {
        Connection old = connection;
        connect();
        try {
            old.close();
        } catch (SQLException e) {
            // The new connection carries on; the old one goes with the database at the end.
        }
    }

    /** Closes the connection and drops the scratch database; never throws. */
    @Override
    public void close() {
        closeConnection();
        scratch.drop();
    }

    private void connect() {
        try {
            connection =
                    connector.forUrl(scratch.url()).open(false, lockTimeout).connection();
            connection.setAutoCommit(true);
            runner = new StatementRunner(connection, dialect, cancellation.canceller());
            watch = reader.watch(connection);
        } catch (SQLException e) {
            throw failure(e, "connecting");
        }
    }

    private void closeConnection() {
        try {
            if (connection != null) {
                connection.close();
            }
        } catch (SQLException e) {
            // Dropping the database follows, which is what matters.
        }
        connection = null;
    }

    /**
     * On an interrupt, after the statement running was cancelled on the server: the connection is cut
     * too, so that a catalog read (which no canceller watches) ends as well. The scratch database is
     * dropped next, whatever state it is in.
     */
    private void cutConnection() {
        Connection open = connection;
        if (open != null) {
            try {
                open.abort(Runnable::run);
            } catch (SQLException | SecurityException e) {
                // Closing the session drops the database, which ends its server session anyway.
            }
        }
    }

    private RuntimeException failure(SQLException e, String doing) {
        cancellation.throwIfCancelled();
        return ConnectionFailures.working(
                scratch.toString(),
                doing + " for " + cancellation.command(),
                dialect,
                e,
                "That is the scratch database; the target database was not touched.");
    }
}
