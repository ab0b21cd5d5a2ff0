// SPDX-License-Identifier: Apache-2.0
package dev.cairn.internal.schema;

import dev.cairn.internal.dialect.Dialect;
import java.util.List;

/** {@link SqliteSchemaScript} on SQLite, through {@link SchemaScriptScenario}. */
class SqliteSchemaScriptIT extends SchemaScriptScenario {

    @Override
    SchemaSnapshotScenario snapshots() {
        return new SqliteSnapshotIT();
    }

    @Override
    Dialect dialect() {
        return Dialect.forProduct("SQLite");
    }

    // The view parents is dropped and made again after the view that reads it, so it comes later in
    // sqlite_master; a virtual table makes shadow tables of its own.
    @Override
    List<String> orderedSchema() {
        return List.of(
                "CREATE TABLE a (id INTEGER PRIMARY KEY, b_id INTEGER REFERENCES b (id))",
                "CREATE TABLE b (id INTEGER PRIMARY KEY, a_id INTEGER REFERENCES a (id))",
                "CREATE TABLE nodes (id INTEGER PRIMARY KEY, parent_id INTEGER REFERENCES nodes (id))",
                "CREATE INDEX nodes_parent_idx ON nodes (parent_id)",
                "CREATE VIEW parents AS SELECT DISTINCT parent_id AS id FROM nodes",
                "CREATE VIEW parent_count AS SELECT count(*) AS n FROM parents",
                "DROP VIEW parents",
                "CREATE VIEW parents AS SELECT DISTINCT parent_id AS id FROM nodes WHERE parent_id IS NOT NULL",
                "CREATE TRIGGER a_cleanup AFTER DELETE ON a BEGIN DELETE FROM b WHERE a_id = OLD.id; END",
                "CREATE VIRTUAL TABLE notes USING fts5(body)");
    }
}
