// SPDX-License-Identifier: Apache-2.0
package dev.cairn.testing;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Decides where a server engine's test databases live. The rules, in order:
 *
 * <ol>
 *   <li>If the spec's variable (e.g. {@code CAIRN_TEST_POSTGRES_URL}) is set, use that server; if it
 *       cannot be reached, fail: the user asked for it, so falling back would hide a mistake.
 *   <li>Else use the default URL (e.g. 127.0.0.1:5432) if a connection succeeds.
 *   <li>Else, under {@code CI=true}, fail: CI must run every database test.
 *   <li>Else start the embedded server, if the engine has one.
 *   <li>Else the engine is unavailable: its tests are skipped and the run ends with a banner.
 * </ol>
 *
 * <p>A pure function of the spec and the environment map, so tests can drive every branch without
 * stopping the real server.
 */
final class Discovery {
    private Discovery() {}

    /** Where tests can make databases, or why they cannot. */
    sealed interface Outcome permits Found, Unavailable {}

    /**
     * A server that answered.
     *
     * @param admin the address of a database to connect to for CREATE and DROP DATABASE
     * @param description what served the tests, for the end-of-run line, e.g. "embedded PostgreSQL 15.19"
     */
    record Found(ServerAddress admin, String description) implements Outcome {}

    /**
     * No server could be had; the engine's tests are skipped.
     *
     * @param reason why, naming what was tried
     * @param howToEnable what the user can do about it
     */
    record Unavailable(String reason, String howToEnable) implements Outcome {}

    /**
     * Applies the rules above.
     *
     * @throws MissingServerException when a server is required but cannot be reached
     */
    static Outcome discover(ServerSpec spec, Map<String, String> env) {
        String variable = spec.urlVariable();
        String howToEnable = spec.startHint() + ", or set " + variable + "=" + spec.urlExample();

        String configured = env.get(variable);
        if (configured != null && !configured.isBlank()) {
            ServerAddress address;
            try {
                address = ServerAddress.parse(configured.strip());
            } catch (IllegalArgumentException e) {
                throw new MissingServerException(variable + " is not usable: " + e.getMessage() + ".");
            }
            Probe probe = probe(address, spec);
            if (probe.failure() == null) {
                return new Found(address, probe.product() + " at " + address + ", from " + variable);
            }
            throw new MissingServerException(variable + " names a " + spec.product()
                    + " server that cannot be reached: " + address + " (" + probe.failure()
                    + "). Start that server, correct " + variable + ", or unset it to try " + spec.defaultUrl()
                    + " instead.");
        }

        ServerAddress fallback = ServerAddress.parse(spec.defaultUrl());
        Probe probe = probe(fallback, spec);
        if (probe.failure() == null) {
            return new Found(fallback, probe.product() + " at " + fallback);
        }
        String noServer = "no " + spec.product() + " answers at " + fallback + " (" + probe.failure() + ")";
        if (isCi(env)) {
            throw new MissingServerException(
                    spec.product() + " is required when CI=true, but " + noServer + ". To fix: " + howToEnable + ".");
        }
        Optional<ServerSpec.EmbeddedServer> embedded = spec.embedded();
        if (embedded.isEmpty()) {
            return new Unavailable(noServer + ", and there is no embedded " + spec.product(), howToEnable);
        }
        try {
            return embedded.get().start();
        } catch (Exception | LinkageError e) {
            // LinkageError too: an embedded server missing its native binaries fails that way.
            return new Unavailable(
                    noServer + ", and embedded " + spec.product() + " could not start: " + messages(e), howToEnable);
        }
    }

    /** Returns whether the environment says this is a CI run ({@code CI=true}, as CI services set it). */
    static boolean isCi(Map<String, String> env) {
        String ci = env.getOrDefault("CI", "").strip().toLowerCase(Locale.ROOT);
        return ci.equals("true") || ci.equals("1") || ci.equals("yes");
    }

    /** Returns the messages of {@code e} and its causes, each once, joined by ": ". */
    static String messages(Throwable e) {
        List<String> parts = new ArrayList<>();
        for (Throwable t = e; t != null; t = t.getCause()) {
            String message = t.getMessage() == null
                    ? t.getClass().getSimpleName()
                    : t.getMessage().strip();
            if (parts.stream().noneMatch(p -> p.contains(message))) {
                parts.add(message);
            }
        }
        return String.join(": ", parts);
    }

    private record Probe(String product, String failure) {}

    private static Probe probe(ServerAddress address, ServerSpec spec) {
        try (Connection c = address.connect(spec.probeProperties())) {
            DatabaseMetaData meta = c.getMetaData();
            return new Probe(meta.getDatabaseProductName() + " " + meta.getDatabaseProductVersion(), null);
        } catch (SQLException e) {
            // The driver's first sentence says it ("Connection to 127.0.0.1:5432 refused"); the rest
            // is generic advice that would bury the banner.
            String message = messages(e);
            int end = message.indexOf(". ");
            return new Probe(null, end < 0 ? message : message.substring(0, end));
        }
    }
}
