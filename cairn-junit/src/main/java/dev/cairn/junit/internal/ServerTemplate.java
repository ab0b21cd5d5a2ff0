// SPDX-License-Identifier: Apache-2.0
package dev.cairn.junit.internal;

import dev.cairn.Redaction;
import dev.cairn.junit.TestDatabaseException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Objects;
import java.util.Properties;

/**
 * A template on a database server: the databases are made and dropped through the admin URL the
 * settings give, with the SQL that the subclass says.
 */
abstract class ServerTemplate extends Template {
    private ServerUrl server;

    ServerTemplate(Settings settings) {
        super(settings);
    }

    /** The admin URL when the settings give none (PostgreSQL's embedded server), or a failure that says what to do. */
    abstract String defaultUrl();

    /** Driver properties that bound how long connecting may take, so that a silent server fails quickly. */
    abstract Properties connectTimeouts();

    /** The SQL that makes the empty database {@code name}. */
    abstract String createSql(String name);

    /** Ends, on the admin connection, the sessions that would keep {@code name} from being dropped. */
    abstract void endSessions(Connection admin, String name) throws SQLException;

    /** The SQL that drops {@code name} if it exists. */
    abstract String dropSql(String name);

    /** The server, found on first use; {@link #prepare()} of a subclass starts with it. */
    final synchronized ServerUrl server() {
        if (server == null) {
            String url = settings.url().orElseGet(this::defaultUrl);
            String source = settings.url().isPresent() ? settings.urlSource() : "the embedded server";
            server = ServerUrl.parse(url, source);
            // Connect once now, so that a server that is down fails here with what to do, not in Cairn.
            try (Connection admin = admin()) {
                admin.isValid(1);
            } catch (SQLException e) {
                server = null;
                throw new TestDatabaseException(
                        "Cannot connect to " + settings.engine().displayName() + " at " + Redaction.url(url)
                                + " (from " + source + "): " + sentence(e.getMessage()) + " Start that server, or give"
                                + " another with " + settings.howToGiveUrl() + ". (A missing database fails the"
                                + " tests; it never skips them.)",
                        e);
            }
        }
        return server;
    }

    /** A new connection to the admin URL. */
    final Connection admin() throws SQLException {
        ServerUrl url = Objects.requireNonNull(server, "server() first");
        Properties properties = connectTimeouts();
        if (url.user() != null) {
            properties.setProperty("user", url.user());
        }
        if (url.password() != null) {
            properties.setProperty("password", url.password());
        }
        return DriverManager.getConnection(url.admin(), properties);
    }

    /** Makes the empty database {@code name}. */
    final Address create(String name) {
        ServerUrl url = server();
        execute("create", name, createSql(name));
        return url.address(name);
    }

    @Override
    final void drop(Address database) {
        drop(database.name());
    }

    /** Drops {@code name} and ends its sessions; one that is gone is not an error. */
    final void drop(String name) {
        try (Connection admin = admin();
                Statement statement = admin.createStatement()) {
            endSessions(admin, name);
            statement.execute(dropSql(name));
        } catch (SQLException e) {
            throw new TestDatabaseException(failed("drop", name, e), e);
        }
    }

    /** Runs {@code sql} on the admin connection. */
    final void execute(String what, String name, String sql) {
        try (Connection admin = admin();
                Statement statement = admin.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new TestDatabaseException(failed(what, name, e), e);
        }
    }

    /** The message for an admin statement that failed. */
    final String failed(String what, String name, SQLException e) {
        return "Cannot " + what + " " + settings.engine().displayName() + " database " + name + " on "
                + Redaction.url(server.admin()) + ": " + sentence(e.getMessage()) + " The user of "
                + settings.describeUrl()
                + " needs the right to create and drop databases.";
    }

    /** The driver's message as a sentence: with one full stop at its end, not two. */
    static String sentence(String message) {
        String text = message == null ? "" : message.strip();
        return text.endsWith(".") ? text : text + ".";
    }
}
