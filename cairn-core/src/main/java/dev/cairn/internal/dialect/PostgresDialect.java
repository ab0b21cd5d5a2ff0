// SPDX-License-Identifier: Apache-2.0
package dev.cairn.internal.dialect;

import dev.cairn.EnvironmentConfig.Ssl;
import dev.cairn.Targets;
import dev.cairn.internal.lint.LintRules;
import dev.cairn.internal.lock.AdvisoryLock;
import dev.cairn.internal.lock.ConnectionOpener;
import dev.cairn.internal.lock.Lock;
import dev.cairn.internal.schema.PostgresSchemaReader;
import dev.cairn.internal.schema.PostgresSchemaScript;
import dev.cairn.internal.schema.SchemaReader;
import dev.cairn.internal.schema.SchemaScript;
import dev.cairn.internal.sql.SplitRules;
import dev.cairn.internal.sql.TableName;
import dev.cairn.internal.sql.TransactionRules;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** PostgreSQL 12 and later: transactional DDL, a session-level advisory lock. */
public final class PostgresDialect implements Dialect {

    static final PostgresDialect INSTANCE = new PostgresDialect();

    /** The driver appends the error's offset in the statement to its message, on a line of its own. */
    private static final Pattern POSITION = Pattern.compile("\\R\\s*Position: (\\d+)");

    private final List<Client> clients = List.of(new Client(
            "postgresql",
            "PostgreSQL",
            "jdbc:postgresql:",
            "org.postgresql.Driver",
            "org.postgresql:postgresql",
            List.of("postgres", "pg"),
            this));

    private PostgresDialect() {}

    @Override
    public String name() {
        return "PostgreSQL";
    }

    @Override
    public List<Client> clients() {
        return clients;
    }

    @Override
    public boolean isProduct(String product) {
        return product.contains("postgresql");
    }

    @Override
    public Kind kind() {
        return Kind.SERVER;
    }

    private static final String KEEP_PREPARED = "flushCacheOnDdl=false";

    @Override
    public int defaultPort() {
        return 5432;
    }

    @Override
    public boolean supportsSsl() {
        return true;
    }

    /** pgjdbc's sslmode values: https://jdbc.postgresql.org/documentation/ssl/ */
    @Override
    public String sslModes() {
        return "use one of disable, allow, prefer, require, verify-ca, verify-full";
    }

    /** pgjdbc checks against its own root file, not Java's trust store (LibPQFactory). */
    @Override
    public String trustCertificate() {
        return "Put the certificate of the authority that signed the server's in ~/.postgresql/root.crt, or name"
                + " its file with sslrootcert=FILE in the URL";
    }

    /** pgjdbc's names: https://jdbc.postgresql.org/documentation/use/#connection-parameters (timeouts in seconds). */
    @Override
    public void addDriverProperties(Properties properties, Optional<Ssl> ssl, Duration connectTimeout) {
        ssl.ifPresent(mode -> properties.setProperty("sslmode", mode.label()));
        long millis = connectTimeout.toMillis();
        String seconds = Long.toString(millis / 1000 + (millis % 1000 == 0 ? 0 : 1));
        properties.setProperty("connectTimeout", seconds);
        properties.setProperty("loginTimeout", seconds);
        properties.setProperty("ApplicationName", "cairn");
        // The server is at least 9.4 (Cairn needs to_regclass): told so, pgjdbc sends the application name
        // in the start-up message rather than as a SET after it, a round trip and a statement less on
        // every connect. A URL's own assumeMinServerVersion still wins.
        properties.setProperty("assumeMinServerVersion", "9.4");
    }

    /**
     * verify reads the scratch database's catalogs again after every migration's DDL. pgjdbc forgets
     * its prepared statements after any DDL unless told not to ({@code flushCacheOnDdl}, 42.7.x), and
     * preparing the catalog queries again took a third of each read. What the flush guards against, a
     * prepared statement whose result columns a DDL changed, cannot happen to queries of the catalogs.
     */
    @Override
    public String scratchUrl(String targetUrl, String name, Path directory) {
        String url = Dialect.super.scratchUrl(targetUrl, name, directory);
        return url.contains(KEEP_PREPARED) ? url : url + (url.contains("?") ? "&" : "?") + KEEP_PREPARED;
    }

    @Override
    public Optional<String> targetsQuery(Targets.Kind kind) {
        return Optional.of(
                kind == Targets.Kind.SCHEMAS
                        ? "SELECT nspname FROM pg_namespace WHERE nspname LIKE ? ORDER BY nspname"
                        : "SELECT datname FROM pg_database WHERE datname LIKE ? AND datallowconn"
                                + " AND NOT datistemplate ORDER BY datname");
    }

    /** What PgBouncer resets a session with; pgjdbc drops its cache of prepared statements on seeing it. */
    @Override
    public Optional<String> resetSession() {
        return Optional.of("DISCARD ALL");
    }

    /** The search path, whose first schema is where unqualified names are made and looked for. */
    @Override
    public String useSchema(String schema) {
        return "SET search_path TO " + quote(schema);
    }

