// SPDX-License-Identifier: Apache-2.0
package dev.cairn.cli;

import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What Ctrl-C (SIGINT) and SIGTERM do to a {@code cairn} command that changes a database. The first
 * says so and starts the JVM's shutdown with the exit code 128 + the signal's number (130, 143): the
 * command then cancels its statement on the server, rolls back and reports (the core's shutdown hook,
 * held up by {@link Main}'s until the report is out). The second exits at once, without waiting for
 * any of that: the escape when the database takes too long to stop. A command that only reads keeps
 * the JVM's own handling, which ends it at once with the same exit code.
 *
 * <p>The JVM's own handling does the first part too, but it ignores a second signal while it shuts
 * down, so this replaces it where the JVM lets it ({@code sun.misc.Signal}, in {@code jdk.unsupported}).
 * Where it cannot (a JVM run with {@code -Xrs}), the JVM's own handling stays.
 */
final class Interrupts {

    private final AtomicBoolean signalled = new AtomicBoolean();
    private final PrintStream err;

    private Interrupts(PrintStream err) {
        this.err = err;
    }

    /**
     * {@link #install} on a thread of its own, so that the command line is parsed meanwhile: the
     * handler is a proxy class made at run time, which no start-up cache holds, and making it takes
     * milliseconds. Join the thread before the command starts.
     */
    static Thread installMeanwhile(PrintStream err) {
        Thread thread = new Thread(() -> install(err), "cairn-signals");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    /**
     * Handles SIGINT and SIGTERM for this process.
     *
     * @param err where the notice of the first signal goes
     */
    static void install(PrintStream err) {
        Interrupts interrupts = new Interrupts(err);
        try {
            // Through reflection: javac warns about any direct use of sun.misc, and the build fails on warnings.
            Class<?> signalClass = Class.forName("sun.misc.Signal");
            Class<?> handlerClass = Class.forName("sun.misc.SignalHandler");
            Object handler = Proxy.newProxyInstance(
                    Interrupts.class.getClassLoader(), new Class<?>[] {handlerClass}, (proxy, method, args) -> {
                        if (method.getName().equals("handle")) {
                            Object signal = args[0];
                            interrupts.handle(
                                    (String) signalClass.getMethod("getName").invoke(signal),
                                    (Integer) signalClass.getMethod("getNumber").invoke(signal));
                            return null;
                        }
                        return switch (method.getName()) {
                            case "hashCode" -> System.identityHashCode(proxy);
                            case "equals" -> proxy == args[0];
                            default -> "cairn interrupts";
                        };
                    });
            Method handle = signalClass.getMethod("handle", signalClass, handlerClass);
            for (String name : new String[] {"INT", "TERM"}) {
                try {
                    handle.invoke(null, signalClass.getConstructor(String.class).newInstance(name), handler);
                } catch (InvocationTargetException e) {
                    // The JVM keeps this signal (-Xrs, or a platform without it): its own handling stays.
                }
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            // No sun.misc.Signal in this runtime: the JVM's own handling stays.
        }
    }

    /** Runs on a thread of its own for each signal. */
    private void handle(String name, int number) {
        int exitCode = 128 + number;
        if (!signalled.compareAndSet(false, true)) {
            err.println("cairn: SIG" + name + " again: exiting now, without waiting for the database.");
            err.flush();
            Runtime.getRuntime().halt(exitCode);
        }
        err.println("cairn: SIG" + name + ": stopping; the statement running is cancelled on the server"
                + " (press Ctrl-C again to exit at once).");
        err.flush();
        System.exit(exitCode);
    }
}
