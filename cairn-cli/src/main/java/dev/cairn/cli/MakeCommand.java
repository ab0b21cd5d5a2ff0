// SPDX-License-Identifier: Apache-2.0
package dev.cairn.cli;

import static dev.cairn.cli.Specs.flag;
import static dev.cairn.cli.Specs.option;
import static dev.cairn.cli.Specs.parameters;

import dev.cairn.Cairn;
import dev.cairn.ConfigurationException;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code cairn make NAME}: writes a new, empty migration named with the current UTC time; with
 * {@code --java}, the skeleton of a Java migration class instead.
 */
final class MakeCommand extends DatabaseCommand {

    /** Where {@code --java} writes when {@code --source-dir} is not given, against the working directory. */
    static final String DEFAULT_SOURCE_DIRECTORY = "src/main/java";

    // Several words are one name ("cairn make add users table"), so quoting is not needed.
    List<String> words;
    boolean java;
    String packageName;
    Path sourceDirectory;

    MakeCommand(Invocation invocation) {
        super(invocation);
    }

    @Override
    public CommandSpec spec() {
        return Specs.command(
                        this,
                        "make",
                        "Write a new, empty migration file, named with a timestamp; with --java, a Java migration"
                                + " class.")
                .addPositional(parameters(String.class, "1..*", () -> words, value -> words = value)
                        .paramLabel("NAME")
                        .description("What the migration changes, such as create_users.")
                        .build())
                .addOption(flag(() -> java, value -> java = value, "--java")
                        .description("Write a Java migration instead of an SQL file: the class V<timestamp>__<name>,"
                                + " implementing JavaMigration with an empty up and down, in the directory of its"
                                + " package under --source-dir. The name keeps ASCII letters and digits only.")
                        .build())
                .addOption(option(String.class, () -> packageName, value -> packageName = value, "--package")
                        .paramLabel("PKG")
                        .description(
                                "With --java: the class's package (default: the first classpath: location's, such as"
                                        + " db.migrations for classpath:db/migrations; else db.migrations).")
                        .build())
                .addOption(option(Path.class, () -> sourceDirectory, value -> sourceDirectory = value, "--source-dir")
                        .paramLabel("DIR")
                        .description("With --java: the root of the Java sources (default: " + DEFAULT_SOURCE_DIRECTORY
                                + " in the working directory).")
                        .build());
    }

    /** Once for a fleet: it writes a file. */
    @Override
    boolean perTarget() {
        return false;
    }

    @Override
    void run(Cairn cairn, Output output) {
        String name = String.join(" ", words);
        if (!java) {
            if (packageName != null || sourceDirectory != null) {
                throw new ConfigurationException("--package and --source-dir go with --java only: an SQL migration is"
                        + " written in the migrations directory. Add --java to write a Java migration.");
            }
            output.made(cairn.make(name));
            return;
        }
        Path sources = invocation
                .workingDirectory
                .resolve(sourceDirectory != null ? sourceDirectory : Path.of(DEFAULT_SOURCE_DIRECTORY))
                .normalize();
        output.made(cairn.makeJava(name, packageName, sources));
    }
}
