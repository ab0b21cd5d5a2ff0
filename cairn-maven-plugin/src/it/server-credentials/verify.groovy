// SPDX-License-Identifier: Apache-2.0
import dev.cairn.maven.SampleDatabases

String url = "jdbc:h2:" + new File(basedir, "app")
assert SampleDatabases.rows(url, "app", "h2-S3cret-pw", "SELECT name FROM cairn_migrations") ==
        ["20260101000100_create_users"]
String log = SampleDatabases.log(basedir)
assert log.contains("Applied 1 migration in batch 1 (")
assert log.contains("Version 20260101000100, batch 1: 1 applied, 0 pending")
assert log.contains("There is no <server> with the id 'nowhere' in settings.xml")
// The third run reached the database (H2 refuses any other password) with -X on, and its debug output
// shows the password parameter as written, never its value.
assert log.contains("[DEBUG]")
assert log.count("Version 20260101000100, batch 1: 1 applied, 0 pending") == 2
assert !log.contains("h2-S3cret-pw")
return true
