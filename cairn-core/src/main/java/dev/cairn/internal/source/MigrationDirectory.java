// SPDX-License-Identifier: Apache-2.0
package dev.cairn.internal.source;

import dev.cairn.ConfigurationException;
import dev.cairn.Direction;
import dev.cairn.MigrationFileException;
import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the migrations in a directory: every {@code NAME.sql} (single-file layout) and every
 * {@code NAME.up.sql} with its optional {@code NAME.down.sql} (paired layout), where NAME starts with
 * the version digits. Reads and checks each, and returns them ordered by version, then name.
 * Sub-directories, hidden files and files not ending in {@code .sql} are ignored; a file that looks
 * meant as a migration ({@code .SQL}, {@code .sq}, {@code .sql.txt}: see {@link NearMiss}) with a
 * warning in the log that names it.
 */
public final class MigrationDirectory {

    /** The tracking table's name column holds at most this many characters. */
    static final int MAX_NAME_LENGTH = 255;

    private static final String UP_SUFFIX = ".up.sql";
    private static final String DOWN_SUFFIX = ".down.sql";
    private static final String SUFFIX = ".sql";

    private static final Logger LOG = LoggerFactory.getLogger(MigrationDirectory.class);

    private MigrationDirectory() {}

    /**
     * Reads every migration in {@code directory}.
     *
     * @throws ConfigurationException if the directory does not exist
     * @throws MigrationFileException for the first file that cannot be used, or two files with one version
     */
    public static List<Migration> scan(Path directory) {
        Scan scan = scanAll(directory);
        if (!scan.errors().isEmpty()) {
            throw scan.errors().get(0).error();
        }
        return scan.migrations();
    }

    /**
     * Everything a scan finds: the migrations that can be used, and every file that cannot (not only
     * the first), for {@code validate}.
     *
     * @param migrations the usable migrations, ordered by version then name; of two with one version,
     *     the first
     * @param errors each unusable file, in the order {@link #scan} would meet them
     */
    public record Scan(List<Migration> migrations, List<FileError> errors) {}

    /**
     * A file that cannot be used.
     *
     * @param duplicateVersion whether the file is fine in itself but shares its version with another
     * @param error what is wrong, with the file and line
     */
    public record FileError(boolean duplicateVersion, MigrationFileException error) {

        /**
         * The name of the migration the file would be: its file name without {@code .sql},
         * {@code .up.sql} or {@code .down.sql}, so that an applied migration whose file cannot be read
         * is told apart from one whose file is gone.
         */
        public String migrationName() {
            String fileName = error.file().getFileName().toString();
            if (fileName.endsWith(".class")) {
                String simpleName = fileName.substring(fileName.lastIndexOf('$') + 1, fileName.length() - 6);
                return JavaMigrations.nameFromClassName(simpleName).orElse(simpleName);
            }
            for (String suffix : List.of(UP_SUFFIX, DOWN_SUFFIX, SUFFIX)) {
                if (fileName.endsWith(suffix)) {
                    return fileName.substring(0, fileName.length() - suffix.length());
                }
            }
            return fileName;
        }
    }

    /**
     * Reads every migration in {@code directory}, collecting every unusable file instead of stopping
     * at the first.
     *
     * @throws ConfigurationException if the directory does not exist
     */
    public static Scan scanAll(Path directory) {
        if (!Files.isDirectory(directory)) {
            throw new ConfigurationException("The migrations directory " + directory + " does not exist. Create"
                    + " a migration with `cairn make NAME`, or set migrations.directory (or migrations.locations) in"
                    + " cairn.yml.");
        }
        List<Entry> entries = new ArrayList<>();
        for (Path file : list(directory)) {
            entries.add(new Entry(file, () -> readAllBytes(file)));
        }
        return scanEntries(entries, directory.toString());
    }

    /**
     * A file that may be a migration, wherever it is: on disk, or in a jar.
     *
     * @param file its path; for an entry of a jar, the jar's path, {@code !/}, and the entry's path
     * @param content reads its bytes
     */
    public record Entry(Path file, Content content) {}

    /** Reads a file's bytes. */
    @FunctionalInterface
    public interface Content {
        /** The bytes. */
        byte[] read() throws IOException;
    }

