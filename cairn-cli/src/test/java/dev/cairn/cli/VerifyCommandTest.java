// SPDX-License-Identifier: Apache-2.0
package dev.cairn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cairn verify} as users see it, on SQLite: the verdict of every migration in aligned lines, the
 * differences and failures under them, the summary, JSON, {@code --strict}, {@code --round-trip} and
 * the options' errors.
 */
class VerifyCommandTest {

    private static final String BIO = "20260105000000_add_bio";
    private static final String BROKEN = "20260106000000_broken_down";
    private static final String LATER = "20260107000000_later";

    @TempDir
    Path directory;

    @Test
    void reportsEachMigrationAndLeavesTheTargetAlone() {
        Cli cli = Project.addIrreversible(Project.create(directory));

        Cli.Run run = cli.run("verify").succeeds();

        assertThat(run.out().lines())
                .containsExactly(
                        "  reversible       " + Project.USERS,
                        "  reversible       20260102000000_create_posts",
                        "  reversible       20260103000000_create_tags",
                        "  irreversible     " + Project.LEGACY,
                        "                   no down section: nothing to prove",
                        run.out().lines().toList().get(5),
                        "  3 reversible, 1 irreversible");
        assertThat(run.out())
                .contains("Verified 4 migrations on a scratch database, dropped since (")
                .contains("was not touched.");
        assertThat(cli.database().exists()).isFalse();
        JsonNode json = cli.run("verify", "--json").succeeds().json();
        assertThat(json.get("ok").asBoolean()).isTrue();
        assertThat(json.get("migrations")).hasSize(4);
        assertThat(json.get("migrations").get(0).get("verdict").asText()).isEqualTo("reversible");
        assertThat(json.get("migrations").get(3).get("verdict").asText()).isEqualTo("irreversible");
        assertThat(json.get("summary").toString()).isEqualTo("{\"reversible\":3,\"irreversible\":1}");
        // --strict proves only what came back exactly: a migration with no down is not proven.
        Cli.Run strict = cli.run("verify", "--strict").exits(1);
        assertThat(strict.out()).contains("  Not proven (--strict): " + Project.LEGACY + " (irreversible)");
    }

    @Test
    void aBadDownIsShownUnderItsMigrationAndTheMigrationsAfterItAreStillChecked() {
        Cli cli = Project.create(directory)
                .migration(BIO, "-- migrate:up\nALTER TABLE users ADD COLUMN bio TEXT;\n-- migrate:down\n")
                .migration(
                        BROKEN, "-- migrate:up\nCREATE TABLE notes (id INTEGER);\n-- migrate:down\nDROP TABLE nope;\n")
                .migration(
                        LATER, "-- migrate:up\nCREATE TABLE later (id INTEGER);\n-- migrate:down\nDROP TABLE later;\n");

        Cli.Run run = cli.run("verify").exits(1);

        assertThat(run.out())
                .contains("  differs          " + BIO + "\n")
                .contains("                   table users / column bio: added (nullable=yes; type=text)\n")
                .contains(String.join(
                        "\n",
                        "  down-failed      " + BROKEN,
                        "                   down failed at database/migrations/" + BROKEN + ".sql:4: "))
                .contains("  reversible       " + LATER + "\n")
                .contains("  4 reversible, 1 differs, 1 down-failed\n")
                .contains("  Not proven: " + BIO + " (differs), " + BROKEN + " (down-failed)\n");
        assertThat(run.err())
                .contains("Verify failed: 2 of 6 migrations are not proven: " + BIO + " (differs), " + BROKEN
                        + " (down-failed).")
                .contains("The target database was not touched");
        JsonNode json = cli.run("verify", "--json").exits(1).json();
        assertThat(json.get("ok").asBoolean()).isFalse();
        JsonNode bio = json.get("migrations").get(3);
        assertThat(bio.get("name").asText()).isEqualTo(BIO);
        assertThat(bio.get("verdict").asText()).isEqualTo("differs");
        assertThat(bio.get("differences")).anySatisfy(difference -> {
            assertThat(difference.get("object").asText()).isEqualTo("table users / column bio");
            assertThat(difference.get("attribute").isNull()).isTrue();
            assertThat(difference.get("before").isNull()).isTrue();
            assertThat(difference.get("after").asText()).isEqualTo("nullable=yes; type=text");
        });
        JsonNode broken = json.get("migrations").get(4);
        assertThat(broken.get("failure").get("step").asText()).isEqualTo("down");
        assertThat(broken.get("failure").get("line").asInt()).isEqualTo(4);
        assertThat(broken.get("failure").get("message").asText()).contains("nope");
        // Checking only from the broken migrations on still finds them; the ones before are only applied.
        assertThat(cli.run("verify", "--from", "20260105000000").exits(1).out())
                .contains("  (3 earlier migrations only applied, to build the schema the range starts from)");
    }

