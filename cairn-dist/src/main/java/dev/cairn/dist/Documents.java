// SPDX-License-Identifier: Apache-2.0
package dev.cairn.dist;

import dev.cairn.cli.Main;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.asciidoctor.Asciidoctor;
import org.asciidoctor.Options;
import org.asciidoctor.SafeMode;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.codegen.docgen.manpage.ManPageGenerator;

/**
 * Writes the distribution's generated files from the {@code cairn} command tree itself, so that they
 * list exactly the commands and options the jar has: {@code completion/cairn.bash} (picocli's
 * AutoComplete; the script also serves zsh through {@code bashcompinit}, and picocli makes no zsh
 * script of its own), and {@code man/man1/cairn.1} with one {@code cairn-COMMAND.1} per command and
 * subcommand. picocli-codegen's ManPageGenerator writes the pages as AsciiDoc, and Asciidoctor's
 * manpage backend turns them into the roff that {@code man} reads. The build runs it in
 * {@code prepare-package}.
 */
public final class Documents {

    private Documents() {}

    /**
     * Writes {@code completion/} and {@code man/man1/} under a directory.
     *
     * @param args one: the directory, which the assembly copies into the archives as it is
     * @throws IOException if a file cannot be written or a page not converted
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("Usage: Documents OUTPUT_DIRECTORY");
        }
        Path output = Path.of(args[0]);
        Path sources = output.resolveSibling(output.getFileName() + "-man-adoc");
        // A build without `clean` would otherwise ship the pages of a command that is gone.
        deleteRecursively(output);
        deleteRecursively(sources);
        CommandLine tree = Main.commandTree();

        Path completion = Files.createDirectories(output.resolve("completion"));
        Files.writeString(completion.resolve("cairn.bash"), AutoComplete.bash("cairn", tree), StandardCharsets.UTF_8);

        Path manuals = Files.createDirectories(output.resolve("man/man1"));
        Files.createDirectories(sources);
        // No templates directory (null): each page is written whole, not as an include of a template.
        int exitCode = ManPageGenerator.generateManPage(
                sources.toFile(), (File) null, new boolean[0], true, tree.getCommandSpec());
        if (exitCode != 0) {
            throw new IOException("picocli's ManPageGenerator failed with exit code " + exitCode);
        }
        List<Path> pages;
        try (Stream<Path> files = Files.list(sources)) {
            pages = files.filter(file -> file.toString().endsWith(".adoc"))
                    .sorted()
                    .toList();
        }
        if (pages.isEmpty()) {
            throw new IOException("picocli's ManPageGenerator wrote no page into " + sources);
        }
        try (Asciidoctor asciidoctor = Asciidoctor.Factory.create()) {
            for (Path page : pages) {
                asciidoctor.convertFile(
                        page.toFile(),
                        Options.builder()
                                .backend("manpage")
                                .toDir(manuals.toFile())
                                .mkDirs(true)
                                .safe(SafeMode.UNSAFE)
                                .build());
            }
        }
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
