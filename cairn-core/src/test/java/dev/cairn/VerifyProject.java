// SPDX-License-Identifier: Apache-2.0
package dev.cairn;

import dev.cairn.testing.TestDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** A migrations directory beside a test database, and ways to read what {@code verify} found, for the verify tests. */
final class VerifyProject {

    private final TestDatabase db;
    private final Path migrations;

    VerifyProject(TestDatabase db, Path directory) {
        this.db = db;
        this.migrations = directory.resolve("migrations");
        try {
            Files.createDirectories(migrations);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Cairn on the test database and the migrations directory. */
    Cairn cairn() {
        return TestCairn.configure(db, migrations).load();
    }

    /** Writes the migration file {@code name}.sql. */
    VerifyProject migration(String name, String text) {
        try {
            Files.writeString(migrations.resolve(name + ".sql"), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** Writes a migration with these up and down sections. */
    VerifyProject migration(String name, String up, String down) {
        return migration(name, "-- migrate:up\n" + up + "\n-- migrate:down\n" + down + "\n");
    }

    /** Each migration checked, as {@code name verdict}. */
    static List<String> verdicts(VerifyResult result) {
        return result.migrations().stream()
                .map(checked -> checked.name() + " " + checked.verdict().label())
                .toList();
    }

    /** The migration {@code name} as checked. */
    static VerifyResult.Checked checked(VerifyResult result, String name) {
        return result.migrations().stream()
                .filter(checked -> checked.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError(name + " was not checked: " + verdicts(result)));
    }

    /** The differences found for {@code migration}, one line each. */
    static List<String> differences(VerifyResult result, String migration) {
        return checked(result, migration).differences().stream()
                .map(VerifyResult.Finding::summary)
                .toList();
    }
}
