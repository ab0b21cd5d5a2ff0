// SPDX-License-Identifier: Apache-2.0
package dev.cairn.internal.source;

import dev.cairn.MigrationFileException;
import dev.cairn.internal.sql.CanonicalSql;
import dev.cairn.internal.sql.SplitRules;
import dev.cairn.internal.sql.Statement;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Function;

/**
 * The checksums recorded for an applied migration, by two rules; {@link #ALGORITHM} is recorded beside
 * each checksum so that old rows keep being compared by the rule that made them.
 *
 * <ul>
 *   <li><b>Algorithm 2</b> (the current one, {@link #ofSection}): one checksum per section, over the
 *       statements as the {@link dev.cairn.internal.sql.StatementSplitter} cuts them with the
 *       database's rules, each in its {@link CanonicalSql canonical form} (comments and whitespace
 *       outside strings, quoted identifiers and dollar quotes do not count), after the section's
 *       options ({@code transaction:false} counts). The up section's checksum is what history vouches
 *       for; the down section's is kept apart so that a changed down can be told and allowed.
 *   <li><b>Algorithm 1</b> ({@link #of}, {@link #ofPair}): SHA-256 over the whole file's bytes with a
 *       UTF-8 byte order mark removed and CRLF turned into LF; the paired layout hashes the up file, a
 *       NUL byte, then the down file. Rows written by earlier versions carry it, and are compared by
 *       it until a command that changes the database finds the file unchanged and records the file's
 *       algorithm-2 checksums instead.
 * </ul>
 */
public final class Checksum {

    /** The version of the current rule (a checksum per section), stored in the tracking table. */
    public static final int ALGORITHM = 2;

    /** The version of the earlier rule (the whole file's bytes), which old tracking rows carry. */
    public static final int WHOLE_FILE = 1;

    private final MessageDigest digest;

    private Checksum() {
        try {
            digest = (MessageDigest) Prototype.SHA_256.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("The runtime's SHA-256 cannot be copied", e);
        }
    }

    /**
     * A fresh SHA-256 to copy: looking the algorithm up among the security providers for each of a
     * thousand files cost more than hashing them, on a cold start. Made on first use, not when
     * {@link #hasBom} is first called: a run whose checksums are all cached hashes nothing.
     */
    private static final class Prototype {
        static final MessageDigest SHA_256 = sha256();

        private static MessageDigest sha256() {
            try {
                return MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("Every Java runtime has SHA-256", e);
            }
        }
    }

    /** The checksum of one file's content by algorithm 1 ({@link #WHOLE_FILE}). */
    public static String of(byte[] content) {
        Checksum checksum = new Checksum();
        checksum.add(content);
        return checksum.hex();
    }

    /**
     * The checksum of a paired migration by algorithm 1: the up file's content, then the down file's,
     * if any.
     */
    public static String ofPair(byte[] up, byte[] down) {
        Checksum checksum = new Checksum();
        checksum.add(up);
        if (down != null) {
            checksum.digest.update((byte) 0);
            checksum.add(down);
        }
        return checksum.hex();
    }

    /**
     * The checksum of a section by algorithm 2: its options, then each statement that {@code rules}
     * cut it into, in canonical form. A section that cannot be cut (a string that never ends) gets
     * the checksum of its text, which no section that can be cut shares. No section at all (an
     * irreversible migration's down) has a checksum of its own too, unlike an empty one.
     */
    public static String ofSection(Section section, SplitRules rules) {
        Checksum checksum = new Checksum();
        if (section == null) {
            checksum.text("absent");
            return checksum.hex();
        }
        try {
            List<Statement> statements = section.statements(rules);
            checksum.text("transaction:" + section.transactional());
            for (Statement statement : statements) {
                checksum.text(CanonicalSql.of(statement.sql(), rules));
            }
        } catch (MigrationFileException e) {
            checksum = new Checksum();
            checksum.text("unsplittable");
            checksum.text(section.text().replace("\r\n", "\n"));
        }
        return checksum.hex();
    }

    /**
     * The checksums of a Java migration by algorithm 2: of the checksum the class declares (or that it
     * declares none), and each section's {@code transactional} setting; the down's also says whether
     * there is one. Its code is not read: a class that declares no checksum is trusted as it is.
     */
    static Sections ofJava(String declared, Section up, Section down) {
        return new Sections(ofJavaSection(declared, up), ofJavaSection(declared, down));
    }

