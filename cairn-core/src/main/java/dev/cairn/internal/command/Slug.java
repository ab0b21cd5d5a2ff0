// SPDX-License-Identifier: Apache-2.0
package dev.cairn.internal.command;

import dev.cairn.ConfigurationException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.text.Normalizer;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The file-name part that {@code make} and {@code seed make} build from the words the user gives, and
 * the checks on the file name it ends up in. Letters and digits of every script are kept ({@code make
 * 表} is {@code 表}, {@code ünï cødé} is {@code ünï_cødé}), in Unicode's composed form, so that the
 * same words give the same name on every file system.
 */
final class Slug {

    /** Most file systems (ext4, APFS, XFS) allow a name of at most 255 bytes in UTF-8. */
    static final int MAX_FILE_NAME_BYTES = 255;

    // Marks (accents, combining characters) stay with the letter they belong to.
    private static final Pattern NOT_A_WORD = Pattern.compile("[^\\p{L}\\p{N}\\p{M}]+");
    private static final Pattern EDGE_UNDERSCORES = Pattern.compile("^_+|_+$");
    private static final Pattern LETTER_OR_DIGIT = Pattern.compile("[\\p{L}\\p{N}]");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_ASCII_WORD = Pattern.compile("[^a-z0-9]+");
    private static final Pattern ASCII_LETTER_OR_DIGIT = Pattern.compile("[a-z0-9]");

    private Slug() {}

    /**
     * {@code words} in lower case, with every run of anything but letters, digits and their marks
     * turned into one {@code _}, and none at either end; empty if {@code words} is null or has no letter
     * or digit.
     */
    static String of(String words) {
        if (words == null) {
            return "";
        }
        String lower = Normalizer.normalize(words.strip().toLowerCase(Locale.ROOT), Normalizer.Form.NFC);
        String slug = EDGE_UNDERSCORES
                .matcher(NOT_A_WORD.matcher(lower).replaceAll("_"))
                .replaceAll("");
        return LETTER_OR_DIGIT.matcher(slug).find() ? slug : "";
    }

    /**
     * {@code words} as the name part of a Java migration's class name, {@code V<version>__<slug>}: as
     * {@link #of}, but in ASCII letters, digits and {@code _} only, which every Java compiler and the
     * class-name rule of Java migrations accept. Accents are dropped ({@code ünï} is {@code uni});
     * any other letter becomes {@code _}. Empty if no ASCII letter or digit is left.
     */
    static String ofJava(String words) {
        String decomposed = Normalizer.normalize(of(words), Normalizer.Form.NFD);
        String ascii =
                NOT_ASCII_WORD.matcher(MARKS.matcher(decomposed).replaceAll("")).replaceAll("_");
        String slug = EDGE_UNDERSCORES.matcher(ascii).replaceAll("");
        return ASCII_LETTER_OR_DIGIT.matcher(slug).find() ? slug : "";
    }

    /**
     * Refuses a file name that file systems would refuse ({@value #MAX_FILE_NAME_BYTES} bytes), saying
     * how long the name part ({@code slug}) may be.
     *
     * @param what what the file is, such as "A migration"
     * @param fileName the whole name, such as {@code 20261124153000_create_users.sql}
     * @param slug the part of it made from the user's words
     * @throws ConfigurationException if the name is too long
     */
    static void requireFits(String what, String fileName, String slug) {
        int bytes = fileName.getBytes(StandardCharsets.UTF_8).length;
        if (bytes <= MAX_FILE_NAME_BYTES) {
            return;
        }
        int allowed = MAX_FILE_NAME_BYTES - (bytes - slug.getBytes(StandardCharsets.UTF_8).length);
        throw new ConfigurationException(what + "'s name is too long: its file name would be " + bytes
                + " bytes, and file systems allow " + MAX_FILE_NAME_BYTES + " per name, so the name may have at"
                + " most " + allowed + " bytes (" + allowed + " ASCII letters and digits; other letters take 2 to 4"
                + " bytes each). Nothing was written. Give a shorter name, and say the rest in comment lines at the"
                + " top of the file.");
    }

    /**
     * Creates {@code directory} with its parents, if it is not there.
     *
     * @throws ConfigurationException if it cannot be created, or a file of that name is in the way
     */
    static void createDirectory(String what, Path directory, String key) {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw cannotWrite(what, directory, key, e);
        }
    }

    /** Why writing {@code file} failed, in words, for a message that also says what to check. */
    static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileAlreadyExistsException) {
            return "a file of that name is in the way, where a directory should be";
        }
        if (e instanceof FileSystemException fileSystem && fileSystem.getReason() != null) {
            return fileSystem.getReason();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /**
     * The message for a file that could not be written in {@code directory}, which the setting
     * {@code key} of {@code cairn.yml} names.
     */
    static ConfigurationException cannotWrite(String what, Path directory, String key, IOException e) {
        return new ConfigurationException(
                "Cannot write " + what + " in " + directory + ": " + reason(e) + ". Nothing was written. Check"
                        + " that the directory can be created and written to, or set another one as " + key
                        + " in cairn.yml.",
                e);
    }

    /**
     * Writes {@code content} to a hidden file beside {@code target} (which a scan does not read), forces it
     * to the disk, and moves it to {@code target} in one step, so that a crash leaves the whole file or none.
     */
    static void writeAtomically(Path target, byte[] content) throws IOException {
        Path temporary = target.resolveSibling(".cairn-" + UUID.randomUUID() + ".tmp");
        try {
            try (FileChannel channel =
                    FileChannel.open(temporary, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            // A move in one step replaces a file of the same name on most systems: never one that is there now.
            if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                throw new FileSystemException(
                        target.toString(), null, "something named " + target.getFileName() + " is there already");
            }
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}