    @Test
    void aRoundTripPassesDownsThatOnlyWorkTogetherAndNamesWhatIsLeftBehind() {
        Cli cli = Project.create(directory)
                .migration(
                        "20260105000000_orders",
                        "-- migrate:up\nCREATE TABLE orders (id INTEGER);\n-- migrate:down\n"
                                + "DROP TABLE invoices;\nDROP TABLE orders;\n")
                .migration(
                        "20260106000000_invoices",
                        "-- migrate:up\nCREATE TABLE invoices (id INTEGER);\n-- migrate:down\nSELECT 1;\n");

        assertThat(cli.run("verify").exits(1).out())
                .contains("  down-failed      20260105000000_orders")
                .contains("  differs          20260106000000_invoices");
        Cli.Run trip = cli.run("verify", "--round-trip").succeeds();
        assertThat(trip.out())
                .contains(String.join(
                        "\n",
                        "  up               every up of 5 migrations (" + Project.USERS
                                + " .. 20260106000000_invoices)",
                        "  down             every down, newest first: the schema came back to the one before the ups",
                        "  up again         every up again: the schema is the one the first ups made",
                        "Verified 5 migrations as a round trip on a scratch database"));

        cli.migration(
                "20260107000000_audit",
                "-- migrate:up\nCREATE TABLE audit (id INTEGER);\n-- migrate:down\nSELECT 1;\n");
        Cli.Run leaves =
                cli.run("verify", "--round-trip", "--from", "20260107000000").exits(1);
        assertThat(leaves.out())
                .contains("  down             every down, newest first: differences\n"
                        + "                   table audit: added (")
                .contains("(made by 20260107000000_audit)")
                .contains("  up again         the up again of 20260107000000_audit failed at");
        JsonNode json = cli.run("verify", "--round-trip", "--from", "20260107000000", "--json")
                .exits(1)
                .json();
        JsonNode left = json.get("roundTrip").get("leftBehind").get(0);
        assertThat(left.get("object").asText()).isEqualTo("table audit");
        assertThat(left.get("migration").asText()).isEqualTo("20260107000000_audit");
        assertThat(json.get("roundTrip").get("failure").get("step").asText()).isEqualTo("up again");
    }

    @Test
    void anUpThatFailsStopsTheRunAfterShowingWhatWasChecked() {
        Cli cli = Project.create(directory)
                .migration(
                        "20260105000000_broken_up",
                        "-- migrate:up\nCREATE TABLE notes (id INTEGER);\nALTER TABLE nope ADD COLUMN x INTEGER;\n"
                                + "-- migrate:down\nDROP TABLE notes;\n")
                .migration(
                        LATER, "-- migrate:up\nCREATE TABLE later (id INTEGER);\n-- migrate:down\nDROP TABLE later;\n");

        Cli.Run run = cli.run("verify").exits(1);

        assertThat(run.out())
                .contains("  reversible       20260103000000_create_tags\n")
                .contains("Stopped: the up of 20260105000000_broken_up failed at"
                        + " database/migrations/20260105000000_broken_up.sql:3: ")
                .doesNotContain(LATER);
        assertThat(run.err())
                .contains("Verify failed: verify stopped at the up of 20260105000000_broken_up. Fix that up section:"
                        + " an up that fails on a new database fails a deploy too.");
        JsonNode stopped = cli.run("verify", "--json").exits(1).json().get("stopped");
        assertThat(stopped.get("migration").asText()).isEqualTo("20260105000000_broken_up");
        assertThat(stopped.get("step").asText()).isEqualTo("up");
        assertThat(stopped.get("line").asInt()).isEqualTo(3);
    }

    @Test
    void pendingWithNothingPendingSaysSoRatherThanVerifiedNone() {
        Cli cli = Project.create(directory);
        cli.run("migrate").succeeds();

        Cli.Run run = cli.run("verify", "--pending").succeeds();

        assertThat(run.out()).contains("Nothing to verify: development (").contains(") has applied every migration (");
        assertThat(run.out()).doesNotContain("Verified 0");
    }

    @Test
    void optionsThatCannotWorkAreUsageErrors() {
        Cli cli = Project.create(directory);

        assertThat(cli.run("verify", "--from", "20990101000000").exits(2).err())
                .contains("Cannot verify from '20990101000000': no migration has that version or name, so nothing"
                        + " would be checked. Start from a version such as 20260103000000 (" + Project.TAGS
                        + "), the one before.");
        // A version between two migrations, a full name that names none, a prefix of a version, the round trip.
        assertThat(cli.run("verify", "--from", "20260101500000").exits(2).err())
                .contains("Cannot verify from '20260101500000'")
                .contains("Start from a version such as 20260102000000 (" + Project.POSTS + "), the next one, or"
                        + " 20260101000000 (" + Project.USERS + "), the one before.");
        assertThat(cli.run("verify", "--from", "20260102000000_create_post")
                        .exits(2)
                        .err())
                .contains("Cannot verify from '20260102000000_create_post'");
        assertThat(cli.run("verify", "--from", "2026").exits(2).err()).contains("Cannot verify from '2026'");
        assertThat(cli.run("verify", "--round-trip", "--from", "20260101500000")
                        .exits(2)
                        .err())
                .contains("Cannot verify from '20260101500000'");
        assertThat(cli.run("verify", "--round-trip", "--from", "20260101500000", "--json")
                        .exits(2)
                        .json()
                        .path("error")
                        .path("exitCode")
                        .asInt())
                .isEqualTo(2);
        assertThat(cli.run("verify", "--from", "20260101000000", "--pending")
                        .exits(2)
                        .err())
                .contains("not both");
    }
}
