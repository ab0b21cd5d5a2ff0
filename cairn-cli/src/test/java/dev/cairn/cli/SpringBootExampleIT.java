// SPDX-License-Identifier: Apache-2.0
package dev.cairn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cairn.testing.Engine;
import dev.cairn.testing.TestDatabase;
import dev.cairn.testing.TestDatabases;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code examples/spring-boot}, the Spring Boot 4 application with Cairn's starter, run as its README
 * runs it: {@code java -jar} on the fat jar its own Maven build made, from a working directory of its
 * own, with properties on the command line. It checks what a user of the starter relies on: the
 * pending migrations are applied from the jar's {@code BOOT-INF/classes} before the application serves
 * requests, with Cairn's lines in Spring's log; a second start applies nothing; a failing migration
 * stops the start with Cairn's message and no stack trace; and the jar carries Boot's versions of the
 * libraries Cairn also uses, not Cairn's.
 */
class SpringBootExampleIT {

    private static final String EXAMPLE = "examples/spring-boot";
    private static final String BUILD = "mvn -B -DskipTests package -pl " + EXAMPLE + " -am";

    private static final String CREATE_PLANS = "20260301090000_create_plans";
    private static final String SEED_PLANS = "20260301090100_seed_plans";
    private static final String CREATE_SUBSCRIPTIONS = "20260301090200_create_subscriptions";

    /** The SQLite file that the application's default settings name, in its working directory. */
    private static final String SQLITE_FILE = "spring-boot-example.sqlite3";

    /** What the example's application.properties lists as its catalogue, which SeedPlans inserts. */
    private static final List<String> DEFAULT_PLANS =
            List.of("free Free 0", "team Team 1200", "business Business 4900");

    /** How long one start may take: a few seconds normally, more on a loaded machine. */
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    private static final Pattern STARTED_ON_PORT = Pattern.compile("Tomcat started on port (\\d+)");
    private static final Pattern STACK_FRAME = Pattern.compile("(?m)^\\s+at [\\w.$]+\\(");

    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    final TestDatabases databases = new TestDatabases();

    @TempDir
    Path directory;

    @Test
    void migratesSqliteFromTheJarAtStartServesThePlansAndAppliesNothingTheSecondTime() throws IOException {
        Path jar = exampleJar();
        SqliteFile database = new SqliteFile(directory.resolve(SQLITE_FILE));

        String firstLog;
        try (App app = App.start(jar, directory, Map.of())) {
            assertThat(app.log())
                    .as("Cairn's lines, written by Boot's logging under the logger dev.cairn.spring")
                    .containsPattern(cairnLogLine("Applying 3 migration\\(s\\)"))
                    .containsPattern(cairnLogLine("Ran " + SEED_PLANS + " \\(\\d+ ms\\)"))
                    .containsPattern(cairnLogLine("Migrated 3 migration\\(s\\) in \\d+ ms"));
            // The migrations ran before the web server took requests: Cairn's last line comes first.
            assertThat(app.log().indexOf("Migrated 3 migration(s)"))
                    .isLessThan(app.log().indexOf("Tomcat started on port"));

            assertThat(database.exists())
                    .as("the default data source: a SQLite file in the working directory")
                    .isTrue();
            assertThat(database.history())
                    .containsExactly(CREATE_PLANS + "@1", SEED_PLANS + "@1", CREATE_SUBSCRIPTIONS + "@1");
            assertThat(database.userTables()).containsExactly("plans", "subscriptions");
            assertThat(database.strings("SELECT name FROM pragma_table_info('plans') ORDER BY cid"))
                    .containsExactly("code", "name", "monthly_price_cents");
            assertThat(database.strings("SELECT name FROM sqlite_master WHERE type = 'index'"
                            + " AND tbl_name = 'subscriptions' AND name NOT LIKE 'sqlite_%'"))
                    .containsExactly("subscriptions_plan_code");
            assertThat(plansInSqlite(database)).containsExactlyElementsOf(DEFAULT_PLANS);

            assertThat(plans(app.get("/plans"))).containsExactlyElementsOf(DEFAULT_PLANS);

            JsonNode status = app.get("/actuator/cairn");
            assertThat(status.path("applied").asInt()).isEqualTo(3);
            assertThat(status.path("pending").asInt()).isZero();
            assertThat(status.path("currentBatch").asInt()).isEqualTo(1);
            assertThat(status.path("currentVersion").asText()).isEqualTo("20260301090200");
            assertThat(status.path("problems")).isEmpty();
            List<String> migrations = new ArrayList<>();
            for (JsonNode migration : status.path("migrations")) {
                migrations.add(migration.path("name").asText() + " "
                        + migration.path("state").asText() + " "
                        + migration.path("batch").asInt());
            }
            assertThat(migrations)
                    .containsExactly(
                            CREATE_PLANS + " APPLIED 1",
                            SEED_PLANS + " APPLIED 1",
                            CREATE_SUBSCRIPTIONS + " APPLIED 1");

            assertThat(app.get("/actuator/health/liveness").path("status").asText())
                    .isEqualTo("UP");

            Cli.Run stopped = app.terminate();
            // 143 = 128 + SIGTERM: the JVM ran its shutdown hooks (Boot's graceful shutdown) and ended.
            assertThat(stopped.exitCode()).as("exit code after SIGTERM").isEqualTo(143);
            firstLog = stopped.out();
        }
        assertThat(firstLog).contains("Graceful shutdown complete");

        try (App again = App.start(jar, directory, Map.of())) {
            assertThat(again.log())
                    .containsPattern(cairnLogLine("Schema is up to date"))
                    .doesNotContain("Applying", "Migrated");
            assertThat(database.history())
                    .containsExactly(CREATE_PLANS + "@1", SEED_PLANS + "@1", CREATE_SUBSCRIPTIONS + "@1");
            assertThat(plans(again.get("/plans"))).containsExactlyElementsOf(DEFAULT_PLANS);
        }
    }

