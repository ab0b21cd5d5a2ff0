// SPDX-License-Identifier: Apache-2.0
package dev.cairn.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The {@code cairn} command line: builds the picocli command tree, runs one command and maps its
 * outcome to an exit code (0 success; 1 a migration, validation or verification failed; 2 usage or
 * configuration error; 3 cannot connect or lock). Errors go to stderr as {@code error: <message>},
 * with a stack trace only under {@code -v}; passwords given on the command line are masked in
 * everything written.
 */
public final class Main {

    /** The names of the commands under {@code cairn}, in the order {@code --help} lists them. */
    private static final List<String> COMMANDS = List.of(
            "init",
            "make",
            "migrate",
            "up",
            "down",
            "rollback",
            "status",
            "validate",
            "verify",
            "lint",
            "schema",
            "repair",
            "baseline",
            "import",
            "squash",
            "unlock",
            "ping",
            "seed");

    /**
     * The commands that notice an interrupt, cancel what runs on the server, clean up and say so (the
     * others just end: they change nothing).
     */
    private static final Set<String> CLEANS_UP_ON_INTERRUPT =
            Set.of("migrate", "up", "down", "rollback", "verify", "seed");

    /**
     * How long an interrupted command may take to clean up and report before the process ends anyway:
     * a little more than the core gives itself, so that its report comes out.
     */
    private static final long INTERRUPT_GRACE_SECONDS = 40;

    /** The thread that installs {@link #main}'s signal handlers; null when run in-process. */
    private static volatile Thread signals;

    private Main() {}

