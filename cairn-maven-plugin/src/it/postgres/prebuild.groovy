// SPDX-License-Identifier: Apache-2.0
import dev.cairn.maven.SampleDatabases

String database = SampleDatabases.createPostgresDatabase()
new File(basedir, "database.name").text = database
new File(basedir, "cairn.yml").text = """\
environments:
  development:
    url: ${SampleDatabases.postgresUrl(database)}
"""
return true
