// SPDX-License-Identifier: Apache-2.0
import dev.cairn.maven.SampleDatabases

String url = "jdbc:sqlite:" + new File(basedir, "app.sqlite3")
String log = SampleDatabases.log(basedir)
assert log.contains("Status of development (" + url + ")")
assert log =~ /\[INFO\]\s+1  \d{4}-\d\d-\d\d \d\d:\d\d:\d\d  20260101000100_create_users  applied/
assert log =~ /\[INFO\]\s+1  \d{4}-\d\d-\d\d \d\d:\d\d:\d\d  20260101000200_create_posts  applied/
assert log =~ /\[INFO\]\s+-\s+20260101000300_create_tags\s+pending/
assert log.contains("Version 20260101000200, batch 1: 2 applied, 1 pending")
// Status reads only.
assert SampleDatabases.rows(url, "SELECT count(*) FROM cairn_migrations") == ["2"]
assert !SampleDatabases.tables(url).contains("tags")
return true
