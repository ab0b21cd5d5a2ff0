// SPDX-License-Identifier: Apache-2.0
package dev.cairn;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.zip.CRC32;

/**
 * The same migrations on many targets: the schemas of one database, or the databases of one server,
 * that an environment's {@code targets:} names ({@link Cairn#fleet()}). Each target has its own
 * tracking table, lock and batches, so a command runs on each as on a database of its own; at most
 * {@link #parallel()} at once, each on a connection of its own for as long as its work takes (on
 * PostgreSQL a schema target's is then reset and handed to the next target of the run). A target that
 * fails does not stop the others unless {@link #failFast} says so; a run again resumes each target
 * from its own history.
 *
 * <pre>{@code
 * Fleet fleet = Cairn.configure().environment("production").load().fleet().orElseThrow();
 * FleetResult<MigrateResult> result = fleet.migrate();
 * result.failed().forEach(outcome -> System.err.println(outcome.target() + ": " + outcome.failure().get()));
 * }</pre>
 */
public final class Fleet {

    private final Targets targets;
    private final int parallel;
    private final boolean failFast;
    private final Optional<String> only;
    private final Optional<Shard> shard;
    private final Supplier<List<String>> listing;
    private final BiFunction<String, MigrationListener, Cairn> targetCairn;
    private final MigrationListener listener;
    private final Runs runs;

    /**
     * What a run of {@link #each} tells the connections of its targets as it starts and ends: they may
     * be handed from one target to the next while it lasts, and are closed when it has ended.
     */
    record Runs(Runnable starting, Runnable ended) {}

    Fleet(
            Targets targets,
            int parallel,
            Supplier<List<String>> listing,
            BiFunction<String, MigrationListener, Cairn> targetCairn,
            MigrationListener listener,
            Runs runs) {
        this(targets, parallel, false, Optional.empty(), Optional.empty(), listing, targetCairn, listener, runs);
    }

    private Fleet(
            Targets targets,
            int parallel,
            boolean failFast,
            Optional<String> only,
            Optional<Shard> shard,
            Supplier<List<String>> listing,
            BiFunction<String, MigrationListener, Cairn> targetCairn,
            MigrationListener listener,
            Runs runs) {
        this.targets = targets;
        this.parallel = parallel;
        this.failFast = failFast;
        this.only = only;
        this.shard = shard;
        this.listing = listing;
        this.targetCairn = targetCairn;
        this.listener = listener;
        this.runs = runs;
    }

    private Fleet with(int count, boolean stop, Optional<String> one, Optional<Shard> slice) {
        return new Fleet(targets, count, stop, one, slice, listing, targetCairn, listener, runs);
    }

    /** How the targets are chosen, as the environment says. */
    public Targets targets() {
        return targets;
    }

    /** How many targets are worked on at once. */
    public int parallel() {
        return parallel;
    }

