// SPDX-License-Identifier: Apache-2.0
package dev.cairn.internal.config;

import dev.cairn.ConfigurationException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads the configuration's text files ({@code cairn.yml}, {@code .env}) strictly as UTF-8. A file
 * in another encoding is refused with the line of the first bad byte, instead of being read as
 * replacement characters that would end up inside a password or a path.
 */
final class TextFiles {

    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private TextFiles() {}

    /**
     * The content of {@code file}, without a leading byte order mark.
     *
     * @param label how messages name the file
     * @throws ConfigurationException if it cannot be read or is not UTF-8
     */
    static String readUtf8(Path file, String label) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new ConfigurationException(
                    "Cannot read " + file + ": " + e.getMessage() + ". Check that it is a readable file.", e);
        }
        return decode(bytes, label);
    }

    /** Decodes {@code bytes} as UTF-8; see {@link #readUtf8(Path, String)}. */
    static String decode(byte[] bytes, String label) {
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            // The input buffer stops at the first bad byte; count the lines before it to point there.
            int bad = in.position();
            int line = 1;
            for (int i = 0; i < bad; i++) {
                if (bytes[i] == '\n') {
                    line++;
                }
            }
            throw new ConfigurationException(String.format(
                    "%s:%d: the file is not valid UTF-8 (byte 0x%02X). Save it with the UTF-8 encoding.",
                    label, line, bytes[bad] & 0xFF));
        }
        decoder.flush(out);
        out.flip();
        String text = out.toString();
        return !text.isEmpty() && text.charAt(0) == BYTE_ORDER_MARK ? text.substring(1) : text;
    }
}
