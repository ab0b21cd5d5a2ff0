// SPDX-License-Identifier: Apache-2.0
import dev.cairn.maven.SampleDatabases

String url = "jdbc:sqlite:" + new File(basedir, "app.sqlite3")
assert SampleDatabases.rows(url, "SELECT name, batch FROM cairn_migrations ORDER BY id") ==
        ["20260101000100_create_users|1", "20260101000200_seed_users|1"]
assert SampleDatabases.rows(url, "SELECT id, email FROM users ORDER BY id") ==
        ["1|ada@example.com", "2|grace@example.com"]
String log = SampleDatabases.log(basedir)
// Bound to process-classes: after the compiler, in the same build.
int compiled = log.indexOf("maven-compiler-plugin:3.14.1:compile (default-compile) @ java-migration")
int migrated = log.indexOf(":migrate (default) @ java-migration")
assert compiled >= 0 && migrated > compiled
assert log.contains("  up    20260101000200_seed_users (")
assert log.contains("Applied 2 migrations in batch 1 (")
return true
