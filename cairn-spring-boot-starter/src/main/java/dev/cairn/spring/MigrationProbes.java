// SPDX-License-Identifier: Apache-2.0
package dev.cairn.spring;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Answers a platform's health probes while the start-up migration runs ({@code cairn.probe-port}).
 *
 * <p>Spring Boot's web server binds its port only after every singleton exists, so during a long
 * migration (or a wait for another replica's lock) a liveness probe finds nothing listening, and the
 * platform kills the pod in the middle of its migration. This small server holds that port until the
 * strategy returns: a liveness or health path answers 200 (the process is alive and working), a
 * readiness path 503 (no traffic yet), anything else 503 with {@code Retry-After}. It is closed before
 * the web server starts, which then binds the same port.
 */
final class MigrationProbes implements AutoCloseable {

    /** Seconds a client is told to wait before it asks again. */
    private static final String RETRY_AFTER = "5";

    /** The server, or null when the port could not be bound. */
    private final HttpServer server;

    private MigrationProbes(HttpServer server) {
        this.server = server;
    }

    /**
     * Starts answering on {@code port} of every address, or does nothing (and logs why) if the port
     * cannot be bound: the migration matters more than the probes.
     */
    static MigrationProbes open(int port) {
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(port), 0);
        } catch (IOException e) {
            StartupLog.LOG.warn(
                    "Cannot answer health probes on port {} while migrating ({}); migrating without them",
                    port,
                    e.getMessage());
            return new MigrationProbes(null);
        }
        server.createContext("/", MigrationProbes::answer);
        server.start();
        StartupLog.LOG.info(
                "Answering health probes on port {} while migrating (liveness UP, readiness OUT_OF_SERVICE)",
                server.getAddress().getPort());
        return new MigrationProbes(server);
    }

    private static void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath().toLowerCase(Locale.ROOT);
            int status;
            String body;
            // readiness, /ready, /readyz
            if (path.contains("readi") || path.contains("ready")) {
                status = 503;
                body = "{\"status\":\"OUT_OF_SERVICE\",\"cairn\":\"migrating\"}";
            } else if (path.contains("live") || path.contains("health")) {
                status = 200;
                body = "{\"status\":\"UP\",\"cairn\":\"migrating\"}";
            } else {
                status = 503;
                body = "{\"status\":\"OUT_OF_SERVICE\",\"cairn\":\"migrating the database; try again shortly\"}";
                exchange.getResponseHeaders().set("Retry-After", RETRY_AFTER);
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            boolean head = "HEAD".equalsIgnoreCase(exchange.getRequestMethod());
            exchange.sendResponseHeaders(status, head ? -1 : bytes.length);
            if (!head) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            }
        }
    }

    /** Stops answering and frees the port at once, for the web server to bind. */
    @Override
    public void close() {
        if (server == null) {
            return;
        }
        server.stop(0);
        StartupLog.LOG.debug("Stopped answering health probes");
    }
}
