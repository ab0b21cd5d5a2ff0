// SPDX-License-Identifier: Apache-2.0
package dev.cairn;

import static dev.cairn.VerifyProject.differences;
import static dev.cairn.VerifyProject.verdicts;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.testing.Engine;
import dev.cairn.testing.TestDatabases;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code verify} on the shapes SQLite and H2 projects have: SQLite triggers with bodies, H2 domains. */
class EmbeddedVerifyIT {

    @TempDir
    Path directory;

    @RegisterExtension
    final TestDatabases databases = new TestDatabases();

    @Test
    void aSqliteTriggerRestoredDifferentlyDiffers() {
        String trigger = "CREATE TRIGGER notes_touch AFTER UPDATE ON notes FOR EACH ROW BEGIN"
                + " UPDATE notes SET touched = 1 WHERE id = NEW.id; END;";
        VerifyProject project = new VerifyProject(databases.create(Engine.SQLITE), directory)
                .migration(
                        "1_notes",
                        "CREATE TABLE notes (id integer PRIMARY KEY, touched integer);\n" + trigger,
                        "DROP TABLE notes;")
                .migration(
                        "2_drop_trigger", "DROP TRIGGER notes_touch;", trigger.replace("AFTER UPDATE", "AFTER INSERT"));

        VerifyResult result = project.cairn().verify();

        assertThat(verdicts(result)).containsExactly("1_notes reversible", "2_drop_trigger differs");
        assertThat(differences(result, "2_drop_trigger")).contains("trigger notes_touch: events update -> insert");
    }

    @Test
    void anH2DomainRestoredWithoutItsCheckDiffers() {
        VerifyProject project = new VerifyProject(databases.create(Engine.H2), directory)
                .migration(
                        "1_email",
                        "CREATE DOMAIN email AS varchar(200) CHECK (POSITION('@', VALUE) > 1);",
                        "DROP DOMAIN email;")
                .migration("2_drop_email", "DROP DOMAIN email;", "CREATE DOMAIN email AS varchar(200);");

        VerifyResult result = project.cairn().verify();

        assertThat(verdicts(result)).containsExactly("1_email reversible", "2_drop_email differs");
        assertThat(differences(result, "2_drop_email"))
                .singleElement()
                .satisfies(line -> assertThat(line).startsWith("type email: check "));
    }
}