    /**
     * Reads the migrations among {@code entries}, the files of one location (named {@code where} in
     * warnings): every {@code .sql} file, in either layout. Another file whose name looks meant as a
     * migration is named in a warning.
     */
    static Scan scanEntries(List<Entry> entries, String where) {
        Map<String, Entry> singles = new LinkedHashMap<>();
        Map<String, Entry> ups = new LinkedHashMap<>();
        Map<String, Entry> downs = new LinkedHashMap<>();
        List<FileError> errors = new ArrayList<>();
        for (Entry entry : entries) {
            String fileName = entry.file().getFileName().toString();
            if (!fileName.endsWith(SUFFIX)) {
                String advice = NearMiss.advice(fileName);
                if (advice != null) {
                    LOG.warn(
                            "{} is not read as a migration: {}, or move it out of {} if it is not one.",
                            fileName,
                            advice,
                            where);
                }
                continue;
            }
            try {
                if (fileName.endsWith(UP_SUFFIX)) {
                    ups.put(nameOf(entry.file(), fileName, UP_SUFFIX), entry);
                } else if (fileName.endsWith(DOWN_SUFFIX)) {
                    downs.put(nameOf(entry.file(), fileName, DOWN_SUFFIX), entry);
                } else {
                    singles.put(nameOf(entry.file(), fileName, SUFFIX), entry);
                }
            } catch (MigrationFileException e) {
                errors.add(new FileError(false, e));
            }
        }
        List<Migration> migrations = new ArrayList<>();
        for (Map.Entry<String, Entry> single : singles.entrySet()) {
            Entry pairedUp = ups.get(single.getKey());
            try {
                if (pairedUp != null) {
                    throw new MigrationFileException(
                            single.getValue().file(),
                            0,
                            "the migration " + single.getKey() + " is also in "
                                    + pairedUp.file().getFileName() + "; keep one layout for it, not both");
                }
                migrations.add(readSingle(single.getKey(), single.getValue()));
            } catch (MigrationFileException e) {
                errors.add(new FileError(false, e));
            }
        }
        for (Map.Entry<String, Entry> down : downs.entrySet()) {
            if (!ups.containsKey(down.getKey())) {
                errors.add(new FileError(
                        false,
                        new MigrationFileException(
                                down.getValue().file(),
                                0,
                                "has no " + down.getKey() + UP_SUFFIX
                                        + " beside it; a down file undoes an up file of the same name")));
            }
        }
        for (Map.Entry<String, Entry> up : ups.entrySet()) {
            try {
                migrations.add(readPaired(up.getKey(), up.getValue(), downs.get(up.getKey())));
            } catch (MigrationFileException e) {
                errors.add(new FileError(false, e));
            }
        }
        return ordered(migrations, errors);
    }

    /** {@code migrations} ordered by version then name, without duplicate versions (each an error). */
    static Scan ordered(List<Migration> migrations, List<FileError> errors) {
        List<Migration> sorted = new ArrayList<>(migrations);
        sorted.sort(MigrationDirectory::byVersionThenName);
        List<FileError> all = new ArrayList<>(errors);
        return new Scan(withoutDuplicateVersions(sorted, all), List.copyOf(all));
    }

    /**
     * The files of {@code directory} but hidden ones, by name. Through {@link File}, whose one call
     * per directory and per file does what {@link Files#list} does in several layers: before the JIT
     * has compiled anything, a directory of thousands of migrations is listed in a fraction of the time.
     */
    private static List<Path> list(Path directory) {
        String[] names = directory.toFile().list();
        if (names == null) {
            // File does not say why; Files does (permission denied, say).
            try {
                Files.list(directory).close();
                throw new IOException("it cannot be read");
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot list the migrations directory " + directory, e);
            }
        }
        // Paths compare by their bytes: for names all in ASCII that is how the names compare, and
        // sorting a thousand paths was 12 ms of a cold start, their comparison running interpreted.
        boolean ascii = true;
        for (String name : names) {
            ascii &= isAscii(name);
        }
        if (ascii) {
            Arrays.sort(names);
        }
        File parent = directory.toFile();
        List<Path> files = new ArrayList<>(names.length);
        for (String name : names) {
            if (!name.startsWith(".") && new File(parent, name).isFile()) {
                files.add(directory.resolve(name));
            }
        }
        if (!ascii) {
            files.sort(null);
        }
        return files;
    }

