// SPDX-License-Identifier: Apache-2.0
import dev.cairn.maven.SampleDatabases

String url = "jdbc:sqlite:" + new File(basedir, "app.sqlite3")
assert SampleDatabases.tables(url).containsAll(["cairn_migrations", "posts", "users"])
assert SampleDatabases.rows(url, "SELECT name, batch FROM cairn_migrations ORDER BY id") ==
        ["20260101000100_create_users|1", "20260101000200_create_posts|1"]

String log = SampleDatabases.log(basedir)
assert log.contains("Migrating development (" + url + "): 2 pending, batch 1")
assert log.contains("  up    20260101000100_create_users (")
assert log.contains("  up    20260101000200_create_posts (")
assert log.contains("Applied 2 migrations in batch 1 (")
// cairn:schema, to the log: the tables the migrations made, and not Cairn's own.
assert log.contains("table posts")
assert log.contains("index posts_user_id")
assert !log.contains("table cairn_migrations")
// cairn:schema@to-file: the same text in the file, and only a line about it in the log.
File schema = new File(basedir, "target/schema.txt")
assert schema.text.contains("table posts / index posts_user_id: columns=user_id; unique=no")
assert log.contains("Wrote the schema of development to " + schema + ".")
return true
