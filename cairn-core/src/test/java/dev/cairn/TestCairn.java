// SPDX-License-Identifier: Apache-2.0
package dev.cairn;

import dev.cairn.testing.TestDatabase;
import java.nio.file.Path;
import java.util.List;

/** Cairn's builder for a test database, as a library user would configure it. */
final class TestCairn {

    private TestCairn() {}

    /** A builder for {@code db}'s URL and credentials, with the migrations in {@code migrations}. */
    static Cairn.Builder configure(TestDatabase db, Path migrations) {
        Cairn.Builder builder = Cairn.configure().url(db.url()).migrationsDirectory(migrations);
        if (db.user() != null) {
            builder.user(db.user());
        }
        if (db.password() != null && !db.password().isEmpty()) {
            builder.password(db.password());
        }
        return builder;
    }

    /** The tracking table's rows as {@code name@batch:origin}, in the order they were applied. */
    static List<String> tracked(TestDatabase db) {
        return db.query("SELECT name, batch, origin FROM cairn_migrations ORDER BY id").stream()
                .map(row -> row.get("name") + "@" + row.get("batch") + ":" + row.get("origin"))
                .toList();
    }
}
