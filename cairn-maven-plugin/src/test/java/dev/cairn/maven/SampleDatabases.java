// SPDX-License-Identifier: Apache-2.0
package dev.cairn.maven;

import dev.cairn.Redaction;
import java.io.File;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.UUID;

/**
 * What the invoker's scripts ({@code src/it/}{@code *}{@code /setup.groovy}, {@code selector.groovy},
 * {@code verify.groovy}) use to look at a sample project's database and build log, on the test class path
 * that the invoker gives them. Drivers are made directly rather than asked of {@code DriverManager}, which
 * hands out only drivers that the calling class's loader sees (a Groovy script's is not this one's).
 */
public final class SampleDatabases {

    /** The environment variable with a PostgreSQL admin URL, as the project's own tests read it. */
    static final String POSTGRES_URL_VARIABLE = "CAIRN_TEST_POSTGRES_URL";

    private static final String DEFAULT_POSTGRES_URL = "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres";

    /** The environment variable with a MariaDB (or MySQL) admin URL, as the project's own tests read it. */
    static final String MARIADB_URL_VARIABLE = "CAIRN_TEST_MARIADB_URL";

    private static final String DEFAULT_MARIADB_URL = "jdbc:mariadb://127.0.0.1:3306/?user=root";

    private SampleDatabases() {}

    /** Each row of {@code sql}'s result as its columns joined with {@code |}. */
    public static List<String> rows(String url, String sql) throws SQLException {
        return rows(url, null, null, sql);
    }

    /** As {@link #rows(String, String)}, connecting as {@code user} with {@code password}. */
    public static List<String> rows(String url, String user, String password, String sql) throws SQLException {
        try (Connection connection = connect(url, user, password);
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            List<String> rows = new ArrayList<>();
            int columns = result.getMetaData().getColumnCount();
            while (result.next()) {
                StringBuilder row = new StringBuilder();
                for (int column = 1; column <= columns; column++) {
                    row.append(column > 1 ? "|" : "").append(result.getString(column));
                }
                rows.add(row.toString());
            }
            return rows;
        }
    }