    private static boolean isAscii(String name) {
        for (int i = 0; i < name.length(); i++) {
            if (name.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /** A file's bytes, read as {@link #list} lists: with the fewest layers. */
    private static byte[] readAllBytes(Path file) throws IOException {
        try (FileInputStream in = new FileInputStream(file.toFile())) {
            return in.readAllBytes();
        }
    }

    private static String nameOf(Path file, String fileName, String suffix) {
        String name = fileName.substring(0, fileName.length() - suffix.length());
        if (Version.leadingDigitsOf(name) == null) {
            throw new MigrationFileException(
                    file,
                    0,
                    "does not start with a version; name migration files VERSION_NAME.sql, such as"
                            + " 20261124153000_create_users.sql (`cairn make create_users` does)");
        }
        if (name.length() > MAX_NAME_LENGTH) {
            throw new MigrationFileException(
                    file, 0, "has a name longer than " + MAX_NAME_LENGTH + " characters; shorten it");
        }
        return name;
    }

    private static Migration readSingle(String name, Entry entry) {
        byte[] bytes = read(entry);
        SectionReader.Parsed parsed = SectionReader.single(entry.file(), decode(entry.file(), bytes));
        return new Migration(
                name,
                Version.leadingDigitsOf(name),
                parsed.description(),
                entry.file(),
                parsed.up(),
                parsed.down(),
                Checksum.Memo.ofFile(bytes),
                null,
                parsed.squashed());
    }

    private static Migration readPaired(String name, Entry upEntry, Entry downEntry) {
        byte[] upBytes = read(upEntry);
        SectionReader.Parsed up = SectionReader.paired(upEntry.file(), decode(upEntry.file(), upBytes), Direction.UP);
        byte[] downBytes = null;
        Section down = null;
        if (downEntry != null) {
            downBytes = read(downEntry);
            down = SectionReader.paired(downEntry.file(), decode(downEntry.file(), downBytes), Direction.DOWN)
                    .down();
        }
        return new Migration(
                name,
                Version.leadingDigitsOf(name),
                up.description(),
                upEntry.file(),
                up.up(),
                down,
                Checksum.Memo.ofPair(upBytes, downBytes));
    }

    /**
     * Migrations in order of version, then name. Written out: {@code Comparator.comparing(...)
     * .thenComparing(...)} made classes at run time that no start-up cache holds.
     */
    private static int byVersionThenName(Migration a, Migration b) {
        int byVersion = a.version().compareTo(b.version());
        return byVersion != 0 ? byVersion : a.name().compareTo(b.name());
    }

    /** {@code sorted} without a migration whose version an earlier one has; each such one is an error. */
    private static List<Migration> withoutDuplicateVersions(List<Migration> sorted, List<FileError> errors) {
        List<Migration> distinct = new ArrayList<>();
        for (Migration current : sorted) {
            Migration previous = distinct.isEmpty() ? null : distinct.get(distinct.size() - 1);
            if (previous != null && previous.version().sameAs(current.version())) {
                errors.add(new FileError(
                        true,
                        new MigrationFileException(
                                current.file(),
                                0,
                                "has version " + current.version() + ", like " + sameVersion(previous, current)
                                        + "; each migration needs its own version: rename one of them")));
            } else {
                distinct.add(current);
            }
        }
        return List.copyOf(distinct);
    }

    /**
     * The other migration with the version of {@code current}, as the message names it: by its file's
     * name beside it in one directory, else by where it is (another location, or a Java class).
     */
    private static String sameVersion(Migration previous, Migration current) {
        if (previous.isJava()) {
            return previous.source() + " (" + previous.file() + ")";
        }
        boolean besideIt = !current.isJava()
                && Objects.equals(previous.file().getParent(), current.file().getParent());
        return besideIt
                ? previous.file().getFileName().toString()
                : previous.file().toString();
    }

    private static byte[] read(Entry entry) {
        try {
            return entry.content().read();
        } catch (IOException e) {
            throw new MigrationFileException(entry.file(), 0, "cannot be read: " + e.getMessage());
        }
    }

    /** Decodes strict UTF-8 (a byte order mark is dropped); an invalid byte is an error naming its line. */
    static String decode(Path file, byte[] bytes) {
        int start = Checksum.hasBom(bytes) ? 3 : 0;
        // The JDK's lenient decoding is many times faster before the JIT has compiled anything, and
        // replaces each invalid byte with U+FFFD: without one in its result the bytes were valid.
        String lenient = new String(bytes, start, bytes.length - start, StandardCharsets.UTF_8);
        if (lenient.indexOf('\uFFFD') < 0) {
            return lenient;
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            int line = 1;
            for (int i = start; i < in.position(); i++) {
                if (bytes[i] == '\n') {
                    line++;
                }
            }
            throw new MigrationFileException(
                    file, line, "is not valid UTF-8 (byte " + (in.position() + 1) + "); save the file as UTF-8");
        }
        return out.flip().toString();
    }
}