    /**
     * The {@code postgres} profile, with the database named in the environment variables its
     * properties read, and a catalogue of its own on the command line: the Java migration inserts what
     * the injected {@code Catalogue} bean holds, not what the jar's properties list.
     */
    @Test
    void migratesPostgresqlWithTheProfileAndACatalogueFromTheCommandLine() throws IOException {
        Path jar = exampleJar();
        TestDatabase db = databases.create(Engine.POSTGRESQL);
        Map<String, String> environment = Map.of(
                "DB_URL", db.url(),
                "DB_USER", db.user(),
                "DB_PASSWORD", db.password() == null ? "" : db.password());

        try (App app = App.start(
                jar,
                directory,
                environment,
                "--spring.profiles.active=postgres",
                "--catalogue.plans[0].code=solo",
                "--catalogue.plans[0].name=Solo",
                "--catalogue.plans[0].monthly-price-cents=500",
                "--catalogue.plans[1].code=agency",
                "--catalogue.plans[1].name=Agency",
                "--catalogue.plans[1].monthly-price-cents=9900")) {
            assertThat(app.log())
                    .contains("The following 1 profile is active: \"postgres\"")
                    .containsPattern(cairnLogLine("Applying 3 migration\\(s\\)"))
                    .containsPattern(cairnLogLine("Migrated 3 migration\\(s\\) in \\d+ ms"));

            List<String> history = new ArrayList<>();
            for (Map<String, Object> row :
                    db.query("SELECT name, batch FROM cairn_migrations ORDER BY version, name")) {
                history.add(row.get("name") + "@" + row.get("batch"));
            }
            assertThat(history).containsExactly(CREATE_PLANS + "@1", SEED_PLANS + "@1", CREATE_SUBSCRIPTIONS + "@1");
            assertThat(db.tables()).contains("plans", "subscriptions");
            List<String> rows = new ArrayList<>();
            for (Map<String, Object> row :
                    db.query("SELECT code, name, monthly_price_cents FROM plans ORDER BY monthly_price_cents, code")) {
                rows.add(row.get("code") + " " + row.get("name") + " " + row.get("monthly_price_cents"));
            }
            assertThat(rows).containsExactly("solo Solo 500", "agency Agency 9900");
            assertThat(plans(app.get("/plans"))).containsExactly("solo Solo 500", "agency Agency 9900");
        }
        assertThat(directory.resolve(SQLITE_FILE))
                .as("the profile replaces the SQLite URL")
                .doesNotExist();
    }

    /**
     * A broken migration added through {@code cairn.locations}: the start stops with exit code 1 and
     * Boot's failure report holds Cairn's message (migration, file, line, statement), with no stack
     * trace in the output; SQLite rolled the whole batch back.
     */
    @Test
    void aFailingMigrationStopsTheStartWithCairnsMessageAndNoStackTrace() throws IOException {
        Path jar = exampleJar();
        Path extra = Files.createDirectory(directory.resolve("extra"));
        Path broken = extra.resolve("20260401090000_add_notes.sql");
        Files.writeString(
                broken,
                String.join(
                        "\n",
                        "-- Notes on plans; the second statement names a table that is not there.",
                        "-- migrate:up",
                        "CREATE TABLE notes (id integer PRIMARY KEY);",
                        "INSERT INTO no_such_table (id) VALUES (1);",
                        "",
                        "-- migrate:down",
                        "DROP TABLE notes;",
                        ""));

        Cli.Run run = App.run(jar, directory, "--cairn.locations=classpath:db/migrations,filesystem:" + extra);

        run.exits(1);
        String output = run.out() + run.err();
        assertThat(output)
                .contains("APPLICATION FAILED TO START")
                .contains("Cairn stopped the application's start.")
                .contains("Migration 20260401090000_add_notes (up) failed at " + broken + ":4, statement 2:")
                .contains("no such table: no_such_table")
                .contains("The transaction was rolled back")
                .contains("Fix the migration named above");
        assertThat(output.substring(output.indexOf("APPLICATION FAILED TO START")))
                .as("the report shows Cairn's text")
                .contains("20260401090000_add_notes.sql:4");
        assertThat(output).as("no stack trace anywhere in the output").doesNotContainPattern(STACK_FRAME);

        SqliteFile database = new SqliteFile(directory.resolve(SQLITE_FILE));
        assertThat(database.history()).isEmpty();
        assertThat(database.userTables()).isEmpty();
    }

