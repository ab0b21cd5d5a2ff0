// SPDX-License-Identifier: Apache-2.0
import dev.cairn.maven.SampleDatabases

String log = SampleDatabases.log(basedir)
File file = new File(basedir, "database/migrations/20260101000200_add_posts.sql")
// Cairn's message fails the build: the file and line, the database's message, what stays applied.
assert log.contains(":migrate (default-cli) on project failing-migration: ")
assert log.contains(file.toString() + ":4")
assert log.contains("no such table: no_such_table")
assert log.contains("rolled back")
assert !log.contains("Caused by:")
// SQLite runs the batch in one transaction, the tracking table's creation included: nothing of it stays.
String url = "jdbc:sqlite:" + new File(basedir, "app.sqlite3")
List<String> tables = SampleDatabases.tables(url)
assert tables.intersect(["users", "posts"]).isEmpty()
assert !tables.contains("cairn_migrations") || SampleDatabases.rows(url, "SELECT count(*) FROM cairn_migrations") == ["0"]
return true