    /**
     * Runs {@code cairn} in this process's working directory and environment, and exits with its
     * exit code.
     *
     * @param args the command line, such as {@code migrate --dry-run}
     */
    public static void main(String[] args) {
        Secrets secrets = Secrets.fromArguments(args);
        // Replace the process streams too, so the core's log lines (slf4j-simple writes to
        // System.err) are masked as well as what the CLI writes.
        System.setOut(RedactingOutputStream.printStream(System.out, secrets));
        System.setErr(RedactingOutputStream.printStream(System.err, secrets));
        // slf4j-simple reads its settings once, when the first logger is made: set them before the core runs.
        Logging.configure(args, System.getenv());
        CountDownLatch reported = new CountDownLatch(1);
        String command = firstCommandWord(args);
        // Set.of(...).contains(null) throws: a run without a command (--version, --help) has none.
        boolean cleansUp = command != null && CLEANS_UP_ON_INTERRUPT.contains(command);
        // A command that only reads keeps the JVM's own handling of signals: it just ends, with the same
        // exit code, and it makes no proxy class (as installing the handlers does) that it has no use for.
        if (cleansUp) {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> awaitReport(reported), "cairn-interrupt"));
            signals = Interrupts.installMeanwhile(System.err);
        }
        int exitCode = run(Path.of("").toAbsolutePath(), System.getenv(), System.out, System.err, args);
        reported.countDown();
        System.exit(exitCode);
    }

    /** Waits until {@link #main}'s signal handlers are in place, before a command starts. */
    private static void awaitSignals() {
        Thread installing = signals;
        if (installing == null) {
            return; // run in-process (a test, the start-up training) or a command that only reads
        }
        try {
            installing.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * On Ctrl-C the JVM runs its shutdown hooks and then halts, whatever the main thread is doing. A
     * command that cleans up after an interrupt (verify drops its scratch database) then fails with a
     * message that says what was interrupted; this hook holds the exit until that message is out.
     */
    private static void awaitReport(CountDownLatch reported) {
        try {
            reported.await(INTERRUPT_GRACE_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Runs one {@code cairn} command in-process, as {@link #main} does but without exiting: for tests
     * and for tools that embed the command line.
     *
     * @param workingDirectory what relative paths ({@code cairn.yml}, {@code -c FILE}) are resolved against
     * @param environment the environment variables: {@code CAIRN_ENV} and the values of {@code ${VAR}}
     * @param out where results go (one JSON document with {@code --json})
     * @param err where errors and diagnostics go
     * @param args the command line, such as {@code --json status}
     * @return the exit code
     */
    public static int run(
            Path workingDirectory, Map<String, String> environment, PrintStream out, PrintStream err, String... args) {
        Secrets secrets = Secrets.fromArguments(args);
        PrintStream safeOut = RedactingOutputStream.printStream(out, secrets);
        PrintStream safeErr = RedactingOutputStream.printStream(err, secrets);
        // Only the process's own streams can be a terminal; a caller's stream (a test's buffer) is not.
        Invocation invocation = new Invocation(
                workingDirectory,
                environment,
                safeOut,
                safeErr,
                out == System.out && Terminal.isTerminal(1),
                err == System.err && Terminal.isTerminal(2));
        try {
            return commandLine(invocation, args).execute(args);
        } finally {
            invocation.close();
            safeOut.flush();
            safeErr.flush();
        }
    }

    /**
     * The whole command tree, every command and option as {@code cairn --help} knows them, for the
     * build's generators of man pages and shell completion (cairn-dist); running it is not supported.
     *
     * @return the tree, bound to this process's working directory and streams
     */
    public static CommandLine commandTree() {
        return commandLine(
                new Invocation(Path.of("").toAbsolutePath(), Map.of(), System.out, System.err), new String[0], null);
    }

    /**
     * The command tree for {@code args}. Picocli reads every command's annotations when the command
     * is added, which is a good part of a short command's start-up time; so the tree holds only the
     * command that {@code args} name when they parse with it alone, and every command otherwise (for
     * {@code --help}, a missing or mistyped command, or a command word that turns out to be an
     * option's value), so that what is printed is the same either way.
     */
    private static CommandLine commandLine(Invocation invocation, String[] args) {
        String named = firstCommandWord(args);
        if (named != null) {
            CommandLine one = commandLine(invocation, args, named);
            try {
                ParseResult parsed = one.parseArgs(args);
                if (parsed.subcommand() != null
                        && parsed.subcommand().commandSpec().name().equals(named)) {
                    return one;
                }
            } catch (ParameterException e) {
                // The whole tree parses again below and reports the error as usual.
            }
        }
        return commandLine(invocation, args, null);
    }

    /** The first argument that is the name of a command: the command they most likely run. */
    private static String firstCommandWord(String[] args) {
        for (String arg : args) {
            if (COMMANDS.contains(arg)) {
                return arg;
            }
        }
        return null;
    }

    /** The command tree with the command {@code only}, or with every command if {@code only} is null. */
    private static CommandLine commandLine(Invocation invocation, String[] args, String only) {
        CommandLine commandLine = new CommandLine(new CairnCommand(invocation.options).spec());
        for (String name : COMMANDS) {
            if (only == null || only.equals(name)) {
                commandLine.addSubcommand(command(name, invocation));
            }
        }
        if (only == null) {
            // "cairn help migrate" = "cairn migrate --help"; it needs every command to find the one named.
            commandLine.addSubcommand(new CommandLine.HelpCommand());
        }
        // "cairn -v status -v" is no mistake worth an error: the last value wins.
        commandLine.setOverwrittenOptionsAllowed(true);
        commandLine.setOut(new PrintWriter(invocation.out, true));
        commandLine.setErr(new PrintWriter(invocation.err, true));
        commandLine.setExecutionStrategy(parseResult -> execute(invocation, parseResult));
        commandLine.setParameterExceptionHandler((error, arguments) -> usageError(invocation, error, args));
        commandLine.setExecutionExceptionHandler(
                (error, command, parseResult) -> report(invocation, Failure.of(error)));
        return commandLine;
    }

    /** The command {@code name}: a new instance given this run's Invocation, with its options and help options. */
    private static CommandLine command(String name, Invocation invocation) {
        if (name.equals("seed")) {
            CommandLine seed = command(new SeedCommand().spec());
            seed.addSubcommand(command(new SeedCommand.Make(invocation).spec()));
            seed.addSubcommand(command(new SeedCommand.Run(invocation).spec()));
            return seed;
        }
        Specs.Declared command = switch (name) {
            case "init" -> new InitCommand(invocation);
            case "make" -> new MakeCommand(invocation);
            case "migrate" -> new MigrateCommand(invocation);
            case "up" -> new UpCommand(invocation);
            case "down" -> new DownCommand(invocation);
            case "rollback" -> new RollbackCommand(invocation);
            case "status" -> new StatusCommand(invocation);
            case "validate" -> new ValidateCommand(invocation);
            case "verify" -> new VerifyCommand(invocation);
            case "schema" -> new SchemaCommand(invocation);
            case "repair" -> new RepairCommand(invocation);
            case "baseline" -> new BaselineCommand(invocation);
            case "import" -> new ImportCommand(invocation);
            case "squash" -> new SquashCommand(invocation);
            case "lint" -> new LintCommand(invocation);
            case "unlock" -> new UnlockCommand(invocation);
            case "ping" -> new PingCommand(invocation);
            default -> throw new IllegalArgumentException("No command " + name);
        };
        return command(command.spec());
    }

    /** The command of {@code spec}: its own options, then the help options, which come before the inherited ones. */
    private static CommandLine command(CommandSpec spec) {
        return new CommandLine(Specs.addHelpOptions(spec));
    }

    private static int execute(Invocation invocation, ParseResult parseResult) {
        awaitSignals();
        List<CommandLine> commands = parseResult.asCommandLineList();
        if (commands.size() > 1) {
            invocation.command(commandName(commands.get(commands.size() - 1)));
        }
        // Help follows the colour rule of all output; picocli's own guess would not know --no-color.
        commands.get(0)
                .setColorScheme(CommandLine.Help.defaultColorScheme(
                        invocation.outTerminal().colour() ? CommandLine.Help.Ansi.ON : CommandLine.Help.Ansi.OFF));
        if (commands.stream().anyMatch(CommandLine::isVersionHelpRequested)) {
            // Through the output, so that --json --version is a JSON document like every other.
            invocation
                    .output()
                    .version(
                            Version.number(),
                            Version.commit(),
                            Runtime.version().toString());
            return 0;
        }
        return new CommandLine.RunLast().execute(parseResult);
    }

    /** The command's name under {@code cairn}, such as {@code status} or {@code seed run}. */
    private static String commandName(CommandLine command) {
        return command.getCommandSpec().qualifiedName(" ").replaceFirst("^cairn ", "");
    }

    private static int usageError(Invocation invocation, ParameterException error, String[] args) {
        CommandLine command = error.getCommandLine();
        if (command.getParent() != null) {
            invocation.command(commandName(command));
        }
        // Parsing may have stopped before --json was read; it still decides what goes on stdout.
        if (Arrays.asList(args).contains("--json")) {
            invocation.options.json = true;
        }
        if (Arrays.asList(args).contains("--no-color")) {
            invocation.options.noColor = true;
        }
        String message = error.getMessage();
        // Some picocli messages carry their own "Error: "; ours prefixes "error: " already.
        if (message.startsWith("Error: ")) {
            message = message.substring("Error: ".length());
        }
        int code = report(invocation, Failure.usage(message));
        PrintStream err = invocation.err;
        if (error instanceof UnmatchedArgumentException) {
            UnmatchedArgumentException.printSuggestions((UnmatchedArgumentException) error, new PrintWriter(err, true));
        }
        err.println("Run '" + command.getCommandSpec().qualifiedName() + " --help' for usage.");
        return code;
    }

    /** Shows {@code failure} on stderr (and in the JSON document) and returns its exit code. */
    static int report(Invocation invocation, Failure failure) {
        boolean verbose = invocation.options.verbose;
        invocation.output().failed(failure);
        PrintStream err = invocation.err;
        // The message may quote a file name or a database's words: nothing in it may act on the terminal.
        err.println(invocation.errTerminal().failure("error:") + " "
                + Terminal.printable(
                        verbose && failure.type().equals("internal")
                                ? "internal error: " + failure.cause()
                                : failure.message()));
        if (verbose && failure.cause() != null) {
            failure.cause().printStackTrace(err);
        }
        err.flush();
        return failure.exitCode();
    }
}
