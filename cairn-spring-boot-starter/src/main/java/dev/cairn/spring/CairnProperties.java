// SPDX-License-Identifier: Apache-2.0
package dev.cairn.spring;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code cairn.*} properties. What is not set here takes Cairn's own default (see
 * {@code dev.cairn.EnvironmentConfig}); only {@code locations} has a default of its own, the Spring
 * convention {@code classpath:db/migrations}.
 */
@ConfigurationProperties("cairn")
public class CairnProperties {

    /** The location that is read when {@code cairn.locations} is not set. */
    public static final String DEFAULT_LOCATION = "classpath:db/migrations";

    /** Whether to migrate at start-up (and make a Cairn bean). */
    private boolean enabled = true;

    /**
     * Where migrations are read from, merged into one ordered set: classpath:PACKAGE (SQL files and
     * JavaMigration classes, also inside the application's jar) or filesystem:PATH.
     */
    private List<String> locations = new ArrayList<>(List.of(DEFAULT_LOCATION));

    /** The tracking table; Cairn's default is cairn_migrations. */
    private String table;

    /** The schema that holds the tracking table; default the connection's own. */
    private String schema;

    /** How long to wait for another runner's lock (another replica migrating) before the start fails. */
    private Duration lockTimeout;

    /**
     * The longest each migration statement waits for a table lock before it gives up and is tried again
     * (three more times), so that a migration does not stall the application's queries behind it.
     */
    private Duration lockTimeoutDdl;

    /** Whether a pending migration older than the newest applied one is applied instead of refused. */
    private boolean allowOutOfOrder;

    /** Migrate only up to this version (inclusive); default every pending migration. */
    private String target;

    /**
     * JDBC URL of the database to migrate, for a migration user of its own; default the application's
     * DataSource. With only cairn.user set, spring.datasource.url.
     */
    private String url;

    /** User to migrate as, with cairn.url (or spring.datasource.url); default the DataSource's own. */
    private String user;

    /** Password of cairn.user. Never logged. */
    private String password;

    /**
     * Port on which to answer health probes while the start-up migration runs (liveness UP, readiness
     * OUT_OF_SERVICE), usually server.port or management.server.port; default none. Freed before the
     * web server starts.
     */
    private Integer probePort;

    /** Creates the properties with their defaults; Spring binds {@code cairn.*} onto them. */
    public CairnProperties() {}

    /** Whether to migrate at start-up. */
    public boolean isEnabled() {
        return enabled;
    }

    /** Sets {@code cairn.enabled}. */
    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    /** Where migrations are read from. */
    public List<String> getLocations() {
        return locations;
    }

    /** Sets {@code cairn.locations}. */
    public void setLocations(List<String> locations) {
        this.locations = new ArrayList<>(locations);
    }

    /** The tracking table, or null for Cairn's default. */
    public String getTable() {
        return table;
    }

    /** Sets {@code cairn.table}. */
    public void setTable(String table) {
        this.table = table;
    }

    /** The tracking table's schema, or null. */
    public String getSchema() {
        return schema;
    }

    /** Sets {@code cairn.schema}. */
    public void setSchema(String schema) {
        this.schema = schema;
    }

    /** How long to wait for the lock, or null for Cairn's default. */
    public Duration getLockTimeout() {
        return lockTimeout;
    }

    /** Sets {@code cairn.lock-timeout}. */
    public void setLockTimeout(Duration lockTimeout) {
        this.lockTimeout = lockTimeout;
    }

    /** How long a migration statement waits for a table lock, or null for no bound. */
    public Duration getLockTimeoutDdl() {
        return lockTimeoutDdl;
    }

    /** Sets {@code cairn.lock-timeout-ddl}. */
    public void setLockTimeoutDdl(Duration lockTimeoutDdl) {
        this.lockTimeoutDdl = lockTimeoutDdl;
    }

    /** Whether out-of-order migrations are applied. */
    public boolean isAllowOutOfOrder() {
        return allowOutOfOrder;
    }

    /** Sets {@code cairn.allow-out-of-order}. */
    public void setAllowOutOfOrder(boolean allowOutOfOrder) {
        this.allowOutOfOrder = allowOutOfOrder;
    }

    /** The version to migrate up to, or null for all. */
    public String getTarget() {
        return target;
    }

    /** Sets {@code cairn.target}. */
    public void setTarget(String target) {
        this.target = target;
    }

    /** The migration's own JDBC URL, or null. */
    public String getUrl() {
        return url;
    }

    /** Sets {@code cairn.url}. */
    public void setUrl(String url) {
        this.url = url;
    }

    /** The migration user, or null. */
    public String getUser() {
        return user;
    }

    /** Sets {@code cairn.user}. */
    public void setUser(String user) {
        this.user = user;
    }

    /** The migration user's password, or null. */
    public String getPassword() {
        return password;
    }

    /** Sets {@code cairn.password}. */
    public void setPassword(String password) {
        this.password = password;
    }

    /** The port to answer health probes on while migrating, or null. */
    public Integer getProbePort() {
        return probePort;
    }

    /** Sets {@code cairn.probe-port}. */
    public void setProbePort(Integer probePort) {
        if (probePort != null && (probePort < 1 || probePort > 65_535)) {
            throw new IllegalArgumentException("must be a TCP port from 1 to 65535, not " + probePort);
        }
        this.probePort = probePort;
    }
}
