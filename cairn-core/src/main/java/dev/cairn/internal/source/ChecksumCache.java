// SPDX-License-Identifier: Apache-2.0
package dev.cairn.internal.source;

import dev.cairn.internal.sql.SplitRules;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The checksums (algorithm 2) of sections worked out by earlier runs, kept in a file between them:
 * cutting a thousand sections into statements and hashing them was half the work of a cold
 * {@code status}'s scan thread, and it gives the same answer for the same text every time.
 *
 * <p>An entry is found by a section's whole text and its {@code transaction} setting, never by a
 * file's name or time, so a cached checksum is exactly what the text would give: the file of a
 * migration is still read on every run and an edit is always seen. What else the answer depends on
 * is in the file's header, which must match or nothing in it is used: the format, the
 * {@link Checksum#ALGORITHM algorithm}, the {@link SplitRules} and Cairn's own build (its jar's path,
 * size and time: a later Cairn may cut statements differently under the same algorithm number).
 *
 * <p>A cache is read once, when first needed, and written only if the run found a section it did not hold,
 * or did not need some that it held (the file keeps what the last run used): to a temporary file that
 * then replaces it, so that no reader sees half of one; two runners that both write leave one's whole
 * file. A cache that cannot be read, written or understood is left alone and the checksums are worked
 * out as without it; it never fails a command.
 */
public final class ChecksumCache {

    /** No cache: every checksum is worked out. */
    public static final ChecksumCache NONE = new ChecksumCache(null, null, null);

    private static final byte[] MAGIC = "cairn checksums\n".getBytes(StandardCharsets.US_ASCII);
    private static final int FORMAT = 1;
    private static final int HEX_LENGTH = 64;

    private static final Logger LOG = LoggerFactory.getLogger(ChecksumCache.class);

    private final Path directory;
    private final MigrationSources sources;
    private final SplitRules rules;
    private final Map<String, String> read = new HashMap<>();
    private final Map<String, String> readNonTransactional = new HashMap<>();
    private final Map<String, String> used = new HashMap<>();
    private final Map<String, String> usedNonTransactional = new HashMap<>();
    private boolean loaded;
    private String build;
    private Path file;
    private boolean missed;

    private ChecksumCache(Path directory, MigrationSources sources, SplitRules rules) {
        this.directory = directory;
        this.sources = sources;
        this.rules = rules;
    }

    /**
     * The cache in {@code directory} for the migrations of {@code sources} cut by {@code rules}. Its file
     * is read when first needed, on the thread that works out checksums rather than the one that
     * connects; it stays empty, and is never written, when Cairn does not run from a jar (its classes
     * could then change without a sign in the header).
     */
    public static ChecksumCache open(Path directory, MigrationSources sources, SplitRules rules) {
        return new ChecksumCache(directory, sources, rules);
    }

    /** The cache as if Cairn's build were {@code build}, read now: for tests, whose classes are not in a jar. */
    static ChecksumCache open(Path directory, MigrationSources sources, SplitRules rules, String build) {
        ChecksumCache cache = new ChecksumCache(directory, sources, rules);
        synchronized (cache) {
            cache.load(build);
        }
        return cache;
    }

    /** Reads the file for {@code build} (null: none to read or write); called with the lock held. */
    private void load(String build) {
        loaded = true;
        if (build == null) {
            return;
        }
        this.build = build;
        // One file per project and database kind, so that projects do not push each other's entries out;
        // a clash of names costs only speed, since an entry is found by its text.
        String name = Integer.toHexString((sources.locations() + " " + rules.key()).hashCode());
        file = directory.resolve("checksums").resolve(name + ".bin");
        try {
            read(Files.readAllBytes(file), rules, build, read, readNonTransactional);
        } catch (NoSuchFileException e) {
            // The first run for this project: nothing to read.
        } catch (IOException | RuntimeException e) {
            LOG.debug("Not using the checksum cache {}: {}", file, e.toString());
            read.clear();
            readNonTransactional.clear();
        }
    }

    /** Cairn's build, as the path, size and time of the jar it runs from; null if not from a jar. */
    private static String build() {
        try {
            CodeSource source = ChecksumCache.class.getProtectionDomain().getCodeSource();
            if (source == null || source.getLocation() == null) {
                return null;
            }
            Path jar = Path.of(source.getLocation().toURI());
            if (!Files.isRegularFile(jar)) {
                return null;
            }
            return jar + " " + Files.size(jar) + " "
                    + Files.getLastModifiedTime(jar).toMillis();
        } catch (IOException | URISyntaxException | RuntimeException e) {
            return null;
        }
    }

