// SPDX-License-Identifier: Apache-2.0
import dev.cairn.maven.SampleDatabases

String log = SampleDatabases.log(basedir)
// The report: each verdict, what differs, the totals; then the failure.
assert log =~ /\[INFO\]\s+reversible\s+20260101000100_create_users/
assert log =~ /\[WARNING\]\s+differs\s+20260101000200_create_posts/
assert log =~ /\[WARNING\]\s+.*table post_tags.*/
assert log =~ /Checked 2 migrations on a scratch database, dropped since \(\d+ ms\); development \(.*\) was not touched\./
assert log.contains("1 reversible, 1 differs")
assert log.contains(":verify (default-cli) on project verify-bad-down: Verify failed: 1 of 2 migrations are not proven:"
        + " 20260101000200_create_posts (differs).")
assert !log.contains("Caused by:")
// The target was not migrated.
File database = new File(basedir, "app.sqlite3")
assert !database.exists() || SampleDatabases.tables("jdbc:sqlite:" + database).isEmpty()
return true
