// SPDX-License-Identifier: Apache-2.0
package dev.cairn;

import static dev.cairn.VerifyProject.checked;
import static dev.cairn.VerifyProject.differences;
import static dev.cairn.VerifyProject.verdicts;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.testing.Engine;
import dev.cairn.testing.TestDatabase;
import dev.cairn.testing.TestDatabases;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code verify} on the shapes real PostgreSQL projects have: PL/pgSQL functions and triggers, enums,
 * extensions, views with a frozen {@code 'now'}, sections outside a transaction. Each is a small
 * project of its own whose verdicts and differences are asserted exactly.
 */
class PostgresVerifyIT {

    private static final String EVENTS = "CREATE TABLE events (id integer PRIMARY KEY, kind text NOT NULL,"
            + " created_at timestamptz NOT NULL DEFAULT now());";

    @TempDir
    Path directory;

    @RegisterExtension
    final TestDatabases databases = new TestDatabases();

    private TestDatabase db;
    private VerifyProject project;

    @BeforeEach
    void project() {
        db = databases.create(Engine.POSTGRESQL);
        project = new VerifyProject(db, directory).migration("1_events", EVENTS, "DROP TABLE events;");
    }

    @Test
    void aViewRestoredWithItsNowFrozenAgainIsEquivalent() {
        String view = "CREATE VIEW past_events AS SELECT id, kind FROM events WHERE created_at < 'now'::timestamptz;";
        project.migration("2_view", view, "DROP VIEW past_events;")
                .migration(
                        "3_view_kinds",
                        "DROP VIEW past_events;\nCREATE VIEW past_events AS SELECT id FROM events;",
                        "DROP VIEW past_events;\n" + view);

        VerifyResult result = project.cairn().verify();

        assertThat(verdicts(result))
                .containsExactly("1_events reversible", "2_view reversible", "3_view_kinds equivalent");
        assertThat(checked(result, "3_view_kinds").differences())
                .singleElement()
                .satisfies(finding -> {
                    assertThat(finding.object()).isEqualTo("view past_events");
                    assertThat(finding.attribute()).isEqualTo("definition");
                    assertThat(finding.equivalentBecause())
                            .hasValueSatisfying(
                                    reason -> assertThat(reason).startsWith("only a timestamp frozen at creation"));
                });
        assertThat(result.passed(false)).isTrue();
    }

    @Test
    void aTriggerRestoredForEachRowInsteadOfForEachStatementDiffers() {
        project.migration(
                        "2_trigger",
                        String.join(
                                "\n",
                                "CREATE FUNCTION note_change() RETURNS trigger LANGUAGE plpgsql AS $$",
                                "BEGIN",
                                "  RETURN NULL;",
                                "END $$;",
                                "CREATE TRIGGER events_changed AFTER INSERT ON events",
                                "  FOR EACH STATEMENT EXECUTE FUNCTION note_change();"),
                        "DROP TRIGGER events_changed ON events;\nDROP FUNCTION note_change();")
                .migration(
                        "3_drop_trigger",
                        "DROP TRIGGER events_changed ON events;",
                        "CREATE TRIGGER events_changed AFTER INSERT ON events FOR EACH ROW EXECUTE FUNCTION"
                                + " note_change();");

        VerifyResult result = project.cairn().verify();

        assertThat(verdicts(result))
                .containsExactly("1_events reversible", "2_trigger reversible", "3_drop_trigger differs");
        assertThat(differences(result, "3_drop_trigger"))
                .containsExactly("trigger events_changed: level statement -> row");
    }

    @Test
    void aFunctionBodyRestoredDifferentlyShowsAsALineDiff() {
        String body = String.join(
                "\n",
                "CREATE OR REPLACE FUNCTION event_weight(k text) RETURNS integer LANGUAGE plpgsql AS $$",
                "DECLARE",
                "  weight integer := 0;",
                "BEGIN",
                "  IF k = 'signup' THEN",
                "    weight := 10;",
                "  ELSIF k = 'login' THEN",
                "    weight := 1;",
                "  END IF;",
                "  RETURN weight;",
                "END $$;");
        project.migration("2_weight", body, "DROP FUNCTION event_weight(text);")
                .migration(
                        "3_reweigh",
                        body.replace("weight := 1;", "weight := 2;"),
                        body.replace("weight := 1;", "weight := 3;"));

        VerifyResult result = project.cairn().verify();

        assertThat(verdicts(result)).containsExactly("1_events reversible", "2_weight reversible", "3_reweigh differs");
        assertThat(checked(result, "3_reweigh").differences()).singleElement().satisfies(finding -> {
            assertThat(finding.object()).isEqualTo("routine event_weight(k text)");
            assertThat(finding.attribute()).isEqualTo("body");
            assertThat(finding.summary()).isEqualTo("routine event_weight(k text): body differs");
            assertThat(finding.diff()).contains("- weight := 1;", "+ weight := 3;");
            assertThat(finding.diff())
                    .allSatisfy(line -> assertThat(line.length()).isLessThan(80));
        });
    }

