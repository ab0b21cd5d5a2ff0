// SPDX-License-Identifier: Apache-2.0
package dev.cairn.testing;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Ends each test run with what the database tests ran on and, loudly, what they did not run on.
 * Registered through {@code META-INF/services}, so every JUnit Platform run that has this class on
 * its classpath (surefire, failsafe, an IDE, cairn-cli's tests through the test-jar) gets it.
 *
 * <p>At the end of a run it: drops the test databases a test forgot to close, naming them; prints
 * one line per server engine that served tests ("PostgreSQL tests ran on …"); and, if any test was
 * skipped because its engine was unavailable, prints a banner with the suites that did not run,
 * why, and how to enable them.
 */
public final class TestRunSummary implements TestExecutionListener {
    private static final String TAG = "[cairn-test] ";
    private static final int WIDTH = 110;

    private final PrintStream out;
    // Per engine and reason, in the order first seen: the skip, and the suites (test classes) it hit.
    private final Map<List<Object>, Skipped> skipped = new LinkedHashMap<>();

    /** Creates the listener that prints to standard output, as the ServiceLoader does. */
    public TestRunSummary() {
        this(System.out);
    }

    TestRunSummary(PrintStream out) {
        this.out = out;
    }

    private static final class Skipped {
        final EngineUnavailableException cause;
        final Set<String> suites = new LinkedHashSet<>();
        int count;

        Skipped(EngineUnavailableException cause) {
            this.cause = cause;
        }
    }

    @Override
    public void testPlanExecutionStarted(TestPlan testPlan) {
        synchronized (skipped) {
            skipped.clear();
        }
    }

    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
        if (result.getStatus() != TestExecutionResult.Status.ABORTED) {
            return;
        }
        Optional<EngineUnavailableException> cause =
                unavailable(result.getThrowable().orElse(null));
        if (cause.isEmpty()) {
            return;
        }
        synchronized (skipped) {
            EngineUnavailableException e = cause.get();
            Skipped entry =
                    skipped.computeIfAbsent(List.of(e.engine(), e.reason(), e.howToEnable()), key -> new Skipped(e));
            entry.count++;
            entry.suites.add(suite(test));
        }
    }

    @Override
    public void testPlanExecutionFinished(TestPlan testPlan) {
        List<String> lines = new ArrayList<>();
        for (Backend backend : Engine.backendsInUse()) {
            for (TestDatabase db : backend.open()) {
                lines.add(TAG + "WARNING: " + db + " was not closed by its test; dropping it now."
                        + " Make it with a TestDatabases extension, or in try (TestDatabase db = ...) { ... }.");
                try {
                    db.close();
                } catch (IllegalStateException e) {
                    lines.add(TAG + "WARNING: " + e.getMessage());
                }
            }
        }
        for (Backend backend : Engine.backendsInUse()) {
            backend.servedBy().ifPresent(line -> lines.add(TAG + line));
        }
        synchronized (skipped) {
            if (!skipped.isEmpty()) {
                lines.addAll(banner());
            }
        }
        // One print, so that output of other threads cannot split the banner.
        if (!lines.isEmpty()) {
            out.println(String.join(System.lineSeparator(), lines));
            out.flush();
        }
    }

    private List<String> banner() {
        String rule = TAG + "!".repeat(WIDTH - TAG.length());
        List<String> lines = new ArrayList<>();
        lines.add(rule);
        for (Skipped s : skipped.values()) {
            lines.add(TAG + "!! SKIPPED: " + s.count + " " + s.cause.engine().displayName() + " test"
                    + (s.count == 1 ? "" : "s") + " did not run, in " + s.suites.size() + " suite"
                    + (s.suites.size() == 1 ? "" : "s") + ":");
            for (String suite : s.suites) {
                lines.add(TAG + "!!     " + suite);
            }
            wrap(lines, "!!   why: ", s.cause.reason());
            wrap(lines, "!!   to run them: ", s.cause.howToEnable());
        }
        lines.add(TAG + "!! (With CI=true a missing server fails the build instead.)");
        lines.add(rule);
        return lines;
    }

    /** Adds {@code text} after {@code head}, broken at spaces into lines of at most WIDTH characters. */
    private static void wrap(List<String> lines, String head, String text) {
        String indent = "!!" + " ".repeat(head.length() - 2);
        StringBuilder line = new StringBuilder(TAG).append(head);
        int start = line.length();
        for (String word : text.split(" ")) {
            if (line.length() > start && line.length() + 1 + word.length() > WIDTH) {
                lines.add(line.toString());
                line = new StringBuilder(TAG).append(indent);
                start = line.length();
            }
            if (line.length() > start) {
                line.append(' ');
            }
            line.append(word);
        }
        lines.add(line.toString());
    }

    private static Optional<EngineUnavailableException> unavailable(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof EngineUnavailableException e) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    private static String suite(TestIdentifier test) {
        TestSource source = test.getSource().orElse(null);
        if (source instanceof MethodSource method) {
            return method.getClassName();
        }
        if (source instanceof ClassSource type) {
            return type.getClassName();
        }
        return test.getDisplayName();
    }
}