    /** This fleet, working on {@code count} targets at once. */
    public Fleet parallel(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("parallel must be 1 or more, not " + count);
        }
        return with(count, failFast, only, shard);
    }

    /** This fleet, stopping at the first target that fails: the targets not started yet are not run. */
    public Fleet failFast(boolean stop) {
        return with(parallel, stop, only, shard);
    }

    /** This fleet's one target {@code name}, which must be one of its targets. */
    public Fleet only(String name) {
        return with(parallel, failFast, Optional.of(name), shard);
    }

    /**
     * This fleet's {@code index}-th of {@code count} slices (from 1): each target is in exactly one
     * slice, always the same one, whatever the other targets are, so that separate processes (a CI
     * matrix, indexed jobs) can share a fleet.
     */
    public Fleet shard(int index, int count) {
        return with(parallel, failFast, only, Optional.of(new Shard(index, count)));
    }

    /**
     * The names of the targets this fleet works on, in order: the environment's targets (asking the
     * database for a pattern or a query), narrowed by {@link #only} and {@link #shard}.
     *
     * @throws ConfigurationException if {@link #only} names no target of the fleet, or the targets
     *     cannot be listed on this database
     * @throws ConnectionException if the database cannot be reached to list them
     */
    public List<String> names() {
        List<String> all = listing.get();
        if (only.isPresent()) {
            if (!all.contains(only.get())) {
                throw new ConfigurationException(targets().kind().noun() + " " + only.get()
                        + " is not one of the fleet's " + all.size() + " targets (" + targets.describe()
                        + "); see them with `cairn status`.");
            }
            return List.of(only.get());
        }
        return shard.map(slice -> all.stream().filter(slice::holds).toList()).orElse(all);
    }

    /** The {@link Cairn} of one target, telling {@code listener} what it does. */
    public Cairn target(String name, MigrationListener listener) {
        return targetCairn.apply(name, listener);
    }

    /** Applies every pending migration on each target, each as one new batch of its own. */
    public FleetResult<MigrateResult> migrate() {
        return each(name -> target(name, listener).migrate());
    }

    /** Where each target stands. */
    public FleetResult<Status> status() {
        return each(name -> target(name, listener).status());
    }

    /**
     * Runs {@code work} for each target ({@link #names()}) by name, at most {@link #parallel()} at
     * once, usually a command on that target's {@link #target Cairn}. What it throws is that target's
     * failure; the other targets go on unless {@link #failFast}.
     *
     * @param <T> what the work gives for one target
     */
    public <T> FleetResult<T> each(Function<String, T> work) {
        return each(work, outcome -> {});
    }

    /**
     * As {@link #each(Function)}, telling {@code done} of each target as it ends (on the thread that
     * worked on it), for a progress display.
     *
     * @param <T> what the work gives for one target
     */
    public <T> FleetResult<T> each(Function<String, T> work, Consumer<FleetResult.Outcome<T>> done) {
        List<String> chosen = names();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicBoolean interrupted = new AtomicBoolean();
        // On Ctrl-C the running targets cancel their own statements (each run watches for it); this
        // starts no other, so that the summary says where each target is without anything new begun.
        Thread shutdown = new Thread(
                () -> {
                    interrupted.set(true);
                    stop.set(true);
                },
                "cairn-fleet-interrupt");
        boolean watching = watch(shutdown);
        if (!watching) {
            interrupted.set(true);
            stop.set(true);
        }
        ExecutorService workers = Executors.newFixedThreadPool(Math.max(1, Math.min(parallel, chosen.size())), task -> {
            Thread thread = new Thread(task, "cairn-fleet");
            thread.setDaemon(true);
            return thread;
        });
        runs.starting().run();
        try {
            List<Future<FleetResult.Outcome<T>>> running = new ArrayList<>();
            for (String name : chosen) {
                running.add(workers.submit(() -> {
                    if (stop.get()) {
                        return FleetResult.Outcome.notRun(name);
                    }
                    long start = System.nanoTime();
                    FleetResult.Outcome<T> outcome;
                    try {
                        T result = work.apply(name);
                        outcome = FleetResult.Outcome.of(name, result, Duration.ofNanos(System.nanoTime() - start));
                    } catch (RuntimeException e) {
                        if (failFast) {
                            stop.set(true);
                        }
                        outcome = FleetResult.Outcome.failed(name, e, Duration.ofNanos(System.nanoTime() - start));
                    }
                    done.accept(outcome);
                    return outcome;
                }));
            }
            List<FleetResult.Outcome<T>> outcomes = new ArrayList<>();
            for (Future<FleetResult.Outcome<T>> outcome : running) {
                outcomes.add(outcome.get());
            }
            return new FleetResult<>(outcomes, interrupted.get());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancelledException("The fleet's run was interrupted; each target is where its own"
                    + " history says: run the command again to resume.");
        } catch (ExecutionException e) {
            throw new IllegalStateException("A fleet's worker failed outside its target", e.getCause());
        } finally {
            workers.shutdownNow();
            runs.ended().run();
            if (watching) {
                unwatch(shutdown);
            }
        }
    }

    /** Adds {@code hook} for the JVM's shutdown; false if the shutdown has begun already. */
    private static boolean watch(Thread hook) {
        try {
            Runtime.getRuntime().addShutdownHook(hook);
            return true;
        } catch (IllegalStateException e) {
            return false;
        }
    }

    private static void unwatch(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // The shutdown has begun: the hook has run or is running, and goes with the JVM.
        }
    }

    /** One of {@code count} stable slices of the targets. */
    private record Shard(int index, int count) {
        Shard {
            if (count < 1 || index < 1 || index > count) {
                throw new IllegalArgumentException(
                        "A shard is I/K with 1 <= I <= K, such as 1/4; not " + index + "/" + count);
            }
        }

        /** Whether {@code name} is in this slice: by a checksum of the name alone, so it never moves. */
        boolean holds(String name) {
            CRC32 crc = new CRC32();
            crc.update(name.getBytes(StandardCharsets.UTF_8));
            return crc.getValue() % count == index - 1;
        }
    }
}
