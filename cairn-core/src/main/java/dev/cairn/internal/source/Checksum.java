// SPDX-License-Identifier: Apache-2.0
package dev.cairn.internal.source;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The checksum recorded for an applied migration: SHA-256 over the file's bytes with a UTF-8 byte
 * order mark removed and CRLF turned into LF, so that a checkout with Windows line endings is not an
 * edit. The paired layout hashes the up file, a NUL byte, then the down file. {@link #ALGORITHM} is
 * recorded beside each checksum so that the rule can change later without calling every file edited.
 */
public final class Checksum {

    /** The version of this rule, stored in the tracking table. */
    public static final int ALGORITHM = 1;

    private final MessageDigest digest;

    private Checksum() {
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    /** The checksum of one file's content. */
    public static String of(byte[] content) {
        Checksum checksum = new Checksum();
        checksum.add(content);
        return checksum.hex();
    }

    /** The checksum of a paired migration: the up file's content, then the down file's, if any. */
    public static String ofPair(byte[] up, byte[] down) {
        Checksum checksum = new Checksum();
        checksum.add(up);
        if (down != null) {
            checksum.digest.update((byte) 0);
            checksum.add(down);
        }
        return checksum.hex();
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
