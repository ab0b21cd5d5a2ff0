// SPDX-License-Identifier: Apache-2.0
import dev.cairn.maven.SampleDatabases

String database = new File(basedir, "database.name").text
try {
    String url = SampleDatabases.mariadbUrl(database, "mariadb")
    assert SampleDatabases.tables(url).containsAll(["cairn_migrations", "users"])
    assert SampleDatabases.rows(url, "SELECT name, batch FROM cairn_migrations") == ["20260101000100_create_users|1"]
    String log = SampleDatabases.log(basedir)
    assert log.contains("Migrating development (jdbc:mysql://")
    assert log.contains("Version 20260101000100, batch 1: 1 applied, 0 pending")
} finally {
    SampleDatabases.dropMariadbDatabase(database)
}
return true
