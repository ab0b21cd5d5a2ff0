// SPDX-License-Identifier: Apache-2.0
import dev.cairn.maven.SampleDatabases

String database = new File(basedir, "database.name").text
try {
    String url = SampleDatabases.postgresUrl(database)
    assert SampleDatabases.tables(url).containsAll(["cairn_migrations", "users"])
    assert SampleDatabases.rows(url, "SELECT name, batch FROM cairn_migrations ORDER BY id") ==
            ["20260101000100_create_users|1", "20260101000200_touch_users|1"]
    SampleDatabases.execute(url, null, null, "INSERT INTO users VALUES (1, 'Ada@Example.com')")
    assert SampleDatabases.rows(url, "SELECT email FROM users") == ["ada@example.com"]
    String log = SampleDatabases.log(basedir)
    assert log.contains("Migrating development (jdbc:postgresql://")
    assert log.contains("Applied 2 migrations in batch 1 (")
    assert log.contains("Version 20260101000200, batch 1: 2 applied, 0 pending")
    assert log =~ /\[INFO\]\s+reversible\s+20260101000200_touch_users/
    assert log.contains("Verified 2 migrations on a scratch database")
} finally {
    SampleDatabases.dropPostgresDatabase(database)
}
return true