    /** Runs {@code sql}, which returns no rows. */
    public static void execute(String url, String user, String password, String sql) throws SQLException {
        try (Connection connection = connect(url, user, password);
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    /** The names of the tables of the database's default schema, sorted, in lower case. */
    public static List<String> tables(String url, String user, String password) throws SQLException {
        String sql;
        if (url.startsWith("jdbc:sqlite:")) {
            sql = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'";
        } else if (url.startsWith("jdbc:h2:")) {
            sql = "SELECT table_name FROM information_schema.tables WHERE table_schema = 'PUBLIC'";
        } else if (url.startsWith("jdbc:mariadb:")) {
            sql = "SELECT table_name FROM information_schema.tables WHERE table_schema = database()";
        } else {
            sql = "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'";
        }
        return rows(url, user, password, sql).stream()
                .map(name -> name.toLowerCase(Locale.ROOT))
                .sorted()
                .toList();
    }

    /** As {@link #tables(String, String, String)}, without credentials. */
    public static List<String> tables(String url) throws SQLException {
        return tables(url, null, null);
    }

    /** The sample build's log, {@code build.log} in its directory. */
    public static String log(File basedir) throws IOException {
        return Files.readString(new File(basedir, "build.log").toPath());
    }

    /** The URL of the PostgreSQL server's admin database: {@value #POSTGRES_URL_VARIABLE}, else the local server. */
    public static String postgresAdminUrl() {
        String given = System.getenv(POSTGRES_URL_VARIABLE);
        return given == null || given.isBlank() ? DEFAULT_POSTGRES_URL : given;
    }

    /** {@link #postgresAdminUrl()} with {@code database} instead of its database. */
    public static String postgresUrl(String database) {
        return withDatabase(postgresAdminUrl(), database);
    }

    /** {@code adminUrl} with {@code database} in place of the database it names. */
    static String withDatabase(String adminUrl, String database) {
        int query = adminUrl.indexOf('?');
        String base = query < 0 ? adminUrl : adminUrl.substring(0, query);
        String parameters = query < 0 ? "" : adminUrl.substring(query);
        int slash = base.indexOf('/', base.indexOf("//") + 2);
        return (slash < 0 ? base : base.substring(0, slash)) + "/" + database + parameters;
    }

    /**
     * Whether a PostgreSQL sample should build, for its {@code selector.groovy}: see {@link #selected}.
     *
     * @throws IllegalStateException if the server does not answer and {@code CI} is {@code true}
     */
    public static boolean postgresSelected(String sample) {
        return selected(
                sample,
                postgresAdminUrl(),
                "PostgreSQL 15 on 127.0.0.1:5432 (user postgres, trust)",
                POSTGRES_URL_VARIABLE);
    }

    /**
     * Whether a MariaDB sample should build, for its {@code selector.groovy}: see {@link #selected}.
     *
     * @throws IllegalStateException if the server does not answer and {@code CI} is {@code true}
     */
    public static boolean mariadbSelected(String sample) {
        return selected(
                sample,
                mariadbAdminUrl(),
                "MariaDB 10.11 on 127.0.0.1:3306 (user root, no password)",
                MARIADB_URL_VARIABLE);
    }

    /**
     * Yes if the server at {@code adminUrl} answers; with {@code CI=true} a server that does not is a
     * failure, never a skip; elsewhere the sample is skipped with a banner that says how to run it.
     */
    private static boolean selected(String sample, String adminUrl, String server, String variable) {
        try {
            rows(adminUrl, "SELECT 1");
            return true;
        } catch (SQLException e) {
            String reason = Redaction.url(adminUrl) + " does not answer (" + e.getMessage() + ")";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException(
                        reason + ": the sample build " + sample + " needs it, and CI=true does not skip it.", e);
            }
            String banner = "*".repeat(100);
            String message = banner + System.lineSeparator() + "SKIPPED " + sample + ": " + reason + "."
                    + System.lineSeparator() + "Start " + server + ", or set " + variable
                    + " to an admin URL, to run it; with CI=true it fails instead." + System.lineSeparator()
                    + banner;
            // In the sample's build.log (where the invoker sends a script's System.out), and on the console
            // of the build that runs the invoker, where a skip would otherwise be one word in the summary.
            System.out.println(message);
            PrintStream console = new PrintStream(new FileOutputStream(FileDescriptor.out), true);
            console.println(message);
            return false;
        }
    }

    /** The URL of the MariaDB server, naming no database: {@value #MARIADB_URL_VARIABLE}, else the local server. */
    public static String mariadbAdminUrl() {
        String given = System.getenv(MARIADB_URL_VARIABLE);
        return given == null || given.isBlank() ? DEFAULT_MARIADB_URL : given;
    }

    /** {@link #mariadbAdminUrl()} naming {@code database}, with {@code scheme} ({@code mysql}, {@code mariadb}). */
    public static String mariadbUrl(String database, String scheme) {
        String url = withDatabase(mariadbAdminUrl(), database);
        return "jdbc:" + scheme + url.substring(url.indexOf(':', "jdbc:".length()));
    }

    /** Creates a MariaDB database with a name no other run uses, and returns the name. */
    public static String createMariadbDatabase() throws SQLException {
        String name = uniqueName();
        execute(mariadbAdminUrl(), null, null, "CREATE DATABASE " + name);
        return name;
    }

    /** Drops the MariaDB database. */
    public static void dropMariadbDatabase(String name) throws SQLException {
        execute(mariadbAdminUrl(), null, null, "DROP DATABASE IF EXISTS " + name);
    }

    private static String uniqueName() {
        return "cairn_mvn_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    }

    /** Creates a PostgreSQL database with a name no other run uses, and returns the name. */
    public static String createPostgresDatabase() throws SQLException {
        String name =
                "cairn_mvn_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        execute(postgresAdminUrl(), null, null, "CREATE DATABASE " + name);
        return name;
    }

    /** Drops the PostgreSQL database (and ends its sessions, such as a pool that outlived the build). */
    public static void dropPostgresDatabase(String name) throws SQLException {
        execute(postgresAdminUrl(), null, null, "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }

    private static Connection connect(String url, String user, String password) throws SQLException {
        Properties properties = new Properties();
        if (user != null) {
            properties.setProperty("user", user);
        }
        if (password != null) {
            properties.setProperty("password", password);
        }
        Connection connection = driver(url).connect(url, properties);
        if (connection == null) {
            throw new SQLException("No driver takes " + url);
        }
        return connection;
    }

    private static Driver driver(String url) {
        if (url.startsWith("jdbc:sqlite:")) {
            return new org.sqlite.JDBC();
        } else if (url.startsWith("jdbc:h2:")) {
            return new org.h2.Driver();
        } else if (url.startsWith("jdbc:postgresql:")) {
            return new org.postgresql.Driver();
        } else if (url.startsWith("jdbc:mariadb:")) {
            return new org.mariadb.jdbc.Driver();
        }
        throw new IllegalArgumentException("No driver for " + url);
    }
}
