// SPDX-License-Identifier: Apache-2.0
package dev.cairn.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.JavaMigration;
import dev.cairn.MigrationListener;
import dev.cairn.MigrationRun;
import dev.cairn.testing.Engine;
import dev.cairn.testing.TestDatabase;
import dev.cairn.testing.TestDatabases;
import java.io.IOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * {@code cairn.probe-port}: while a long start-up migration runs, a platform's liveness probe on the
 * application's port is answered UP and its readiness probe OUT_OF_SERVICE, and the port is free again
 * once the migration is done, for the web server. Also a {@link MigrationListener} bean, which hears
 * the migration as the starter's log does.
 */
class ProbePortIT {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @RegisterExtension
    final TestDatabases databases = new TestDatabases();

    @Test
    void answersProbesWhileTheMigrationRunsAndFreesThePortAfterwards() throws Exception {
        TestDatabase db = databases.create(Engine.POSTGRESQL);
        int port = freePort();
        Blocking migration = new Blocking();
        List<String> heard = new CopyOnWriteArrayList<>();
        MigrationListener listener = new MigrationListener() {
            @Override
            public void migrationFinished(MigrationRun run) {
                heard.add(run.name());
            }
        };
        CompletableFuture<Throwable> start = startInBackground(application(db)
                .withBean(JavaMigration.class, () -> migration)
                .withBean(MigrationListener.class, () -> listener)
                .withPropertyValues("cairn.locations=classpath:cairn/spring/ok", "cairn.probe-port=" + port));
        try {
            assertThat(migration.running.await(60, TimeUnit.SECONDS))
                    .as("the migration started")
                    .isTrue();

            HttpResponse<String> liveness = get(port, "/actuator/health/liveness");
            assertThat(liveness.statusCode()).isEqualTo(200);
            assertThat(liveness.body()).contains("\"status\":\"UP\"", "migrating");
            assertThat(get(port, "/actuator/health").statusCode()).isEqualTo(200);
            assertThat(get(port, "/livez").statusCode()).isEqualTo(200);

            HttpResponse<String> readiness = get(port, "/actuator/health/readiness");
            assertThat(readiness.statusCode()).isEqualTo(503);
            assertThat(readiness.body()).contains("OUT_OF_SERVICE");

            assertThat(get(port, "/readyz").statusCode()).isEqualTo(503);

            HttpResponse<String> page = get(port, "/orders");
            assertThat(page.statusCode()).isEqualTo(503);
            assertThat(page.headers().firstValue("Retry-After")).contains("5");
        } finally {
            migration.release.countDown();
        }
        assertThat(start.get(60, TimeUnit.SECONDS)).as("the start's failure").isNull();
        assertThat(heard)
                .containsExactly(
                        "20260101000000_create_users", "20260101000001_blocks", "20260101000002_create_greetings");
        assertThat(db.query("SELECT COUNT(*) FROM cairn_migrations"))
                .singleElement()
                .satisfies(row ->
                        assertThat(row.values().iterator().next().toString()).isEqualTo("3"));
        // The web server binds the port next: it must be free, and nothing answers on it any more.
        try (ServerSocket webServer = new ServerSocket(port)) {
            assertThat(webServer.getLocalPort()).isEqualTo(port);
        }
    }

    @Test
    void aFailedMigrationFreesThePortToo() throws Exception {
        TestDatabase db = databases.create(Engine.SQLITE);
        int port = freePort();
        application(db)
                .withPropertyValues("cairn.locations=classpath:cairn/spring/failing", "cairn.probe-port=" + port)
                .run(context -> assertThat(context).hasFailed());
        try (ServerSocket webServer = new ServerSocket(port)) {
            assertThat(webServer.getLocalPort()).isEqualTo(port);
        }
    }

    @Test
    void aPortOutOfRangeStopsTheStartNamingTheProperty() {
        TestDatabase db = databases.create(Engine.SQLITE);
        application(db).withPropertyValues("cairn.probe-port=70000").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure())
                    .rootCause()
                    .hasMessage("must be a TCP port from 1 to 65535, not 70000");
            // What Boot's failure analyzer names as "Property:" in the report.
            BindException bind = null;
            for (Throwable t = context.getStartupFailure(); t != null; t = t.getCause()) {
                if (t instanceof BindException found) {
                    bind = found;
                }
            }
            assertThat(bind).isNotNull();
            assertThat(bind.getProperty().getName().toString()).isEqualTo("cairn.probe-port");
        });
    }

    @Test
    void withoutTheSettingNothingListens() throws Exception {
        TestDatabase db = databases.create(Engine.SQLITE);
        int port = freePort();
        Blocking migration = new Blocking();
        CompletableFuture<Throwable> start = startInBackground(application(db)
                .withBean(JavaMigration.class, () -> migration)
                .withPropertyValues("cairn.locations=classpath:cairn/spring/ok"));
        try {
            assertThat(migration.running.await(60, TimeUnit.SECONDS)).isTrue();
            try {
                get(port, "/actuator/health/liveness");
                throw new AssertionError("something answered on port " + port + " without cairn.probe-port");
            } catch (ConnectException expected) {
                // nothing listens
            }
        } finally {
            migration.release.countDown();
        }
        assertThat(start.get(60, TimeUnit.SECONDS)).isNull();
    }

    /** An application with Cairn on {@code db}. */
    private static ApplicationContextRunner application(TestDatabase db) {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(CairnAutoConfiguration.class))
                .withBean(DataSource.class, () -> TestDataSources.of(db));
    }

    /** Starts {@code application} on another thread; the future gives its start-up failure, or null. */
    private static CompletableFuture<Throwable> startInBackground(ApplicationContextRunner application) {
        return CompletableFuture.supplyAsync(() -> {
            Throwable[] failure = new Throwable[1];
            application.run(context -> failure[0] = context.getStartupFailure());
            return failure[0];
        });
    }

    private static HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10))
                .build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** A long migration: it runs until the test lets it finish. */
    static final class Blocking implements JavaMigration {
        final CountDownLatch running = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);

        @Override
        public String name() {
            return "20260101000001_blocks";
        }

        @Override
        public void up(Connection connection) throws Exception {
            running.countDown();
            if (!release.await(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the test never released the migration");
            }
            try (Statement statement = connection.createStatement()) {
                statement.executeUpdate("INSERT INTO users (id, email) VALUES (2, 'blocked@example.com')");
            }
        }
    }
}