    @Test
    void anEnumValueTheDownCannotRemoveDiffers() {
        project.migration("2_mood", "CREATE TYPE mood AS ENUM ('happy', 'sad');", "DROP TYPE mood;")
                .migration("3_ecstatic", "ALTER TYPE mood ADD VALUE 'ecstatic';", "SELECT 1;");

        VerifyResult result = project.cairn().verify();

        assertThat(verdicts(result)).containsExactly("1_events reversible", "2_mood reversible", "3_ecstatic differs");
        assertThat(differences(result, "3_ecstatic"))
                .containsExactly("type mood: values 'happy', 'sad' -> 'happy', 'sad', 'ecstatic'");
    }

    @Test
    void anExtensionCreatedIfNotExistsAndNeverDroppedDiffers() {
        project.migration("2_trgm", "CREATE EXTENSION IF NOT EXISTS pg_trgm;", "SELECT 1;");

        VerifyResult result = project.cairn().verify();

        assertThat(verdicts(result)).containsExactly("1_events reversible", "2_trgm differs");
        assertThat(differences(result, "2_trgm"))
                .singleElement()
                .satisfies(line -> assertThat(line).startsWith("extension pg_trgm: added ("));
    }

    @Test
    void aDownOutsideTheTransactionThatFailsIsRebuiltAndTheNextMigrationIsStillChecked() {
        project.migration(
                        "2_index",
                        "-- migrate:up transaction:false\nCREATE INDEX CONCURRENTLY events_kind ON events (kind);\n"
                                + "-- migrate:down transaction:false\nDROP INDEX CONCURRENTLY events_kind_typo;\n")
                .migration(
                        "3_uses_index",
                        "ALTER INDEX events_kind RENAME TO events_by_kind;",
                        "ALTER INDEX events_by_kind RENAME TO events_kind;");

        VerifyResult result = project.cairn().verify();

        assertThat(verdicts(result))
                .containsExactly("1_events reversible", "2_index down-failed", "3_uses_index reversible");
        assertThat(checked(result, "2_index").failure())
                .hasValueSatisfying(failure -> assertThat(failure.message()).contains("events_kind_typo"));
        String scratch = result.scratch().replaceAll(".*/(cairn_verify_[0-9a-z]+).*", "$1");
        assertThat(db.serverHasDatabase(scratch)).as(scratch).isFalse();
    }

    @Test
    void aLongViewDefinitionThatComesBackDifferentIsALineDiffNotTwoLongLines() {
        String view = "CREATE VIEW event_report AS SELECT e.id, e.kind, e.created_at, upper(e.kind) AS loud_kind,"
                + " length(e.kind) AS kind_length, date_trunc('day', e.created_at) AS day FROM events e"
                + " WHERE e.kind <> 'internal' AND e.id > 100 ORDER BY e.created_at;";
        project.migration("2_report", view, "DROP VIEW event_report;")
                .migration(
                        "3_report_all",
                        "DROP VIEW event_report;\n" + view.replace(" AND e.id > 100", ""),
                        "DROP VIEW event_report;\n" + view.replace("e.id > 100", "e.id > 1000"));

        VerifyResult result = project.cairn().verify();

        assertThat(verdicts(result))
                .containsExactly("1_events reversible", "2_report reversible", "3_report_all differs");
        VerifyResult.Finding finding =
                checked(result, "3_report_all").differences().get(0);
        assertThat(finding.summary()).isEqualTo("view event_report: definition differs");
        assertThat(finding.diff())
                .anySatisfy(line -> assertThat(line).startsWith("- ").contains("100"));
        assertThat(finding.diff())
                .anySatisfy(line -> assertThat(line).startsWith("+ ").contains("1000"));
        assertThat(finding.diff()).allSatisfy(line -> assertThat(line.length()).isLessThan(100));
    }
}