    /**
     * The checksum of {@code section} by algorithm 2 with {@code rules}: the cached one if the cache holds
     * its text, else {@link Checksum#ofSection}'s, which the cache then holds.
     */
    public String ofSection(Section section, SplitRules rules) {
        if (directory == null
                || section == null
                || section.code() != null
                || rules != this.rules && !rules.equals(this.rules)) {
            return Checksum.ofSection(section, rules);
        }
        boolean transactional = section.transactional();
        String text = section.text();
        String checksum;
        synchronized (this) {
            if (!loaded) {
                load(build());
            }
            if (file == null) {
                return Checksum.ofSection(section, rules);
            }
            checksum = (transactional ? read : readNonTransactional).get(text);
        }
        boolean held = checksum != null;
        if (!held) {
            checksum = Checksum.ofSection(section, rules);
        }
        synchronized (this) {
            missed |= !held;
            (transactional ? used : usedNonTransactional).put(text, checksum);
        }
        return checksum;
    }

    /**
     * Writes the checksums this run used, if they are not what the file holds already; a failure is
     * logged (at debug) and otherwise ignored.
     */
    public void save() {
        byte[] content;
        synchronized (this) {
            if (file == null
                    || !missed
                            && used.size() == read.size()
                            && usedNonTransactional.size() == readNonTransactional.size()) {
                return;
            }
            content = write(rules, build, used, usedNonTransactional);
        }
        Path temporary = null;
        try {
            Files.createDirectories(file.getParent());
            temporary =
                    Files.createTempFile(file.getParent(), file.getFileName().toString(), ".partial");
            Files.write(temporary, content);
            try {
                Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
            temporary = null;
        } catch (IOException | RuntimeException e) {
            LOG.debug("Cannot write the checksum cache {}: {}", file, e.toString());
        } finally {
            if (temporary != null) {
                try {
                    Files.deleteIfExists(temporary);
                } catch (IOException e) {
                    LOG.debug("Cannot remove {}: {}", temporary, e.toString());
                }
            }
        }
    }

    /** The file's content: the header, then each entry's setting, text and checksum. */
    static byte[] write(
            SplitRules rules, String build, Map<String, String> transactional, Map<String, String> nonTransactional) {
        List<byte[]> texts = new ArrayList<>();
        List<byte[]> checksums = new ArrayList<>();
        byte[] header = header(rules, build);
        int length = MAGIC.length + Integer.BYTES + header.length + Integer.BYTES;
        for (Map<String, String> entries : List.of(transactional, nonTransactional)) {
            for (Map.Entry<String, String> entry : entries.entrySet()) {
                byte[] text = entry.getKey().getBytes(StandardCharsets.UTF_8);
                texts.add(text);
                checksums.add(entry.getValue().getBytes(StandardCharsets.US_ASCII));
                length += 1 + Integer.BYTES + text.length + HEX_LENGTH;
            }
        }
        ByteBuffer out = ByteBuffer.allocate(length);
        out.put(MAGIC).putInt(header.length).put(header).putInt(texts.size());
        for (int i = 0; i < texts.size(); i++) {
            out.put((byte) (i < transactional.size() ? 1 : 0));
            out.putInt(texts.get(i).length).put(texts.get(i)).put(checksums.get(i));
        }
        return out.array();
    }

    /**
     * Reads {@code content} into the two maps if its header is this run's; throws for a file that is
     * not one whole cache.
     */
    static void read(
            byte[] content,
            SplitRules rules,
            String build,
            Map<String, String> transactional,
            Map<String, String> nonTransactional) {
        ByteBuffer in = ByteBuffer.wrap(content);
        try {
            byte[] magic = new byte[MAGIC.length];
            in.get(magic);
            byte[] header = bytes(in);
            if (!Arrays.equals(magic, MAGIC) || !Arrays.equals(header, header(rules, build))) {
                return; // another build's, algorithm's or database's: worked out again, then replaced
            }
            int count = in.getInt();
            for (int i = 0; i < count; i++) {
                boolean isTransactional = in.get() == 1;
                String text = new String(bytes(in), StandardCharsets.UTF_8);
                byte[] checksum = new byte[HEX_LENGTH];
                in.get(checksum);
                (isTransactional ? transactional : nonTransactional)
                        .put(text, new String(checksum, StandardCharsets.US_ASCII));
            }
            if (in.hasRemaining()) {
                throw new IllegalArgumentException("bytes after the last entry");
            }
        } catch (BufferUnderflowException e) {
            throw new IllegalArgumentException("the file ends inside an entry", e);
        }
    }

    private static byte[] bytes(ByteBuffer in) {
        int length = in.getInt();
        if (length < 0 || length > in.remaining()) {
            throw new IllegalArgumentException("a length of " + length + " with " + in.remaining() + " bytes left");
        }
        byte[] bytes = new byte[length];
        in.get(bytes);
        return bytes;
    }

    private static byte[] header(SplitRules rules, String build) {
        return (FORMAT + " " + Checksum.ALGORITHM + " " + rules.key() + " " + build).getBytes(StandardCharsets.UTF_8);
    }
}
