// SPDX-License-Identifier: Apache-2.0
package dev.cairn.junit.internal;

import dev.cairn.junit.Engine;
import dev.cairn.junit.TestDatabaseException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * H2. In memory: the template is migrated once, written out with {@code SCRIPT TO} (H2's dump of the
 * schema and the rows, the tracking table's among them), and each copy is a new in-memory database
 * loaded with {@code RUNSCRIPT}: cheaper than migrating again once there are more than a few migrations
 * (see the README's figures). On disk ({@link Engine#H2_FILE}): the template is closed with
 * {@code SHUTDOWN}, which leaves one complete {@code .mv.db} file, and each copy is a copy of that file.
 *
 * <p>Every database is made as user {@value #USER} without a password, as H2's tools expect: the first
 * connection to a new H2 database decides its credentials.
 */
final class H2Template extends Template {
    static final String USER = "sa";
    private static final String FILE_SUFFIX = ".mv.db";
    private final boolean inMemory;
    private final TemporaryDirectory directory = new TemporaryDirectory("cairn-junit-h2-");
    private String template;

    H2Template(Settings settings) {
        super(settings);
        inMemory = settings.engine() == Engine.H2;
    }

    @Override
    void prepare() {
        String name = newName(TEMPLATE_PREFIX);
        Address address = address(name);
        migrate(address);
        template = name;
        try (Connection connection = connect(address);
                Statement statement = connection.createStatement()) {
            if (inMemory) {
                statement.execute("SCRIPT TO " + quote(script()));
            }
            statement.execute("SHUTDOWN");
        } catch (SQLException e) {
            throw new TestDatabaseException("Cannot save the migrated H2 template: " + e.getMessage(), e);
        }
    }

    @Override
    Address copyTo(String name) {
        Address address = address(name);
        if (inMemory) {
            try (Connection connection = connect(address);
                    Statement statement = connection.createStatement()) {
                statement.execute("RUNSCRIPT FROM " + quote(script()));
            } catch (SQLException e) {
                throw new TestDatabaseException("Cannot load the H2 template into " + name + ": " + e.getMessage(), e);
            }
        } else {
            try {
                Files.copy(
                        directory.path().resolve(template + FILE_SUFFIX),
                        directory.path().resolve(name + FILE_SUFFIX));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot copy the H2 template " + template, e);
            }
        }
        return address;
    }

    @Override
    void drop(Address copy) {
        // SHUTDOWN closes the database and every connection a test left open. IFEXISTS: never make a new
        // one only to shut it down.
        try (Connection connection = DriverManager.getConnection(copy.url() + ";IFEXISTS=TRUE", USER, "");
                Statement statement = connection.createStatement()) {
            statement.execute("SHUTDOWN");
        } catch (SQLException e) {
            // H2's DATABASE_NOT_FOUND_WITH_IF_EXISTS_1: it is gone already.
            if (e.getErrorCode() != 90146) {
                throw new TestDatabaseException("Cannot drop H2 database " + copy.name() + ": " + e.getMessage(), e);
            }
        }
        directory.deleteFilesOf(copy.name());
    }

    @Override
    public void close() {
        directory.delete();
    }

    private Path script() {
        return directory.path().resolve(template + ".sql");
    }

    private Address address(String name) {
        String url = inMemory
                // DB_CLOSE_DELAY=-1: the database lives until SHUTDOWN, not until its last connection closes.
                ? "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1"
                : "jdbc:h2:file:" + directory.path().resolve(name);
        return new Address(name, url, USER, null);
    }

    private static Connection connect(Address address) throws SQLException {
        return DriverManager.getConnection(address.url(), USER, "");
    }

    private static String quote(Path path) {
        return "'" + path.toString().replace("'", "''") + "'";
    }
}