    /** {@code WITH (FORCE)} ends sessions still in it, such as one an interrupted statement left (13+; 12 fails it). */
    @Override
    public List<String> dropDatabase(String name) {
        String drop = "DROP DATABASE IF EXISTS " + quote(name);
        return List.of(drop + " WITH (FORCE)", drop);
    }

    @Override
    public String defaultSchema(String database) {
        return "public";
    }

    @Override
    public LintRules lintRules() {
        return LintRules.POSTGRESQL;
    }

    /**
     * {@code lock_timeout} (its documentation: a statement that waits longer than this for any lock fails
     * with SQLSTATE 55P03, lock_not_available), in milliseconds so that any duration is exact.
     */
    @Override
    public Optional<DdlLockTimeout> ddlLockTimeout() {
        return Optional.of(new DdlLockTimeout(
                timeout -> "SET lock_timeout = '" + Math.max(1, timeout.toMillis()) + "ms'",
                "RESET lock_timeout",
                e -> "55P03".equals(e.getSQLState())));
    }

    /** The CREATE INDEX CONCURRENTLY that {@link #failureHint} recognises, and the index it names. */
    private static final Pattern CONCURRENT_INDEX =
            Pattern.compile("(?is)^\\s*create\\s+(?:unique\\s+)?index\\s+concurrently\\s+(?:if\\s+not\\s+exists\\s+)?"
                    + "(\"(?:[^\"]|\"\")+\"|[\\w$.]+)");

    /**
     * PostgreSQL's documentation of CREATE INDEX: "If a problem arises while scanning the table ... the
     * CREATE INDEX command will fail but leave behind an 'invalid' index", which is still updated on every
     * write and makes a second run fail with "already exists".
     */
    @Override
    public Optional<String> failureHint(String sql) {
        Matcher index = CONCURRENT_INDEX.matcher(sql);
        if (!index.find()) {
            return Optional.empty();
        }
        String name = index.group(1).equalsIgnoreCase("on") ? null : index.group(1);
        return Optional.of("A failed CREATE INDEX CONCURRENTLY can leave its index behind, marked invalid: not"
                + " used by queries, yet updated by every write. Drop it ("
                + (name == null
                        ? "psql's \\d TABLE lists it as INVALID; DROP INDEX CONCURRENTLY it"
                        : "DROP INDEX CONCURRENTLY IF EXISTS " + name)
                + ") before running the command again.");
    }

    /**
     * Locks from {@code pg_locks} of this backend (granted relation locks on tables), rewrites from a
     * changed {@code relfilenode} (the documentation of {@code pg_class}: it changes when the table's
     * storage is replaced, as by a rewriting ALTER TABLE, CLUSTER or VACUUM FULL).
     */
    @Override
    public Optional<Observing> observing() {
        String schema = "c.relnamespace = current_schema()::regnamespace";
        return Optional.of(new Observing(
                Optional.of("SELECT c.relname, l.mode FROM pg_locks l JOIN pg_class c ON c.oid = l.relation"
                        + " WHERE l.pid = pg_backend_pid() AND l.locktype = 'relation' AND l.granted"
                        + " AND c.relkind IN ('r', 'p', 'm') AND " + schema),
                Optional.of(
                        "SELECT c.relname, c.relfilenode FROM pg_class c WHERE c.relkind IN ('r', 'm') AND " + schema),
                List.of(),
                "SELECT c.relname, c.reltuples::bigint, pg_total_relation_size(c.oid) FROM pg_class c"
                        + " WHERE c.relkind IN ('r', 'p', 'm') AND " + schema));
    }

    @Override
    public SplitRules splitRules() {
        return SplitRules.POSTGRESQL;
    }

    @Override
    public boolean transactionalDdl() {
        return true;
    }

    @Override
    public TransactionRules transactionRules() {
        return TransactionRules.POSTGRESQL;
    }

    /**
     * to_regclass resolves an unqualified name through the search path, as CREATE TABLE does, and
     * answers NULL instead of failing when the table (or its schema) is missing.
     */
    @Override
    public Query tableExists(TableName table) {
        return new Query("SELECT CASE WHEN to_regclass(?) IS NULL THEN 0 ELSE 1 END", qualify(table));
    }

    @Override
    public Lock lock(Connection connection, TableName table, ConnectionOpener another) {
        return new AdvisoryLock(connection, table);
    }

    @Override
    public String stopLockHolder() {
        return "SELECT pg_terminate_backend(pid), with the pid above";
    }

    @Override
    public SchemaReader schemaReader() {
        return new PostgresSchemaReader();
    }

    @Override
    public SchemaScript schemaScript() {
        return new PostgresSchemaScript();
    }

    @Override
    public OptionalInt errorPosition(SQLException e) {
        Matcher matcher = POSITION.matcher(String.valueOf(e.getMessage()));
        return matcher.find() ? OptionalInt.of(Integer.parseInt(matcher.group(1))) : OptionalInt.empty();
    }

    @Override
    public String message(SQLException e) {
        return POSITION.matcher(Dialect.super.message(e)).replaceAll("").strip();
    }

    /** "out of shared memory", with the hint to raise max_locks_per_transaction. */
    @Override
    public boolean isOutOfLockSpace(SQLException e) {
        return "53200".equals(e.getSQLState()) && String.valueOf(e.getMessage()).contains("max_locks_per_transaction");
    }
}
