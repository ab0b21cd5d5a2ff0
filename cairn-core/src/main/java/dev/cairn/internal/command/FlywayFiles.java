// SPDX-License-Identifier: Apache-2.0
package dev.cairn.internal.command;

import dev.cairn.ConfigurationException;
import dev.cairn.FileImportResult;
import dev.cairn.ValidationException;
import dev.cairn.internal.source.FlywayName;
import dev.cairn.internal.source.Version;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Converts a Flyway project's SQL migration files into Cairn's, one file per migration: the files part
 * of {@code cairn import flyway --files DIR}. Reads the Flyway directory and its sub-directories (as
 * Flyway scans them), writes into the migrations directory, and connects to no database.
 *
 * <p><b>Which files.</b> {@code V<version>__<description>.sql} is a migration; the
 * {@code U<version>__<description>.sql} of the same version (as Flyway compares versions: {@code 1.1},
 * {@code 1_1} and {@code 1.01} are one) undoes it. {@code V1__x.sql.conf} configures its script:
 * {@code executeInTransaction=false} puts {@code transaction:false} on that script's marker (a U file's
 * on the down marker); other keys are named in a note. Not converted, and each listed with why in
 * {@link FileImportResult#skipped()}: repeatable migrations ({@code R__x.sql}), callbacks
 * ({@code beforeMigrate.sql}, {@code afterMigrate__x.sql}) and any other {@code .sql} file, a U file
 * without a V file, Java migrations ({@code .java}, {@code .class}), a file that cannot be read or is not
 * UTF-8 (Flyway's default encoding, and the one Cairn reads), a file with a line Cairn would read as a
 * marker. Other files are ignored.
 *
 * <p><b>Versions.</b> If every V file's version is one number, the Cairn version is that number as
 * written ({@code V001__init.sql} → {@code 001_init.sql}, {@code V20240101120000__x.sql} →
 * {@code 20240101120000_x.sql}). If any has several parts ({@code 1.1}, or {@code 1_1}, which Flyway
 * reads as 1.1), every version is renumbered into digits in the same order: the first part as written,
 * then each later position zero-padded to the digits of the widest number at that position in the
 * directory, a missing part counting as zero. {@code 1}, {@code 1.1}, {@code 1.10}, {@code 2} become
 * {@code 100}, {@code 101}, {@code 110}, {@code 200}; {@code 1.2.3}, {@code 1.10}, {@code 3} become
 * {@code 1023}, {@code 1100}, {@code 3000}. Every later position has a fixed width, so the numbers
 * compare as the versions do, and two versions that Flyway tells apart never become one number.
 *
 * <p><b>Names.</b> The name after the version is Flyway's description as written ({@link FlywayName#cairnName}),
 * with each run of characters other than letters, digits and {@code _} made one {@code _}, as
 * {@code cairn make} does; so a {@code .} cannot make it look like a {@code .up.sql} file:
 * {@code V2__Add_posts.sql} → {@code 2_Add_posts.sql}, {@code V3__add-tags.v2.sql} →
 * {@code 3_add_tags_v2.sql}; a description without a letter or digit gives {@code <version>.sql}.
 *
 * <p><b>Content.</b> A comment line saying where it came from (the migration's description in Cairn),
 * {@code -- migrate:up}, the V file's bytes as they are, then, if there is a U file,
 * {@code -- migrate:down} and its bytes; without one no down marker at all: irreversible, as the Flyway
 * migration was without undo. The lines added end as the V file's lines do (CRLF or LF); a byte order
 * mark is dropped; a line break is added before the down marker only if the V file does not end with one.
 *
 * <p><b>All or nothing.</b> Two V files of one version, two U files of one version, a name too long for
 * file systems, or a converted file whose name or version a file with other content has in the
 * migrations directory, refuse the whole conversion before anything is written, naming every conflict.
 * A file already there with exactly the content that would be written counts as converted. Each file is
 * written to a hidden temporary file and moved into place; if one cannot be written, those written
 * before it are removed.
 */
public final class FlywayFiles {

    private static final String SQL = ".sql";
    private static final String CONF = ".conf";
    private static final String NOT_CONVERTED = " was not converted: ";
    private static final String EXECUTE_IN_TRANSACTION = "executeInTransaction";

    /** Flyway's version: numbers separated by {@code .} or {@code _} (which Flyway reads as {@code .}). */
    private static final Pattern VERSION = Pattern.compile("[0-9]+(?:[._][0-9]+)*");

    private static final Pattern VERSION_SEPARATOR = Pattern.compile("[._]");

    /** A callback's event, such as {@code beforeMigrate} or {@code afterEachMigrateError}. */
    private static final Pattern CALLBACK = Pattern.compile("(?:before|after)[A-Z][A-Za-z]*|createSchema");

    /** What Cairn's section reader takes for a marker (or refuses as an unknown one), once the line is stripped. */
    private static final Pattern MARKER = Pattern.compile("^--\\s*migrate:[A-Za-z]+\\b.*$", Pattern.CASE_INSENSITIVE);

    /** A Flyway placeholder, {@code ${name}} (Flyway's own are {@code ${flyway:name}}). */
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^{}\\s]+)}");

    private static final String FLYWAY_PLACEHOLDER = "flyway:";

    private FlywayFiles() {}

    /**
     * Converts every Flyway SQL migration under {@code flywayDirectory} into a Cairn file in
     * {@code migrationsDirectory}, creating that directory if needed (not on a dry run).
     *
     * @param flywayDirectory the directory Flyway reads, such as {@code src/main/resources/db/migration}
     * @param migrationsDirectory Cairn's migrations directory
     * @param dryRun check and report everything, and write nothing
     * @return what was converted (or would be), what was not and why, and what to check by hand
     * @throws ConfigurationException if {@code flywayDirectory} does not exist or cannot be read, or a file
     *     cannot be written (and then none is left behind)
     * @throws ValidationException naming every conflict (two migrations of one version, a converted file
     *     whose name or version the migrations directory has already, a name too long); nothing was written
     */
    public static FileImportResult convert(Path flywayDirectory, Path migrationsDirectory, boolean dryRun) {
        List<String> skipped = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        SortedMap<String, Path> files = list(flywayDirectory, skipped);

        List<Script> versioned = new ArrayList<>();
        List<Script> undos = new ArrayList<>();
        for (Map.Entry<String, Path> entry : files.entrySet()) {
            String path = entry.getKey();
            String fileName = entry.getValue().getFileName().toString();
            if (fileName.endsWith(".java") || (fileName.endsWith(".class") && fileName.indexOf('$') < 0)) {
                skipped.add(path + NOT_CONVERTED + "it is a Java migration; port it to dev.cairn.JavaMigration.");
            } else if (fileName.endsWith(SQL)) {
                classify(path, entry.getValue(), fileName, versioned, undos, skipped);
            }
        }
        Comparator<Script> order = Comparator.comparing(Script::version).thenComparing(Script::path);
        versioned.sort(order);
        undos.sort(order);
        Map<String, List<Script>> byVersion = byVersion(versioned);
        Map<String, List<Script>> undoByVersion = byVersion(undos);
        byVersion.values().stream()
                .filter(same -> same.size() > 1)
                .forEach(same -> problems.add(paths(same) + " have the same version" + versionTexts(same)
                        + "; each migration needs its own: give each another version, or delete all but one"));
        undoByVersion.values().stream()
                .filter(same -> same.size() > 1)
                .forEach(same -> problems.add(
                        paths(same) + " undo the same version" + versionTexts(same) + "; delete all but one"));
        undoByVersion.forEach((key, same) -> {
            if (!byVersion.containsKey(key)) {
                same.forEach(undo -> skipped.add(undo.path() + NOT_CONVERTED + "it undoes version "
                        + undo.version().text() + ", and no V file has that version."));
            }
        });

        boolean renumbered =
                versioned.stream().anyMatch(script -> script.version().parts().size() > 1);
        int[] widths = widths(versioned);
        List<Planned> planned = new ArrayList<>();
        for (List<Script> same : byVersion.values()) {
            Script script = same.get(0);
            List<Script> undo = undoByVersion.getOrDefault(script.version().key(), List.of());
            String version = renumbered
                    ? renumber(script.version(), widths)
                    : script.version().text();
            plan(script, undo.isEmpty() ? null : undo.get(0), version, files, planned, skipped, notes, problems);
        }
        if (renumbered) {
            notes.add(0, renumberedNote(planned));
        }
        checkTargets(migrationsDirectory, planned, problems, notes);
        if (!problems.isEmpty()) {
            throw new ValidationException(
                    "Cannot convert the Flyway migrations in " + flywayDirectory + " into " + migrationsDirectory
                            + ": " + problems.size() + (problems.size() == 1 ? " conflict" : " conflicts")
                            + ". Nothing was written. Resolve each, then convert again.",
                    problems);
        }
        if (!dryRun) {
            write(migrationsDirectory, planned);
        }
        List<FileImportResult.Converted> converted = planned.stream()
                .map(plan -> new FileImportResult.Converted(
                        plan.script().path(),
                        Optional.ofNullable(plan.undo()).map(Script::path),
                        plan.fileName(),
                        plan.undo() != null))
                .toList();
        return new FileImportResult(converted, skipped, notes, dryRun);
    }

    /** A Flyway version: its text as written, and its numbers. */
    private record FlywayVersion(String text, List<String> parts) implements Comparable<FlywayVersion> {

        /** The version {@code text} is, or null if it is not one. */
        static FlywayVersion parse(String text) {
            return VERSION.matcher(text).matches()
                    ? new FlywayVersion(text, List.of(VERSION_SEPARATOR.split(text)))
                    : null;
        }

        /** The same for every version Flyway takes as this one: {@code 1.1}, {@code 1_01}, {@code 1.1.0}. */
        String key() {
            List<String> numbers = parts.stream().map(FlywayFiles::significant).collect(Collectors.toList());
            while (numbers.size() > 1 && numbers.get(numbers.size() - 1).equals("0")) {
                numbers.remove(numbers.size() - 1);
            }
            return String.join(".", numbers);
        }

        @Override
        public int compareTo(FlywayVersion other) {
            for (int i = 0; i < Math.max(parts.size(), other.parts.size()); i++) {
                int compared = new Version(part(i)).compareTo(new Version(other.part(i)));
                if (compared != 0) {
                    return compared;
                }
            }
            return 0;
        }

        private String part(int index) {
            return index < parts.size() ? parts.get(index) : "0";
        }
    }

    /**
     * A V or U file.
     *
     * @param path its path relative to the Flyway directory, with {@code /} between parts
     * @param file the file
     * @param version its version
     * @param description what follows {@code __}, without {@code .sql}
     */
    private record Script(String path, Path file, FlywayVersion version, String description) {}

    /**
     * A Cairn file to write.
     *
     * @param script the V file
     * @param undo the U file, or null
     * @param fileName the Cairn file's name
     * @param version the Cairn version
     * @param content what to write
     * @param alreadyThere whether the migrations directory has the file with this content already
     */
    private record Planned(
            Script script, Script undo, String fileName, String version, byte[] content, boolean alreadyThere) {

        Planned foundThere() {
            return new Planned(script, undo, fileName, version, content, true);
        }
    }

    /** A script's bytes without a byte order mark and its text; or, with {@code unusable}, why it cannot be used. */
    private record Body(byte[] bytes, String text, String unusable) {}

    /**
     * What a {@code .sql.conf} file says.
     *
     * @param transactional false if it says {@code executeInTransaction=false}
     * @param otherKeys its other keys, which the conversion does not carry over
     * @param unusable why it cannot be used, or null
     */
    private record Conf(boolean transactional, Set<String> otherKeys, String unusable) {
        static final Conf NONE = new Conf(true, Set.of(), null);
    }

    /** Every regular file under {@code directory}, by its relative path; a part that cannot be read is skipped. */
    private static SortedMap<String, Path> list(Path directory, List<String> skipped) {
        String what = "The Flyway directory " + directory;
        String next = " Give the directory that holds the Flyway migrations (the V<version>__<description>.sql"
                + " files), such as src/main/resources/db/migration.";
        if (!Files.exists(directory)) {
            throw new ConfigurationException(what + " does not exist." + next);
        }
        if (!Files.isDirectory(directory)) {
            throw new ConfigurationException(what + " is not a directory." + next);
        }
        SortedMap<String, Path> files = new TreeMap<>();
        try {
            // Opened first so that a directory that cannot be read is an error, not an empty conversion.
            Files.list(directory).close();
            Files.walkFileTree(directory, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                    if (attributes.isRegularFile() || Files.isRegularFile(file)) {
                        files.put(relative(directory, file), file);
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    skipped.add(
                            relative(directory, file) + NOT_CONVERTED + "it cannot be read (" + Slug.reason(e) + ").");
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new ConfigurationException(
                    what + " cannot be read: " + Slug.reason(e) + ". Check its permissions, or give another"
                            + " directory.",
                    e);
        }
        return files;
    }

    private static String relative(Path directory, Path file) {
        List<String> parts = new ArrayList<>();
        directory.relativize(file).forEach(part -> parts.add(part.toString()));
        return String.join("/", parts);
    }

    /** Files {@code fileName} (a {@code .sql} file) as a V or U file, or says why it is skipped. */
    private static void classify(
            String path, Path file, String fileName, List<Script> versioned, List<Script> undos, List<String> skipped) {
        String stem = fileName.substring(0, fileName.length() - SQL.length());
        if (stem.startsWith("V") || stem.startsWith("U")) {
            int separator = stem.indexOf("__", 1);
            FlywayVersion version = separator < 0 ? null : FlywayVersion.parse(stem.substring(1, separator));
            if (version == null) {
                skipped.add(path + NOT_CONVERTED + "its name is not V<version>__<description>.sql (nor U...), with a"
                        + " version of numbers separated by . or _, such as V1.1__add_posts.sql; rename it and"
                        + " convert again.");
            } else {
                Script script = new Script(path, file, version, stem.substring(separator + 2));
                (stem.startsWith("V") ? versioned : undos).add(script);
            }
        } else if (stem.startsWith("R__")) {
            skipped.add(path + NOT_CONVERTED + "it is a repeatable migration, which Cairn does not have; when its"
                    + " SQL changes, write the change as a new migration (`cairn make NAME`).");
        } else if (CALLBACK.matcher(stem.split("__", 2)[0]).matches()) {
            skipped.add(path + NOT_CONVERTED + "it is a Flyway callback, which Cairn does not run; move what it"
                    + " does into a migration, or into the script that runs `cairn migrate`.");
        } else {
            skipped.add(path + NOT_CONVERTED + "its name is not a Flyway migration's (V<version>__<description>.sql,"
                    + " U... or R__...).");
        }
    }

    /** {@code scripts} (ordered) grouped by their versions as Flyway compares them. */
    private static Map<String, List<Script>> byVersion(List<Script> scripts) {
        Map<String, List<Script>> byVersion = new LinkedHashMap<>();
        for (Script script : scripts) {
            byVersion
                    .computeIfAbsent(script.version().key(), key -> new ArrayList<>())
                    .add(script);
        }
        return byVersion;
    }

    private static String paths(List<Script> scripts) {
        return scripts.stream().map(Script::path).collect(Collectors.joining(" and "));
    }

    private static String versionTexts(List<Script> scripts) {
        Set<String> texts = new LinkedHashSet<>();
        scripts.forEach(script -> texts.add(script.version().text()));
        return texts.size() == 1
                ? " (" + texts.iterator().next() + ")"
                : " (" + String.join(" and ", texts) + " are one version to Flyway)";
    }

    /** For each position after the first, the digits of the widest number there (without leading zeros). */
    private static int[] widths(List<Script> versioned) {
        int positions = versioned.stream()
                .mapToInt(script -> script.version().parts().size())
                .max()
                .orElse(1);
        int[] widths = new int[positions];
        for (Script script : versioned) {
            List<String> parts = script.version().parts();
            for (int i = 1; i < parts.size(); i++) {
                widths[i] = Math.max(widths[i], significant(parts.get(i)).length());
            }
        }
        return widths;
    }

    /** {@code version} as one number: the first part as written, each later one zero-padded to its width. */
    private static String renumber(FlywayVersion version, int[] widths) {
        StringBuilder digits = new StringBuilder(version.parts().get(0));
        for (int i = 1; i < widths.length; i++) {
            String part =
                    i < version.parts().size() ? significant(version.parts().get(i)) : "0";
            digits.append("0".repeat(widths[i] - part.length())).append(part);
        }
        return digits.toString();
    }

    /** {@code digits} without leading zeros ({@code 0} stays). */
    private static String significant(String digits) {
        int start = 0;
        while (start < digits.length() - 1 && digits.charAt(start) == '0') {
            start++;
        }
        return digits.substring(start);
    }

    private static String renumberedNote(List<Planned> planned) {
        String example = planned.stream()
                .filter(plan -> plan.script().version().parts().size() > 1)
                .findFirst()
                .map(plan -> " (" + plan.script().path() + " is " + plan.fileName() + ")")
                .orElse("");
        StringBuilder note = new StringBuilder("Some Flyway versions have several parts, and Cairn's are digits"
                + " only: every version was renumbered in the same order, each part after the first zero-padded"
                + " to the widest number in its place" + example + ". `cairn import flyway` matches Flyway's"
                + " history rows to these migrations by the name after the version.");
        Map<String, List<String>> byName = new LinkedHashMap<>();
        for (Planned plan : planned) {
            byName.computeIfAbsent(FlywayName.cairnName(plan.script().description()), name -> new ArrayList<>())
                    .add(plan.fileName());
        }
        byName.forEach((name, fileNames) -> {
            if (fileNames.size() > 1) {
                note.append(" ")
                        .append(String.join(" and ", fileNames))
                        .append(" have one name after the version (")
                        .append(name.isEmpty() ? "none" : name)
                        .append("): rename all but one (keeping the version) before importing the history.");
            }
        });
        return note.toString();
    }

    /** Reads {@code script} and its undo, and plans the Cairn file, or says why it is skipped. */
    private static void plan(
            Script script,
            Script undo,
            String version,
            Map<String, Path> files,
            List<Planned> planned,
            List<String> skipped,
            List<String> notes,
            List<String> problems) {
        Body up = body(script.file());
        Conf upConf = conf(files.get(script.path() + CONF));
        Body down = undo == null ? null : body(undo.file());
        Conf downConf = undo == null ? Conf.NONE : conf(files.get(undo.path() + CONF));
        String unusable = null;
        if (up.unusable() != null) {
            unusable = "it " + up.unusable();
        } else if (upConf.unusable() != null) {
            unusable = script.path() + CONF + " " + upConf.unusable();
        } else if (down != null && down.unusable() != null) {
            unusable = "its undo file " + undo.path() + " " + down.unusable();
        } else if (downConf.unusable() != null) {
            unusable = undo.path() + CONF + " " + downConf.unusable();
        }
        if (unusable != null) {
            skipped.add(script.path() + NOT_CONVERTED + unusable + ".");
            if (undo != null) {
                skipped.add(undo.path() + NOT_CONVERTED + "it undoes " + script.path() + ", which was not.");
            }
            return;
        }
        String name = FlywayName.cairnName(script.description());
        String fileName = version + (name.isEmpty() ? "" : "_" + name) + SQL;
        int bytes = fileName.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > Slug.MAX_FILE_NAME_BYTES) {
            problems.add(script.path() + " would be " + fileName + ", " + bytes + " bytes, and file systems allow "
                    + Slug.MAX_FILE_NAME_BYTES + " per name: shorten its description");
        }
        planned.add(
                new Planned(script, undo, fileName, version, content(script, up, upConf, undo, down, downConf), false));
        placeholderNote(script, up, undo, down).ifPresent(notes::add);
        for (Map.Entry<Script, Conf> configured :
                confs(script, upConf, undo, downConf).entrySet()) {
            if (!configured.getValue().otherKeys().isEmpty()) {
                notes.add(configured.getKey().path() + CONF + " sets "
                        + String.join(", ", configured.getValue().otherKeys())
                        + ", which the conversion does not carry over: check " + fileName + ".");
            }
        }
    }

    private static Map<Script, Conf> confs(Script script, Conf upConf, Script undo, Conf downConf) {
        Map<Script, Conf> confs = new LinkedHashMap<>();
        confs.put(script, upConf);
        if (undo != null) {
            confs.put(undo, downConf);
        }
        return confs;
    }

    /** The bytes of {@code file} as a section: strict UTF-8, without a byte order mark, with no marker line. */
    private static Body body(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            return new Body(null, null, "cannot be read (" + Slug.reason(e) + ")");
        }
        if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
            bytes = Arrays.copyOfRange(bytes, 3, bytes.length);
        }
        String text;
        try {
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            return new Body(
                    null,
                    null,
                    "is not UTF-8 (Flyway's default encoding, and the one Cairn reads); save it as"
                            + " UTF-8 and convert again");
        }
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (MARKER.matcher(lines[i].strip()).matches()) {
                return new Body(
                        null,
                        null,
                        "has a line (" + (i + 1) + ") that Cairn would read as a marker"
                                + " (-- migrate:...); change that comment and convert again");
            }
        }
        return new Body(bytes, text, null);
    }

    /** What the {@code .sql.conf} file {@code file} says; {@link Conf#NONE} if there is none. */
    private static Conf conf(Path file) {
        if (file == null) {
            return Conf.NONE;
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            return new Conf(true, Set.of(), "cannot be read (" + Slug.reason(e) + ")");
        }
        Set<String> otherKeys = new TreeSet<>(properties.stringPropertyNames());
        otherKeys.remove(EXECUTE_IN_TRANSACTION);
        String value = properties.getProperty(EXECUTE_IN_TRANSACTION, "true").strip();
        if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
            return new Conf(
                    true,
                    otherKeys,
                    "sets " + EXECUTE_IN_TRANSACTION + " to '" + value + "', which is neither true nor false; correct"
                            + " it and convert again");
        }
        return new Conf(!value.equalsIgnoreCase("false"), otherKeys, null);
    }

    /** The Cairn file: where it came from, the up marker and the V file, then the down marker and the U file. */
    private static byte[] content(Script script, Body up, Conf upConf, Script undo, Body down, Conf downConf) {
        String eol = up.text().contains("\r\n") ? "\r\n" : "\n";
        String origin =
                "Converted from Flyway's " + script.path() + (undo == null ? "" : " (undo: " + undo.path() + ")");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        // A line break in a file's name would end the comment: its SQL would come before the marker.
        out.writeBytes(
                utf8("-- " + origin.replaceAll("\\p{Cntrl}", "?") + eol + "-- migrate:up" + option(upConf) + eol));
        out.writeBytes(up.bytes());
        if (undo != null) {
            byte[] upBytes = up.bytes();
            if (upBytes.length > 0 && upBytes[upBytes.length - 1] != '\n') {
                out.writeBytes(utf8(eol));
            }
            out.writeBytes(utf8("-- migrate:down" + option(downConf) + eol));
            out.writeBytes(down.bytes());
        }
        return out.toByteArray();
    }

    private static String option(Conf conf) {
        return conf.transactional() ? "" : " transaction:false";
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** A note naming the placeholders the files use, which Cairn fills from {@code migrations.placeholders}. */
    private static Optional<String> placeholderNote(Script script, Body up, Script undo, Body down) {
        Set<String> defined = new TreeSet<>();
        Set<String> flyways = new TreeSet<>();
        for (String text : undo == null ? List.of(up.text()) : List.of(up.text(), down.text())) {
            Matcher matcher = PLACEHOLDER.matcher(text);
            while (matcher.find()) {
                String name = matcher.group(1);
                (name.toLowerCase(Locale.ROOT).startsWith(FLYWAY_PLACEHOLDER) ? flyways : defined)
                        .add("${" + name + "}");
            }
        }
        if (defined.isEmpty() && flyways.isEmpty()) {
            return Optional.empty();
        }
        String files = script.path() + (undo == null ? "" : " or " + undo.path());
        StringBuilder note = new StringBuilder();
        if (!defined.isEmpty()) {
            note.append(files)
                    .append(" uses Flyway placeholders ")
                    .append(String.join(", ", defined))
                    .append(": define them under migrations.placeholders in cairn.yml.");
        }
        if (!flyways.isEmpty()) {
            note.append(note.length() == 0 ? "" : " ")
                    .append(files)
                    .append(" uses Flyway's own ")
                    .append(String.join(", ", flyways))
                    .append(", which Cairn does not fill in: write the values instead.");
        }
        return Optional.of(note.toString());
    }

    /**
     * Marks each planned file that the migrations directory has already with the same content, and adds a
     * problem for each that it has with other content, or whose version another file there has.
     */
    private static void checkTargets(Path directory, List<Planned> planned, List<String> problems, List<String> notes) {
        if (!Files.isDirectory(directory)) {
            return;
        }
        List<String> existing = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory)) {
            for (Path entry : entries) {
                String fileName = entry.getFileName().toString();
                if (!fileName.startsWith(".") && fileName.endsWith(SQL) && Files.isRegularFile(entry)) {
                    existing.add(fileName);
                }
            }
        } catch (IOException e) {
            throw new ConfigurationException(
                    "Cannot read the migrations directory " + directory + ": " + Slug.reason(e) + ". Nothing was"
                            + " written. Check its permissions, or set another one as migrations.directory in"
                            + " cairn.yml.",
                    e);
        }
        existing.sort(null);
        for (int i = 0; i < planned.size(); i++) {
            Planned plan = planned.get(i);
            Path target = directory.resolve(plan.fileName());
            if (existing.contains(plan.fileName())) {
                if (Arrays.equals(read(target), plan.content())) {
                    planned.set(i, plan.foundThere());
                    notes.add(plan.fileName() + " was already in " + directory + " as converted from "
                            + plan.script().path() + ": left as it is.");
                } else {
                    problems.add(plan.script().path() + " would be " + plan.fileName() + ", which is already in "
                            + directory + " with other content: move that file away, or convert into another"
                            + " directory");
                }
            }
            Version version = new Version(plan.version());
            for (String other : existing) {
                Version taken = Version.leadingDigitsOf(other);
                if (!other.equals(plan.fileName()) && taken != null && taken.sameAs(version)) {
                    problems.add(plan.script().path() + " would be " + plan.fileName() + ", of version "
                            + plan.version() + ", which " + other + " in " + directory + " has already: move that"
                            + " file away, or convert into another directory");
                }
            }
        }
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new ConfigurationException(
                    "Cannot read " + file + ": " + Slug.reason(e) + ". Nothing was written. Check its permissions.", e);
        }
    }

    /** Writes each planned file that is not there yet; if one cannot be written, removes those written before. */
    private static void write(Path directory, List<Planned> planned) {
        String what = "the converted migrations";
        String key = "migrations.directory";
        Slug.createDirectory(what, directory, key);
        List<Path> written = new ArrayList<>();
        try {
            for (Planned plan : planned) {
                if (!plan.alreadyThere()) {
                    Path target = directory.resolve(plan.fileName());
                    Slug.writeAtomically(target, plan.content());
                    written.add(target);
                }
            }
        } catch (IOException e) {
            for (Path file : written) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException cleanup) {
                    e.addSuppressed(cleanup);
                }
            }
            throw Slug.cannotWrite(what, directory, key, e);
        }
    }
}
