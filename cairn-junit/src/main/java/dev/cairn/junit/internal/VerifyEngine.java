// SPDX-License-Identifier: Apache-2.0
package dev.cairn.junit.internal;

import dev.cairn.CairnException;
import dev.cairn.VerifyOptions;
import dev.cairn.VerifyResult;
import dev.cairn.junit.TestDatabaseException;
import dev.cairn.junit.VerifyMigrations;
import java.util.List;
import java.util.Optional;
import org.junit.platform.engine.EngineDiscoveryRequest;
import org.junit.platform.engine.EngineExecutionListener;
import org.junit.platform.engine.ExecutionRequest;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestEngine;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.discovery.ClassSelector;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.EngineDescriptor;
import org.junit.platform.engine.support.discovery.EngineDiscoveryRequestResolver;
import org.junit.platform.engine.support.discovery.SelectorResolver;

/**
 * The {@code cairn-verify} test engine: each class annotated {@link VerifyMigrations} is a container
 * whose tests are its migrations, found when the class runs. A class needs no test methods, which is
 * why this is an engine of its own rather than a Jupiter extension (Jupiter runs only the methods a
 * class declares). The JUnit Platform finds it through {@code META-INF/services}.
 */
public final class VerifyEngine implements TestEngine {
    /** The engine's id, as reports and {@code EngineTestKit.engine(...)} name it. */
    public static final String ID = "cairn-verify";

    /** Creates the engine; the JUnit Platform does. */
    public VerifyEngine() {}

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public TestDescriptor discover(EngineDiscoveryRequest request, UniqueId uniqueId) {
        EngineDescriptor engine = new EngineDescriptor(uniqueId, "Cairn verify");
        EngineDiscoveryRequestResolver.<EngineDescriptor>builder()
                .addClassContainerSelectorResolver(VerifyEngine::isVerifyClass)
                .addSelectorResolver(new ClassResolver())
                .build()
                .resolve(request, engine);
        return engine;
    }

    @Override
    public void execute(ExecutionRequest request) {
        EngineExecutionListener listener = request.getEngineExecutionListener();
        TestDescriptor engine = request.getRootTestDescriptor();
        listener.executionStarted(engine);
        for (TestDescriptor child : List.copyOf(engine.getChildren())) {
            ((ClassDescriptor) child).run(listener);
        }
        listener.executionFinished(engine, TestExecutionResult.successful());
    }

    private static boolean isVerifyClass(Class<?> type) {
        return type.isAnnotationPresent(VerifyMigrations.class);
    }

    /** Resolves a selected class that carries the annotation into its container. */
    private static final class ClassResolver implements SelectorResolver {
        @Override
        public Resolution resolve(ClassSelector selector, Context context) {
            Class<?> type = selector.getJavaClass();
            if (!isVerifyClass(type)) {
                return Resolution.unresolved();
            }
            return context.addToParent(parent -> Optional.of(
                            new ClassDescriptor(parent.getUniqueId().append("class", type.getName()), type)))
                    .map(descriptor -> Resolution.match(Match.exact(descriptor)))
                    .orElse(Resolution.unresolved());
        }
    }

    /** A class annotated {@link VerifyMigrations}: runs verify and reports each migration as a test. */
    private static final class ClassDescriptor extends AbstractTestDescriptor {
        private final Class<?> type;

        ClassDescriptor(UniqueId id, Class<?> type) {
            super(id, type.getSimpleName(), ClassSource.from(type));
            this.type = type;
        }

        @Override
        public Type getType() {
            return Type.CONTAINER;
        }

        /** True: its tests are found when it runs, and the platform prunes a container without any otherwise. */
        @Override
        public boolean mayRegisterTests() {
            return true;
        }

        void run(EngineExecutionListener listener) {
            listener.executionStarted(this);
            VerifyMigrations annotation = type.getAnnotation(VerifyMigrations.class);
            VerifyResult result;
            Settings settings;
            try {
                settings = Settings.resolve(
                        annotation.engine(),
                        List.of(annotation.locations()),
                        annotation.url(),
                        "",
                        type.getClassLoader(),
                        System.getenv());
                result = verify(settings, annotation.roundTrip());
            } catch (RuntimeException e) {
                listener.executionFinished(this, TestExecutionResult.failed(e));
                return;
            }
            boolean strict = annotation.strict();
            for (VerifyResult.Checked checked : result.migrations()) {
                Test test = add(listener, "migration", checked.name());
                if (checked.verdict().fails(strict)) {
                    test.fail(listener, VerifyReport.migration(checked));
                } else if (checked.verdict() == VerifyResult.Verdict.IRREVERSIBLE) {
                    listener.executionSkipped(
                            test,
                            "irreversible: the migration has no down section, so there is"
                                    + " nothing to prove (strict = true fails it)");
                } else {
                    listener.executionStarted(test);
                    if (checked.verdict() == VerifyResult.Verdict.EQUIVALENT) {
                        listener.reportingEntryPublished(
                                test, ReportEntry.from("cairn.verify", VerifyReport.migration(checked)));
                    }
                    listener.executionFinished(test, TestExecutionResult.successful());
                }
            }
            result.roundTrip().ifPresent(trip -> {
                Test test = add(listener, "round-trip", "round trip");
                if (trip.passed(strict)) {
                    listener.executionStarted(test);
                    listener.executionFinished(test, TestExecutionResult.successful());
                } else {
                    test.fail(listener, VerifyReport.roundTrip(trip));
                }
            });
            result.stopped()
                    .ifPresent(failure -> add(listener, "stopped", "stopped")
                            .fail(
                                    listener,
                                    VerifyReport.failure(failure) + "\nNothing after it could be checked: an up that"
                                            + " fails on a new database fails a deploy too. Fix that up section."));
            listener.executionFinished(this, TestExecutionResult.successful());
        }

        private static VerifyResult verify(Settings settings, boolean roundTrip) {
            try (VerifyTarget target = VerifyTarget.of(settings)) {
                VerifyOptions options = roundTrip ? VerifyOptions.all().asRoundTrip() : VerifyOptions.all();
                VerifyResult result;
                try {
                    result = settings.cairn(target.address()).verify(options);
                } catch (CairnException e) {
                    throw new TestDatabaseException(
                            "Verify could not run on " + settings.engine().displayName() + ": " + e.getMessage(), e);
                }
                boolean nothing = result.migrations().isEmpty()
                        && result.roundTrip()
                                .map(trip -> trip.migrations().isEmpty())
                                .orElse(true)
                        && result.stopped().isEmpty();
                if (nothing) {
                    throw new TestDatabaseException("Found no migrations in " + String.join(", ", settings.locations())
                            + ": put the migrations there, or correct locations in @VerifyMigrations.");
                }
                return result;
            }
        }

        private Test add(EngineExecutionListener listener, String segment, String name) {
            Test test = new Test(getUniqueId().append(segment, name), name, ClassSource.from(type));
            addChild(test);
            listener.dynamicTestRegistered(test);
            return test;
        }
    }

    /** One migration's check (or the round trip, or where verify stopped). */
    private static final class Test extends AbstractTestDescriptor {
        Test(UniqueId id, String name, ClassSource source) {
            super(id, name, source);
        }

        @Override
        public Type getType() {
            return Type.TEST;
        }

        void fail(EngineExecutionListener listener, String report) {
            listener.executionStarted(this);
            listener.executionFinished(this, TestExecutionResult.failed(new AssertionError(report)));
        }
    }
}