    /**
     * A migration outside the jar with a version that one inside has: Cairn's message names the one it
     * read from the jar, in {@code BOOT-INF/classes}, which shows where the application's migrations
     * come from.
     */
    @Test
    void aVersionClashNamesTheMigrationInsideTheJar() throws IOException {
        Path jar = exampleJar();
        Path extra = Files.createDirectory(directory.resolve("extra"));
        Path clash = extra.resolve("20260301090000_other_plans.sql");
        Files.writeString(clash, "-- migrate:up\nCREATE TABLE other_plans (id integer);\n");

        Cli.Run run = App.run(jar, directory, "--cairn.locations=classpath:db/migrations,filesystem:" + extra);

        run.exits(1);
        assertThat(run.out() + run.err())
                .contains("APPLICATION FAILED TO START")
                .contains(clash + ": has version 20260301090000, like " + jar + "!/BOOT-INF/classes/db/migrations/"
                        + CREATE_PLANS + ".sql")
                .contains("Correct the migration file named above.")
                .doesNotContainPattern(STACK_FRAME);
        assertThat(new SqliteFile(directory.resolve(SQLITE_FILE)).history()).isEmpty();
    }

    /**
     * Cairn's own build uses newer HikariCP, SnakeYAML and SLF4J than Boot 4.0.7 manages; the starter
     * must not bring them into an application. The fat jar holds one of each, in the version of
     * spring-boot-dependencies 4.0.7 ({@code hikaricp.version} 7.0.2, {@code snakeyaml.version} 2.5,
     * {@code slf4j.version} 2.0.18), and the migrations in {@code BOOT-INF/classes}.
     */
    @Test
    void theJarHoldsBootsVersionsOfTheLibrariesCairnAlsoUses() throws IOException {
        List<String> libraries = new ArrayList<>();
        List<String> migrations = new ArrayList<>();
        try (JarFile jar = new JarFile(exampleJar().toFile())) {
            for (JarEntry entry : Collections.list(jar.entries())) {
                String name = entry.getName();
                if (name.startsWith("BOOT-INF/lib/")) {
                    libraries.add(name.substring("BOOT-INF/lib/".length()));
                } else if (name.startsWith("BOOT-INF/classes/db/migrations/") && name.endsWith(".sql")) {
                    migrations.add(name.substring("BOOT-INF/classes/db/migrations/".length()));
                }
            }
        }
        assertThat(startingWith(libraries, "HikariCP-")).containsExactly("HikariCP-7.0.2.jar");
        assertThat(startingWith(libraries, "snakeyaml-")).containsExactly("snakeyaml-2.5.jar");
        assertThat(startingWith(libraries, "slf4j-api-")).containsExactly("slf4j-api-2.0.18.jar");
        assertThat(libraries)
                .contains(
                        "cairn-spring-boot-starter-0.1.0-SNAPSHOT.jar",
                        "cairn-core-0.1.0-SNAPSHOT.jar",
                        "spring-boot-4.0.7.jar");
        assertThat(migrations).containsExactlyInAnyOrder(CREATE_PLANS + ".sql", CREATE_SUBSCRIPTIONS + ".sql");
    }

    /**
     * The example's fat jar. A missing jar fails the test, saying how to build it: the test is about
     * that jar, so it must not pass without it.
     */
    private static Path exampleJar() {
        Path jar = CairnProcess.repository().resolve(EXAMPLE).resolve("target/spring-boot-example.jar");
        assertThat(jar)
                .as(
                        "the example's jar is missing. Build it from the repository root with `%s` (a whole"
                                + " `mvn verify` builds it before cairn-cli)",
                        BUILD)
                .isRegularFile();
        return jar;
    }

