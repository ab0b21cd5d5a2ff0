// SPDX-License-Identifier: Apache-2.0
package dev.cairn.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Removes secrets from everything written through it, where they can be secrets ({@link Secrets#redact}):
 * in a line that is one JSON document ({@code --json}), only inside its strings, so that the document
 * stays valid. Text is held back until a line ends or the stream is flushed, so that a secret written
 * in pieces (as a stack trace or picocli may do) is still seen whole; progress output flushes after
 * each partial line, which keeps it live.
 */
final class RedactingOutputStream extends OutputStream {

    private final OutputStream target;
    private final Secrets secrets;
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

    private RedactingOutputStream(OutputStream target, Secrets secrets) {
        this.target = target;
        this.secrets = secrets;
    }

    /**
     * A UTF-8 print stream that writes to {@code target} with {@code secrets} masked. Lines pass on
     * when they end; a partial line when the stream is flushed. Without secrets, {@code target} itself.
     */
    static PrintStream printStream(PrintStream target, Secrets secrets) {
        if (secrets.isEmpty()) {
            return target; // nothing to mask: every line would be copied twice for nothing
        }
        // No autoflush: PrintStream would then flush after every print, cutting a secret in two.
        return new PrintStream(new RedactingOutputStream(target, secrets), false, StandardCharsets.UTF_8);
    }

    @Override
    public synchronized void write(int b) throws IOException {
        pending.write(b);
        if (b == '\n') {
            drain();
        }
    }

    @Override
    public synchronized void write(byte[] bytes, int offset, int length) throws IOException {
        int lineStart = offset;
        for (int i = offset; i < offset + length; i++) {
            if (bytes[i] == '\n') {
                pending.write(bytes, lineStart, i + 1 - lineStart);
                drain();
                lineStart = i + 1;
            }
        }
        pending.write(bytes, lineStart, offset + length - lineStart);
    }

    @Override
    public synchronized void flush() throws IOException {
        drain();
        target.flush();
    }

    @Override
    public synchronized void close() throws IOException {
        // The target is stdout or stderr, or a test's stream: it belongs to the caller.
        flush();
    }

    private void drain() throws IOException {
        if (pending.size() == 0) {
            return;
        }
        byte[] bytes = pending.toByteArray();
        // Keep an unfinished UTF-8 sequence for the next write rather than garbling it.
        int complete = completeLength(bytes);
        String text = new String(bytes, 0, complete, StandardCharsets.UTF_8);
        String safe = Secrets.isJsonDocument(text) ? secrets.redactJson(text) : secrets.redact(text);
        target.write(safe.getBytes(StandardCharsets.UTF_8));
        pending.reset();
        pending.write(bytes, complete, bytes.length - complete);
    }

    private static int completeLength(byte[] bytes) {
        int i = bytes.length - 1;
        int continuation = 0;
        while (i >= 0 && (bytes[i] & 0xC0) == 0x80 && continuation < 3) {
            i--;
            continuation++;
        }
        if (i < 0 || (bytes[i] & 0x80) == 0) {
            return bytes.length;
        }
        int needed = (bytes[i] & 0xE0) == 0xC0 ? 1 : (bytes[i] & 0xF0) == 0xE0 ? 2 : (bytes[i] & 0xF8) == 0xF0 ? 3 : 0;
        return continuation >= needed ? bytes.length : i;
    }
}
