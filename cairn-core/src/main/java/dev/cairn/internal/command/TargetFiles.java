// SPDX-License-Identifier: Apache-2.0
package dev.cairn.internal.command;

import dev.cairn.ConfigurationException;
import dev.cairn.Targets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A fleet of SQLite databases: database files in one directory, the directory of the environment's
 * own file, chosen by a {@code LIKE} pattern over their names or listed by name. The directory is
 * their catalog, as a server's is for its databases. The files SQLite and Cairn keep beside a
 * database (its journal, write-ahead log and shared memory, Cairn's lock files) are never targets.
 */
final class TargetFiles {

    /** The endings of files beside a database that are not databases. */
    private static final List<String> BESIDE = List.of("-journal", "-wal", "-shm", ".lock");

    private TargetFiles() {}

    /**
     * The targets' names: the files the pattern matches, by name, or the list as written, each of which
     * must be there.
     *
     * @throws ConfigurationException if the directory is missing or a listed file is not in it
     */
    static List<String> names(Path directory, Targets targets) {
        List<String> present = databaseFiles(directory);
        if (targets.pattern().isPresent()) {
            Pattern like = like(targets.pattern().get());
            return present.stream().filter(name -> like.matcher(name).matches()).toList();
        }
        List<String> missing =
                targets.names().stream().filter(name -> !present.contains(name)).toList();
        if (!missing.isEmpty()) {
            throw new ConfigurationException("targets.databases names " + String.join(", ", missing) + ", which "
                    + (missing.size() == 1 ? "is" : "are") + " not a database file in " + directory + ". Create "
                    + (missing.size() == 1 ? "it" : "them") + " first (cairn migrate with the file's own URL makes"
                    + " one), or take " + (missing.size() == 1 ? "it" : "them") + " out of the list.");
        }
        return targets.names();
    }

    private static List<String> databaseFiles(Path directory) {
        if (!Files.isDirectory(directory)) {
            throw new ConfigurationException("The fleet's SQLite databases are the files in " + directory
                    + ", which is not a directory. Create it, or point the environment's URL at a file in the"
                    + " directory that holds the tenants' databases.");
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(Files::isRegularFile)
                    .map(file -> file.getFileName().toString())
                    .filter(name -> BESIDE.stream().noneMatch(name::endsWith))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new ConfigurationException(
                    "Could not list the fleet's SQLite databases in " + directory + ": " + e.getMessage() + ".", e);
        }
    }

    /**
     * SQL's {@code LIKE} as the servers read it: {@code %} any run of characters, {@code _} one,
     * {@code \} makes the next one literal; case matters, as it does in file names here.
     */
    static Pattern like(String pattern) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\\' && i + 1 < pattern.length()) {
                regex.append(Pattern.quote(String.valueOf(pattern.charAt(++i))));
            } else if (c == '%') {
                regex.append(".*");
            } else if (c == '_') {
                regex.append('.');
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }
}
