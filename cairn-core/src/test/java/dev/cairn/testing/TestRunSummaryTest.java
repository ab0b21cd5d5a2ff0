// SPDX-License-Identifier: Apache-2.0
package dev.cairn.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * The end-of-run banner, through a real JUnit launcher running small fixture classes. The fixtures
 * are nested classes, which surefire and failsafe never pick up themselves.
 */
class TestRunSummaryTest {

    static class SkippedForPostgres {
        @Test
        void needsPostgres() {
            throw new EngineUnavailableException(Engine.POSTGRESQL, "no server here", "start one");
        }

        @Test
        void alsoNeedsPostgres() {
            throw new EngineUnavailableException(Engine.POSTGRESQL, "no server here", "start one");
        }

        @Test
        void skippedForAnotherReason() {
            Assumptions.assumeTrue(false, "not about databases");
        }

        @Test
        void runs() {}
    }

    static class SkippedWithALongReason {
        static final String REASON = ("word ".repeat(60) + "and-one-very-long-token-" + "x".repeat(120)).strip();

        @Test
        void needsPostgres() {
            throw new EngineUnavailableException(Engine.POSTGRESQL, REASON, "start one");
        }
    }

    static class SkippedForMariaDb {
        static MariaDbBackend backend;

        @Test
        void needsMariaDb() {
            backend.create();
        }
    }

    static class LeavesADatabaseOpen {
        static TestDatabase forgotten;

        @Test
        void forgetsToClose() {
            forgotten = TestDatabase.create(Engine.SQLITE);
        }
    }

    static class AllRun {
        @Test
        void runs() {}

        @Test
        void skippedForAnotherReason() {
            Assumptions.assumeTrue(false, "not about databases");
        }
    }

    @Test
    void aSkipForAMissingEngineEndsTheRunWithTheBanner() {
        String output = run(SkippedForPostgres.class);

        assertThat(output)
                .contains("SKIPPED: 2 PostgreSQL tests did not run, in 1 suite:")
                .contains("!!     " + SkippedForPostgres.class.getName())
                .contains("why: no server here")
                .contains("to run them: start one")
                .doesNotContain("not about databases");
        assertThat(output.strip().lines().reduce((first, last) -> last).orElseThrow())
                .as("the banner is the last thing printed")
                .matches("\\[cairn-test\\] !{97}");
    }

    @Test
    void longReasonsAreWrappedAtSpacesAndKeptWhole() {
        String output = run(SkippedWithALongReason.class);

        // A word longer than a line (a path, a URL) stays whole, so that it can be copied.
        assertThat(output.lines().filter(line -> line.length() > 110))
                .containsExactly("[cairn-test] !!" + " ".repeat(8) + "and-one-very-long-token-" + "x".repeat(120));
        assertThat(unwrapped(output, "why")).isEqualTo(SkippedWithALongReason.REASON);
    }

    @Test
    void aMissingMariaDbIsAsLoudAsAMissingPostgresAndSaysHowToRunItsTests() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        String closedUrl = "jdbc:mariadb://127.0.0.1:" + closedPort + "/";
        SkippedForMariaDb.backend =
                new MariaDbBackend(Engine.MARIADB, MariaDbBackend.spec(closedUrl + "?user=root"), Map.of());

        String output = run(SkippedForMariaDb.class);

        assertThat(output)
                .contains("!! SKIPPED: 1 MariaDB test did not run, in 1 suite:")
                .contains("!!     " + SkippedForMariaDb.class.getName());
        assertThat(unwrapped(output, "why"))
                .startsWith("no MariaDB answers at " + closedUrl + " (user root)")
                .endsWith(", and there is no embedded MariaDB");
        assertThat(unwrapped(output, "to run them"))
                .isEqualTo("start MariaDB or MySQL on 127.0.0.1:3306 with user"
                        + " root and an empty password (Debian: start-stop-daemon --start --oknodo --background --exec"
                        + " /usr/sbin/mariadbd), or set"
                        + " CAIRN_TEST_MARIADB_URL=jdbc:mariadb://HOST:PORT/?user=USER&password=PASSWORD");
        assertThat(output.strip().lines().reduce((first, last) -> last).orElseThrow())
                .as("the banner is the last thing printed")
                .matches("\\[cairn-test\\] !{97}");
    }

    @Test
    void aDatabaseATestForgotIsDroppedAndNamedAtTheEnd() {
        String output = run(LeavesADatabaseOpen.class);

        TestDatabase forgotten = LeavesADatabaseOpen.forgotten;
        assertThat(output).contains("WARNING: SQLite database " + forgotten.name() + " was not closed by its test");
        assertThat(SqliteBackend.file(forgotten).getParent()).doesNotExist();
        assertThat(Engine.SQLITE.backend().open()).doesNotContain(forgotten);
    }

    @Test
    void noBannerWhenNoEngineWasMissing() {
        assertThat(run(AllRun.class)).doesNotContain("SKIPPED");
    }

    /** Returns the banner's field {@code name} ("why", "to run them"), its wrapped lines joined again. */
    private static String unwrapped(String output, String name) {
        List<String> lines = output.lines().toList();
        String head = "[cairn-test] !!   " + name + ": ";
        String continuation = "[cairn-test] !!" + " ".repeat(head.length() - "[cairn-test] !!".length());
        int i = 0;
        while (!lines.get(i).startsWith(head)) {
            i++;
        }
        StringBuilder text = new StringBuilder(lines.get(i).substring(head.length()));
        for (i++; i < lines.size() && lines.get(i).startsWith(continuation); i++) {
            text.append(' ').append(lines.get(i).substring(continuation.length()));
        }
        return text.toString();
    }

    private static String run(Class<?> fixture) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClass(fixture))
                .build();
        // Without auto-registration: the ServiceLoader would add a second summary, printing to the
        // build's real output a banner about these fixtures.
        LauncherConfig config = LauncherConfig.builder()
                .enableTestExecutionListenerAutoRegistration(false)
                .build();
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            LauncherFactory.create(config).execute(request, new TestRunSummary(out));
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
