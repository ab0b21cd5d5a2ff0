// SPDX-License-Identifier: Apache-2.0
package dev.cairn.internal.dialect;

import dev.cairn.EnvironmentConfig.Ssl;
import dev.cairn.Targets;
import dev.cairn.internal.lint.LintRules;
import dev.cairn.internal.lock.ConnectionOpener;
import dev.cairn.internal.lock.Lock;
import dev.cairn.internal.lock.NamedLock;
import dev.cairn.internal.schema.MysqlSchemaReader;
import dev.cairn.internal.schema.MysqlSchemaScript;
import dev.cairn.internal.schema.SchemaReader;
import dev.cairn.internal.schema.SchemaScript;
import dev.cairn.internal.sql.SplitRules;
import dev.cairn.internal.sql.TableName;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * MySQL 8 and MariaDB 10.6+, through MariaDB Connector/J, which speaks to both. DDL commits
 * implicitly, so migrations run statement by statement ({@link #transactionalDdl()} is false); the
 * lock is a session-level named lock ({@code GET_LOCK}). A schema is a database here, so
 * {@code migrations.schema} names the database that holds the tracking table.
 */
public final class MysqlDialect implements Dialect {

    static final MysqlDialect INSTANCE = new MysqlDialect();

    private static final String MYSQL_PREFIX = "jdbc:mysql:";
    private static final String MARIADB_PREFIX = "jdbc:mariadb:";
    private static final String MARIADB_DRIVER = "org.mariadb.jdbc:mariadb-java-client";

    /** Connector/J puts the connection id first: {@code (conn=42) Table 'x' already exists}. */
    private static final Pattern CONNECTION_PREFIX = Pattern.compile("^\\(conn=\\d+\\)\\s*");

    /** The server says where a syntax error is: {@code … near 'x' at line 3}, counting in the statement. */
    private static final Pattern AT_LINE = Pattern.compile(" at line (\\d+)\\s*$");

    /** MySQL URLs go to the MariaDB driver where MySQL's own is missing (see {@link #driverUrl}). */
    private final List<Client> clients = List.of(
            new Client("mysql", "MySQL", MYSQL_PREFIX, "com.mysql.cj.jdbc.Driver", MARIADB_DRIVER, List.of(), this),
            new Client(
                    "mariadb", "MariaDB", MARIADB_PREFIX, "org.mariadb.jdbc.Driver", MARIADB_DRIVER, List.of(), this));

    private MysqlDialect() {}

    @Override
    public String name() {
        return "MySQL/MariaDB";
    }

    @Override
    public List<Client> clients() {
        return clients;
    }

    @Override
    public boolean isProduct(String product) {
        return product.contains("mysql") || product.contains("mariadb");
    }

    @Override
    public Kind kind() {
        return Kind.SERVER;
    }

    @Override
    public int defaultPort() {
        return 3306;
    }

    @Override
    public boolean supportsSsl() {
        return true;
    }

    /** MariaDB Connector/J's sslMode values (its "Wrong argument value" message lists none). */
    @Override
    public String sslModes() {
        return "use one of disable, trust, verify-ca, verify-full";
    }

    /** MariaDB Connector/J checks against Java's trust store, or the certificate named by serverSslCert. */
    @Override
    public String trustCertificate() {
        return "Name the certificate of the authority that signed the server's with serverSslCert=FILE in the URL,"
                + " or add it to Java's trust store";
    }

    /**
     * MariaDB Connector/J's names
     * (https://mariadb.com/docs/connectors/mariadb-connector-j/about-mariadb-connector-j): the connect
     * timeout in milliseconds, and {@code sslMode}, whose {@code trust} encrypts without checking the
     * certificate, as {@code ssl: require} does for PostgreSQL.
     */
    @Override
    public void addDriverProperties(Properties properties, Optional<Ssl> ssl, Duration connectTimeout) {
        ssl.ifPresent(mode -> properties.setProperty(
                "sslMode",
                switch (mode) {
                    case DISABLE -> "disable";
                    case REQUIRE -> "trust";
                    case VERIFY_FULL -> "verify-full";
                }));
        properties.setProperty("connectTimeout", Long.toString(connectTimeout.toMillis()));
    }

    /**
     * MariaDB Connector/J, which the cairn tool ships for MySQL and MariaDB alike, refuses
     * {@code jdbc:mysql:} URLs unless told otherwise; so when no driver on the class path takes a
     * {@code jdbc:mysql:} URL (MySQL Connector/J would), the same URL goes to the MariaDB driver as
     * {@code jdbc:mariadb:}.
     */
    @Override
    public String driverUrl(String url) {
        if (!url.startsWith(MYSQL_PREFIX) || accepted(url)) {
            return url;
        }
        String mariadb = MARIADB_PREFIX + url.substring(MYSQL_PREFIX.length());
        return accepted(mariadb) ? mariadb : url;
    }

    private static boolean accepted(String url) {
        return JdbcDrivers.accepts(url);
    }

    /** A schema is a database here: either kind of target lists the databases. */
    @Override
    public Optional<String> targetsQuery(Targets.Kind kind) {
        return Optional.of("SELECT SCHEMA_NAME FROM information_schema.SCHEMATA WHERE SCHEMA_NAME LIKE ?"
                + " ORDER BY SCHEMA_NAME");
    }

    /** A schema is a database here: {@code USE} it. */
    @Override
    public String useSchema(String schema) {
        return "USE " + quote(schema);
    }

    @Override
    public LintRules lintRules() {
        return LintRules.MYSQL;
    }

    /**
     * {@code lock_wait_timeout}, which bounds the wait for a metadata lock (every ALTER, CREATE INDEX,
     * DROP and RENAME needs an exclusive one), in whole seconds (at least 1); giving up is error 1205,
     * ER_LOCK_WAIT_TIMEOUT. Its default is a year.
     */
    @Override
    public Optional<DdlLockTimeout> ddlLockTimeout() {
        return Optional.of(new DdlLockTimeout(
                timeout -> "SET SESSION lock_wait_timeout = " + Math.max(1, (timeout.toMillis() + 999) / 1000),
                "SET SESSION lock_wait_timeout = DEFAULT",
                e -> e.getErrorCode() == 1205));
    }

    /**
     * No lock view per session worth reading (performance_schema may be off); the algorithm the server
     * accepts for an ALTER TABLE tells what it must do instead: MySQL's and MariaDB's "Online DDL"
     * pages say an ALTER fails rather than do more than the ALGORITHM and LOCK clauses allow.
     */
    @Override
    public Optional<Observing> observing() {
        return Optional.of(new Observing(
                Optional.empty(),
                Optional.empty(),
                List.of(
                        new Algorithm("INSTANT", ", ALGORITHM=INSTANT"),
                        new Algorithm("INPLACE, LOCK=NONE", ", ALGORITHM=INPLACE, LOCK=NONE"),
                        new Algorithm("INPLACE", ", ALGORITHM=INPLACE")),
                "SELECT table_name, table_rows, data_length + index_length FROM information_schema.tables"
                        + " WHERE table_schema = DATABASE() AND table_type = 'BASE TABLE'"));
    }

    @Override
    public SplitRules splitRules() {
        return SplitRules.MYSQL;
    }

    @Override
    public boolean transactionalDdl() {
        return false;
    }

    @Override
    public String quote(String identifier) {
        return '`' + identifier + '`';
    }

    @Override
    public String quoteExactly(String identifier) {
        return '`' + identifier.replace("`", "``") + '`';
    }

    @Override
    public boolean schemasAreCatalogs() {
        return true;
    }

    @Override
    public Query tableExists(TableName table) {
        return new Query(
                "SELECT count(*) FROM information_schema.tables WHERE table_schema = COALESCE(?, DATABASE())"
                        + " AND table_name = ?",
                table.schema().orElse(null),
                table.table());
    }

    @Override
    public List<String> createHistoryTable(TableName table) {
        List<String> statements = new ArrayList<>();
        table.schema().ifPresent(schema -> statements.add("CREATE DATABASE IF NOT EXISTS " + quote(schema)));
        // datetime(3) holds UTC as written: a timestamp column would convert with the session's time zone
        // and end in 2038.
        statements.add("CREATE TABLE " + qualify(table) + " (" + Dialect.historyColumns("datetime(3)") + ")");
        return statements;
    }

    @Override
    public void bindInstant(PreparedStatement statement, int index, Instant instant) throws SQLException {
        statement.setObject(index, LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
    }

    @Override
    public Instant readInstant(ResultSet result, int index) throws SQLException {
        LocalDateTime value = result.getObject(index, LocalDateTime.class);
        return value == null ? null : value.toInstant(ZoneOffset.UTC);
    }

    @Override
    public Lock lock(Connection connection, TableName table, ConnectionOpener another) {
        return new NamedLock(connection, table);
    }

    @Override
    public String stopLockHolder() {
        return "KILL the connection id above";
    }

    @Override
    public SchemaReader schemaReader() {
        return new MysqlSchemaReader();
    }

    @Override
    public SchemaScript schemaScript() {
        return new MysqlSchemaScript();
    }

    @Override
    public int errorLineOffset(SQLException e, String sql) {
        Matcher matcher = AT_LINE.matcher(String.valueOf(e.getMessage()));
        return matcher.find() ? Math.max(0, Integer.parseInt(matcher.group(1)) - 1) : 0;
    }

    @Override
    public String message(SQLException e) {
        return CONNECTION_PREFIX.matcher(Dialect.super.message(e)).replaceFirst("");
    }
}
