// SPDX-License-Identifier: Apache-2.0
import dev.cairn.maven.SampleDatabases

String url = "jdbc:sqlite:" + new File(basedir, "app.sqlite3")
String log = SampleDatabases.log(basedir)
assert log.contains("1 pending, batch 3")
// toBatch=1: batches 3 and 2, newest first; batch 1 stays (the status after it says so).
assert log.contains("Rolling back development (" + url + "): 2 migrations")
assert log.indexOf("  down  20260101000300_create_tags") < log.indexOf("  down  20260101000200_create_posts")
assert log.contains("Rolled back 2 migrations of batches 3, 2 (")
assert log.contains("Version 20260101000100, batch 1: 1 applied, 2 pending")
// all: the last one.
assert log.contains("Rolled back 1 migration of batch 1 (")
assert SampleDatabases.rows(url, "SELECT count(*) FROM cairn_migrations") == ["0"]
assert SampleDatabases.tables(url).intersect(["users", "posts", "tags"]).isEmpty()
return true