    /** A line of Boot's default console log from the logger {@code dev.cairn.spring}, ending in {@code message}. */
    private static String cairnLogLine(String message) {
        return "(?m)^\\S+ +INFO \\d+ --- \\[spring-boot-example\\] \\[ *main\\] dev\\.cairn\\.spring +: " + message
                + "$";
    }

    /** {@code GET /plans} as {@code code name price} lines, in the order the endpoint returns them. */
    private static List<String> plans(JsonNode plans) {
        List<String> lines = new ArrayList<>();
        for (JsonNode plan : plans) {
            lines.add(plan.path("code").asText() + " "
                    + plan.path("name").asText() + " "
                    + plan.path("monthlyPriceCents").asInt());
        }
        return lines;
    }

    private static List<String> plansInSqlite(SqliteFile database) {
        return database.strings("SELECT code || ' ' || name || ' ' || monthly_price_cents FROM plans"
                + " ORDER BY monthly_price_cents, code");
    }

    private static List<String> startingWith(List<String> names, String prefix) {
        return names.stream().filter(name -> name.startsWith(prefix)).toList();
    }

    /**
     * The example application as a process: started with {@code java -jar} and a free port chosen by
     * the server, and always killed when the test is done with it.
     */
    private static final class App implements AutoCloseable {
        private final CairnProcess.Running process;
        private final int port;

        private App(CairnProcess.Running process, int port) {
            this.process = process;
            this.port = port;
        }

        /**
         * Starts the jar in {@code directory} and waits until its web server listens, which Boot
         * logs after the context (and so the migration) is ready; fails, with the output, if the
         * process ends first or takes longer than {@link #START_TIMEOUT}.
         */
        static App start(Path jar, Path directory, Map<String, String> environment, String... args) {
            CairnProcess.Running process = CairnProcess.start(directory, environment, command(jar, args));
            try {
                long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
                while (System.nanoTime() < deadline) {
                    Matcher started = STARTED_ON_PORT.matcher(process.outSoFar());
                    if (started.find()) {
                        return new App(process, Integer.parseInt(started.group(1)));
                    }
                    if (!process.isAlive()) {
                        Cli.Run ended = process.await(Duration.ofSeconds(5));
                        throw new AssertionError("the application ended with exit code " + ended.exitCode()
                                + " before it started; stdout:\n" + ended.out() + "\nstderr:\n" + ended.err());
                    }
                    Thread.sleep(100);
                }
                throw new AssertionError("the application did not start in " + START_TIMEOUT.toSeconds()
                        + " s; stdout:\n" + process.outSoFar() + "\nstderr:\n" + process.errSoFar());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.killHard();
                throw new AssertionError("interrupted", e);
            } catch (RuntimeException | AssertionError e) {
                process.killHard();
                throw e;
            }
        }

        /** Runs the jar in {@code directory} until it ends by itself, as a start that fails does. */
        static Cli.Run run(Path jar, Path directory, String... args) {
            return CairnProcess.start(directory, Map.of(), command(jar, args)).await(START_TIMEOUT);
        }

        private static List<String> command(Path jar, String... args) {
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    // Only the quick JIT compiler: starts take a second or two less on a busy machine,
                    // and nothing the tests look at depends on the code being optimised.
                    "-XX:TieredStopAtLevel=1",
                    "-jar",
                    jar.toString(),
                    // A port of the server's choosing, so that tests never collide on one.
                    "--server.port=0"));
            command.addAll(List.of(args));
            return command;
        }

        /** What the application logged so far (Boot's console log is on stdout). */
        String log() {
            return process.outSoFar();
        }

        /**
         * {@code GET path}, which must answer 200 with JSON. (HttpURLConnection rather than
         * java.net.http: the tests are compiled into the module dev.cairn.cli, which does not read
         * that module.)
         */
        JsonNode get(String path) {
            HttpURLConnection connection = null;
            try {
                connection = (HttpURLConnection)
                        URI.create("http://127.0.0.1:" + port + path).toURL().openConnection();
                connection.setConnectTimeout(10_000);
                connection.setReadTimeout(10_000);
                int code = connection.getResponseCode();
                InputStream stream = code < 400 ? connection.getInputStream() : connection.getErrorStream();
                String body = stream == null ? "" : new String(stream.readAllBytes(), StandardCharsets.UTF_8);
                assertThat(code).as("GET %s: %s", path, body).isEqualTo(200);
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("GET " + path + " failed: " + e.getMessage(), e);
            } finally {
                if (connection != null) {
                    connection.disconnect();
                }
            }
        }

        /** Sends SIGTERM, as a service manager stopping the application does, and waits for the end. */
        Cli.Run terminate() {
            process.terminate();
            return process.await(Duration.ofSeconds(30));
        }

        /** Kills the process if it still runs, so that no test leaves one behind. */
        @Override
        public void close() {
            process.killHard();
        }
    }
}