    private static String ofJavaSection(String declared, Section section) {
        Checksum checksum = new Checksum();
        if (section == null) {
            checksum.text("absent");
            return checksum.hex();
        }
        checksum.text("java");
        checksum.text("transaction:" + section.transactional());
        checksum.text(declared == null ? "no checksum" : "checksum:" + declared);
        return checksum.hex();
    }

    /**
     * A migration's checksums, each computed when first asked for and then kept. By algorithm 1 only
     * tracking rows that earlier versions wrote are compared, so a command over thousands of files
     * whose rows all carry algorithm 2 hashes no whole file (the bytes wait here until then). By
     * algorithm 2, a command asks several times (to compare, to record), and may ask on the thread
     * that read the files, while the main thread connects.
     */
    public static final class Memo {
        private byte[] up;
        private byte[] down;
        private String wholeFile;
        private SplitRules rules;
        private Sections sections;

        private Memo(byte[] up, byte[] down, String wholeFile) {
            this.up = up;
            this.down = down;
            this.wholeFile = wholeFile;
        }

        /** For a single file's {@code content}: algorithm 1 as {@link Checksum#of} gives it. */
        static Memo ofFile(byte[] content) {
            return new Memo(content, null, null);
        }

        /** For a paired migration's files: algorithm 1 as {@link Checksum#ofPair} gives it. */
        static Memo ofPair(byte[] up, byte[] down) {
            return new Memo(up, down, null);
        }

        /** With the algorithm-1 checksum known: a Java migration's up checksum, which stands in for it. */
        public static Memo known(String wholeFile) {
            return new Memo(null, null, wholeFile);
        }

        /** The checksum by algorithm 1, in hexadecimal. */
        public synchronized String wholeFile() {
            if (wholeFile == null) {
                wholeFile = Checksum.ofPair(up, down);
                up = null;
                down = null;
            }
            return wholeFile;
        }

        /** The checksums by algorithm 2 with {@code rules}: {@code compute}'s, kept for the same rules. */
        synchronized Sections sections(SplitRules rules, Function<SplitRules, Sections> compute) {
            // The rules are a dialect's constant, so identity decides first: a record's equals is linked
            // on its first call, which a cold start pays for.
            if (sections == null || rules != this.rules && !rules.equals(this.rules)) {
                sections = compute.apply(rules);
                this.rules = rules;
            }
            return sections;
        }
    }

    /**
     * A migration's checksums by algorithm 2.
     *
     * @param up the up section's
     * @param down the down section's (also when there is none, see {@link #ofSection})
     */
    public record Sections(String up, String down) {}

    private void text(String text) {
        digest.update(text.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
    }

    private void add(byte[] content) {
        int start = hasBom(content) ? 3 : 0;
        byte[] normalised = new byte[content.length - start];
        int length = 0;
        for (int i = start; i < content.length; i++) {
            if (content[i] == '\r' && i + 1 < content.length && content[i + 1] == '\n') {
                continue;
            }
            normalised[length++] = content[i];
        }
        digest.update(normalised, 0, length);
    }

    private String hex() {
        return HexFormat.of().formatHex(digest.digest());
    }

    /**
     * The checksum of the first statements of a section, to tell on a later run whether the statements
     * that ran before a section stopped are still the same: SHA-256 over each statement's text (CRLF as
     * LF) followed by a NUL byte. Built one statement at a time, so that keeping it current after each
     * statement costs one statement's text, not the whole prefix again.
     */
    public static final class OfStatements {
        private final Checksum checksum = new Checksum();

        /** Adds the next statement. */
        public OfStatements add(String sql) {
            checksum.digest.update(sql.replace("\r\n", "\n").getBytes(StandardCharsets.UTF_8));
            checksum.digest.update((byte) 0);
            return this;
        }

        /** The checksum of the statements added so far; more can be added afterwards. */
        public String hex() {
            try {
                return HexFormat.of().formatHex(((MessageDigest) checksum.digest.clone()).digest());
            } catch (CloneNotSupportedException e) {
                throw new IllegalStateException("The JDK's SHA-256 can be cloned", e);
            }
        }

        /** The checksum of the first {@code count} of {@code statements}. */
        public static String of(List<String> statements, int count) {
            OfStatements checksum = new OfStatements();
            statements.subList(0, count).forEach(checksum::add);
            return checksum.hex();
        }
    }

    static boolean hasBom(byte[] content) {
        return content.length >= 3
                && (content[0] & 0xFF) == 0xEF
                && (content[1] & 0xFF) == 0xBB
                && (content[2] & 0xFF) == 0xBF;
    }
}
