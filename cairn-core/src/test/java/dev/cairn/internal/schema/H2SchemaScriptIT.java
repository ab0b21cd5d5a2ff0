// SPDX-License-Identifier: Apache-2.0
package dev.cairn.internal.schema;

import dev.cairn.internal.dialect.Dialect;
import dev.cairn.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/** {@link H2SchemaScript} on H2, through {@link SchemaScriptScenario}. */
class H2SchemaScriptIT extends SchemaScriptScenario {

    @Override
    SchemaSnapshotScenario snapshots() {
        return new H2SnapshotIT();
    }

    @Override
    Dialect dialect() {
        return Dialect.forProduct("H2");
    }

    // The original is made in a schema WORK, the copy in PUBLIC: a name the script left qualified fails.
    @Override
    Connection openOriginal(TestDatabase db) throws SQLException {
        Connection connection = db.connect();
        try (java.sql.Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA work");
            statement.execute("SET SCHEMA work");
        }
        return connection;
    }

    @Override
    List<String> neverInScript() {
        return List.of("MEMORY TABLE", "CACHED TABLE", "RESTART WITH", "\"WORK\".\"");
    }

    // The view parents is replaced after the view that reads it; the sequence was used. (Not a
    // default NEXT VALUE FOR it: H2SchemaReader reads that with the schema's name, which differs here.)
    @Override
    List<String> orderedSchema() {
        return List.of(
                "CREATE SEQUENCE node_ids START WITH 10",
                "CREATE TABLE a (id int PRIMARY KEY, b_id int)",
                "CREATE TABLE b (id int PRIMARY KEY, a_id int REFERENCES a (id))",
                "ALTER TABLE a ADD CONSTRAINT a_b_fkey FOREIGN KEY (b_id) REFERENCES b (id)",
                "CREATE TABLE nodes (id int PRIMARY KEY,"
                        + " parent_id int REFERENCES nodes (id), note varchar(20) DEFAULT 'from \"WORK\".x')",
                "INSERT INTO nodes (id) VALUES (NEXT VALUE FOR node_ids)",
                "CREATE VIEW parents AS SELECT DISTINCT parent_id AS id FROM nodes",
                "CREATE VIEW parent_count AS SELECT count(*) AS n FROM parents",
                "CREATE OR REPLACE VIEW parents AS SELECT DISTINCT parent_id AS id FROM nodes"
                        + " WHERE parent_id IS NOT NULL",
                "CREATE TRIGGER a_touch AFTER DELETE ON a FOR EACH ROW CALL '" + H2SnapshotIT.H2Touch.class.getName()
                        + "'");
    }
}
