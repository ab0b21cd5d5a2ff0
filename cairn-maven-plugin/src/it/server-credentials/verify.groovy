// SPDX-License-Identifier: Apache-2.0
import dev.cairn.maven.SampleDatabases

String url = "jdbc:h2:" + new File(basedir, "app")
assert SampleDatabases.rows(url, "app", "h2-S3cret-pw", "SELECT name FROM cairn_migrations") ==
        ["20260101000100_create_users"]
String log = SampleDatabases.log(basedir)
assert log.contains("Applied 1 migration in batch 1 (")
assert log.contains("Version 20260101000100, batch 1: 1 applied, 0 pending")
assert log.contains("There is no <server> with the id 'nowhere' in settings.xml")
assert !log.contains("h2-S3cret-pw")
return true
