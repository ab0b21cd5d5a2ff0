// SPDX-License-Identifier: Apache-2.0
package dev.cairn.junit.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * SQLite: the template is a file in a temporary directory of the run, and a copy is a copy of that
 * file beside it. Cairn closes its connection after migrating, and SQLite writes everything back into
 * the main file when the last connection closes (no -journal or -wal is left), so the file alone is
 * the whole database.
 */
final class SqliteTemplate extends Template {
    private static final String SUFFIX = ".sqlite3";
    private final TemporaryDirectory directory = new TemporaryDirectory("cairn-junit-sqlite-");
    private Path template;

    SqliteTemplate(Settings settings) {
        super(settings);
    }

    @Override
    void prepare() {
        String name = newName(TEMPLATE_PREFIX);
        Address address = address(name);
        migrate(address);
        template = file(name);
    }

    @Override
    Address copyTo(String name) {
        try {
            Files.copy(template, file(name));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy the SQLite template " + template, e);
        }
        return address(name);
    }

    @Override
    void drop(Address copy) {
        directory.deleteFilesOf(copy.name());
    }

    @Override
    public void close() {
        directory.delete();
    }

    private Path file(String name) {
        return directory.path().resolve(name + SUFFIX);
    }

    private Address address(String name) {
        return new Address(name, "jdbc:sqlite:" + file(name), null, null);
    }
}
