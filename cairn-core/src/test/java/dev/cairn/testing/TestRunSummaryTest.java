// SPDX-License-Identifier: Apache-2.0
package dev.cairn.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
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
        void runs() {
        }
    }

    static class SkippedWithALongReason {
        static final String REASON = ("word ".repeat(60) + "and-one-very-long-token-" + "x".repeat(120)).strip();

        @Test
        void needsPostgres() {
            throw new EngineUnavailableException(Engine.POSTGRESQL, REASON, "start one");
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
        void runs() {
        }

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
                .as("the banner is the last thing printed").matches("\\[cairn-test\\] !{97}");
    }

    @Test
    void longReasonsAreWrappedAtSpacesAndKeptWhole() {
        String output = run(SkippedWithALongReason.class);

        // A word longer than a line (a path, a URL) stays whole, so that it can be copied.
        assertThat(output.lines().filter(line -> line.length() > 110))
                .containsExactly("[cairn-test] !!" + " ".repeat(8) + "and-one-very-long-token-" + "x".repeat(120));
        List<String> lines = output.lines().toList();
        String head = "[cairn-test] !!   why: ";
        String continuation = "[cairn-test] !!" + " ".repeat(8);
        int i = 0;
        while (!lines.get(i).startsWith(head)) {
            i++;
        }
        StringBuilder why = new StringBuilder(lines.get(i).substring(head.length()));
        for (i++; lines.get(i).startsWith(continuation); i++) {
            why.append(' ').append(lines.get(i).substring(continuation.length()));
        }
        assertThat(why.toString()).isEqualTo(SkippedWithALongReason.REASON);
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

    private static String run(Class<?> fixture) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClass(fixture))
                .build();
        // Without auto-registration: the ServiceLoader would add a second summary, printing to the
        // build's real output a banner about these fixtures.
        LauncherConfig config = LauncherConfig.builder().enableTestExecutionListenerAutoRegistration(false).build();
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            LauncherFactory.create(config).execute(request, new TestRunSummary(out));
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
