// SPDX-License-Identifier: Apache-2.0
package dev.cairn.internal.schema;

import dev.cairn.internal.dialect.Dialect;
import java.util.List;

/** {@link MysqlSchemaScript} on MariaDB, through {@link SchemaScriptScenario}. */
class MysqlSchemaScriptIT extends SchemaScriptScenario {

    @Override
    SchemaSnapshotScenario snapshots() {
        return new MysqlSnapshotIT();
    }

    @Override
    Dialect dialect() {
        return Dialect.forProduct("MariaDB");
    }

    @Override
    List<String> neverInScript() {
        return List.of("DEFINER", "AUTO_INCREMENT=", "ALGORITHM=");
    }

    // The view a_names reads z_nodes, which comes after it by name; the view z_roots calls a function;
    // nodes' counter has moved on; b has two triggers on one event, in the order they were made.
    @Override
    List<String> orderedSchema() {
        return List.of(
                "CREATE TABLE a (id int PRIMARY KEY, b_id int)",
                "CREATE TABLE b (id int PRIMARY KEY, a_id int, note varchar(20) DEFAULT 'it''s `x`.y',"
                        + " CONSTRAINT b_a_fkey FOREIGN KEY (a_id) REFERENCES a (id))",
                "ALTER TABLE a ADD CONSTRAINT a_b_fkey FOREIGN KEY (b_id) REFERENCES b (id) ON DELETE SET NULL",
                "CREATE TABLE nodes (id int AUTO_INCREMENT PRIMARY KEY,"
                        + " parent_id int, FOREIGN KEY (parent_id) REFERENCES nodes (id)) ENGINE=InnoDB",
                "INSERT INTO nodes (parent_id) VALUES (NULL)",
                "CREATE FUNCTION is_root(p int) RETURNS int DETERMINISTIC RETURN p IS NULL",
                "CREATE VIEW z_nodes AS SELECT id, parent_id FROM nodes",
                "CREATE VIEW a_names AS SELECT id FROM z_nodes",
                "CREATE VIEW z_roots AS SELECT id FROM a_names WHERE is_root(id)",
                "CREATE TRIGGER b_first BEFORE INSERT ON b FOR EACH ROW SET NEW.note = 'first'",
                "CREATE TRIGGER b_second BEFORE INSERT ON b FOR EACH ROW BEGIN\n"
                        + "  IF NEW.note = 'first' THEN\n    SET NEW.note = 'second';\n  END IF;\nEND");
    }
}
