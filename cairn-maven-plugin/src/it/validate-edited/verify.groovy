// SPDX-License-Identifier: Apache-2.0
import dev.cairn.maven.SampleDatabases

String log = SampleDatabases.log(basedir)
// The first validate, on the files as applied, passes.
assert log.contains("No problems: 1 migration, and the files agree with the tracking table of development")
// The second fails the build with every problem, in Cairn's words, and no stack trace.
assert log.contains("[ERROR] Failed to execute goal dev.cairn:cairn-maven-plugin:")
assert log.contains(":validate (default-cli) on project validate-edited: Validation found 1 problem in the migration files"
        + " and the tracking table.")
assert log.contains("[ERROR]   - 20260101000100_create_users.sql: the up section was changed after it was applied")
assert !log.contains("Caused by:")
assert !log.contains("\tat dev.cairn.")
return true
