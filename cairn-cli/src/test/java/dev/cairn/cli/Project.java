// SPDX-License-Identifier: Apache-2.0
package dev.cairn.cli;

import java.nio.file.Path;

/** A small project on SQLite: cairn.yml and four migrations, one of them irreversible. */
final class Project {

    static final String USERS = "20260101000000_create_users";
    static final String POSTS = "20260102000000_create_posts";
    static final String TAGS = "20260103000000_create_tags";
    static final String LEGACY = "20260104000000_drop_legacy";

    private Project() {}

    /** cairn.yml and three reversible migrations. */
    static Cli create(Path directory) {
        return new Cli(directory)
                .withSqliteConfig()
                .migration(
                        USERS,
                        String.join(
                                "\n",
                                "-- Creates the users table.",
                                "-- Emails are unique.",
                                "-- migrate:up",
                                "CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT NOT NULL UNIQUE);",
                                "-- migrate:down",
                                "DROP TABLE users;",
                                ""))
                .migration(
                        POSTS,
                        String.join(
                                "\n",
                                "-- migrate:up",
                                "CREATE TABLE posts (id INTEGER PRIMARY KEY, user_id INTEGER REFERENCES users (id));",
                                "CREATE INDEX posts_user ON posts (user_id);",
                                "-- migrate:down",
                                "DROP INDEX posts_user;",
                                "DROP TABLE posts;",
                                ""))
                .migration(
                        TAGS,
                        String.join(
                                "\n",
                                "-- migrate:up",
                                "CREATE TABLE tags (name TEXT PRIMARY KEY);",
                                "-- migrate:down",
                                "DROP TABLE tags;",
                                ""));
    }

    /** Adds a migration without a down section. */
    static Cli addIrreversible(Cli cli) {
        return cli.migration(
                LEGACY, String.join("\n", "-- migrate:up", "CREATE TABLE legacy_archive (id INTEGER);", ""));
    }
}
