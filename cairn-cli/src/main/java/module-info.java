// SPDX-License-Identifier: Apache-2.0

/**
 * The {@code cairn} command line. It reads only the public API of {@code dev.cairn}: the module
 * system refuses any use of {@code dev.cairn.internal}, so the tool proves the API is enough.
 */
// info.picocli is an automatic module: cairn-picocli, picocli's sources compiled for Java 17, without
// the module descriptor of picocli's own jar.
@SuppressWarnings("requires-automatic")
module dev.cairn.cli {
    requires dev.cairn;
    requires info.picocli;
    requires com.fasterxml.jackson.core;
    // The start-up training writes the SQLite driver's native library where the launcher finds it.
    requires org.xerial.sqlitejdbc;
    // sun.misc.Signal, used through reflection: a second Ctrl-C ends the process at once (Interrupts).
    requires jdk.unsupported;

    // picocli reads and writes the annotated fields of the commands and options reflectively.
    opens dev.cairn.cli to
            info.picocli;
}
