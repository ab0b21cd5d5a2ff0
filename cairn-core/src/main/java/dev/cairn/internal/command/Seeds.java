// SPDX-License-Identifier: Apache-2.0
package dev.cairn.internal.command;

import dev.cairn.CairnException;
import dev.cairn.CancelledException;
import dev.cairn.ConfigurationException;
import dev.cairn.Direction;
import dev.cairn.MigrationFailedException;
import dev.cairn.MigrationFileException;
import dev.cairn.SeedResult;
import dev.cairn.internal.run.StatementFailedException;
import dev.cairn.internal.run.StatementRunner;
import dev.cairn.internal.source.Section;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Seeds, as Knex has them: SQL files in the seeds directory that fill a database with data, run in
 * name order (prefix them {@code 01_}, {@code 02_} to order them), each in a transaction of its own,
 * under the migration lock, and never tracked: running them again runs them again, so write them to
 * be re-runnable (delete first, or insert what is missing).
 */
public final class Seeds {

    /** The body of a new seed file. */
    static final String TEMPLATE = "-- Seed data. `cairn seed run` runs the seed files in name order, each in a"
            + " transaction;\n-- seeds are not tracked, so make this file safe to run again.\n\n";

    private final Settings settings;

    /** The seed commands for these settings. */
    public Seeds(Settings settings) {
        this.settings = settings;
    }

    /** Writes a new seed file {@code <name>.sql}. */
    public Path make(String name) {
        String slug = Slug.of(name);
        if (slug.isEmpty()) {
            throw new ConfigurationException(
                    "A seed needs a name with letters or digits, such as `cairn seed make 01_users`.");
        }
        Path directory = settings.seedsDirectory();
        Slug.requireFits("A seed", slug + ".sql", slug);
        Path file = directory.resolve(slug + ".sql");
        Slug.createDirectory("a seed", directory, "seeds.directory");
        try {
            Files.writeString(file, TEMPLATE, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
            return file;
        } catch (FileAlreadyExistsException e) {
            throw new ConfigurationException(file + " already exists; nothing was written.", e);
        } catch (IOException e) {
            throw Slug.cannotWrite("a seed", directory, "seeds.directory", e);
        }
    }

    /**
     * Runs the seed files named (all of them if none), in name order.
     *
     * @throws ConfigurationException if the directory is missing or a name matches no file
     * @throws MigrationFailedException if a statement fails: that seed is rolled back, earlier ones stay
     */
    public SeedResult run(List<String> names) {
        Stopwatch stopwatch = new Stopwatch();
        List<Path> files = select(names);
        List<String> ran = new ArrayList<>();
        try (Cancellation cancellation = new Cancellation("seed run", "Nothing was changed.")) {
            try (Session session = Session.forChange(settings, settings.listener(), () -> {}, cancellation)) {
                StatementRunner runner =
                        new StatementRunner(session.connection(), session.dialect(), cancellation.canceller());
                for (Path file : files) {
                    String name = file.getFileName().toString();
                    cancellation.doing(
                            "running the seed " + name,
                            ran.isEmpty()
                                    ? "Nothing was changed."
                                    : "The seeds before it ran and stay: " + String.join(", ", ran) + ".");
                    try {
                        runner.run(read(file).statements(session.dialect().splitRules()));
                        session.connection().commit();
                    } catch (StatementFailedException e) {
                        throw failure(session, file, e, ran);
                    } catch (SQLException e) {
                        throw session.failure("running the seed " + name, e);
                    }
                    ran.add(name);
                }
            } catch (RuntimeException e) {
                if (cancellation.cancelled() && !(e instanceof CancelledException)) {
                    throw cancellation.interrupted();
                }
                throw e;
            }
        }
        return new SeedResult(ran, stopwatch.elapsed());
    }

    private CairnException failure(Session session, Path file, StatementFailedException failed, List<String> ran) {
        try {
            session.connection().rollback();
        } catch (SQLException e) {
            failed.getCause().addSuppressed(e);
        }
        String name = file.getFileName().toString();
        String state = "The seed's transaction was rolled back"
                + (session.dialect().transactionalDdl()
                        ? ""
                        : " (DDL in it, which " + session.dialect().name() + " commits as it runs, stays)")
                + (ran.isEmpty() ? "." : "; the seeds before it ran and stay: " + String.join(", ", ran) + ".");
        if (failed.cancelled()) {
            return new CancelledException("seed run was interrupted: "
                    + (failed.started()
                            ? "statement " + (failed.index() + 1) + " of the seed " + name + " (line " + failed.line()
                                    + ") was cancelled on the server. "
                            : "it stopped before the seed " + name + ". ")
                    + state);
        }
        String outcome = state + System.lineSeparator() + "Fix the statement and run the seeds again.";
        return new MigrationFailedException(
                name,
                Direction.UP,
                file,
                failed.line(),
                failed.index() + 1,
                failed.sqlState(),
                failed.databaseMessage(),
                ran,
                outcome,
                failed.getCause());
    }

    /** The whole seed file as one section, its statements counted from line 1. */
    private static Section read(Path file) {
        try {
            String text = StandardCharsets.UTF_8
                    .newDecoder()
                    .decode(ByteBuffer.wrap(Files.readAllBytes(file)))
                    .toString();
            if (text.startsWith("\uFEFF")) {
                text = text.substring(1);
            }
            return new Section(file, text, 1, true);
        } catch (CharacterCodingException e) {
            throw new MigrationFileException(file, 0, "is not UTF-8 text; save it as UTF-8");
        } catch (IOException e) {
            throw new MigrationFileException(file, 0, "cannot be read: " + e.getMessage());
        }
    }

    private List<Path> select(List<String> names) {
        Path directory = settings.seedsDirectory();
        if (!Files.isDirectory(directory)) {
            throw new ConfigurationException("The seeds directory " + directory + " does not exist. Write a seed with"
                    + " `cairn seed make NAME`, or set seeds.directory in cairn.yml.");
        }
        List<Path> all;
        try (Stream<Path> entries = Files.list(directory)) {
            all = entries.filter(Files::isRegularFile)
                    .filter(file -> file.getFileName().toString().endsWith(".sql"))
                    .filter(file -> !file.getFileName().toString().startsWith("."))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the seeds directory " + directory, e);
        }
        if (names.isEmpty()) {
            return all;
        }
        List<Path> chosen = new ArrayList<>();
        for (String name : names) {
            String fileName = name.endsWith(".sql") ? name : name + ".sql";
            Path file = all.stream()
                    .filter(f -> f.getFileName().toString().equals(fileName))
                    .findFirst()
                    .orElseThrow(() -> new ConfigurationException("No seed file " + fileName + " in " + directory
                            + "; the seeds are: "
                            + (all.isEmpty()
                                    ? "(none)"
                                    : String.join(
                                            ", ",
                                            all.stream()
                                                    .map(f -> f.getFileName().toString())
                                                    .toList()))
                            + "."));
            if (!chosen.contains(file)) {
                chosen.add(file);
            }
        }
        chosen.sort(null);
        return chosen;
    }
}
