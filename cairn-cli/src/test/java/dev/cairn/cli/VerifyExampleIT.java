// SPDX-License-Identifier: Apache-2.0
package dev.cairn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.testing.Engine;
import dev.cairn.testing.TestDatabase;
import dev.cairn.testing.TestDatabases;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code examples/verify}, the project the README's "Proving rollbacks" shows, run as users run it:
 * the jar, the example's own {@code cairn.yml}, a PostgreSQL server. What the README quotes is what
 * this asserts, so the README cannot drift from what {@code cairn verify} prints.
 */
class VerifyExampleIT {

    @RegisterExtension
    final TestDatabases databases = new TestDatabases();

    private Cli.Run cairn(TestDatabase database, String... command) throws IOException {
        Path example = CairnProcess.repository().resolve("examples/verify");
        List<String> args =
                new ArrayList<>(List.of("-c", example.resolve("cairn.yml").toString()));
        if (database.password() != null && !database.password().isEmpty()) {
            args.addAll(List.of("--password", database.password()));
        }
        args.addAll(List.of(command));
        Map<String, String> environment =
                Map.of("DATABASE_URL", database.url(), "DATABASE_USER", database.user() == null ? "" : database.user());
        return CairnProcess.java(
                Files.createTempDirectory("cairn-verify-example"), environment, args.toArray(String[]::new));
    }

    @Test
    void everyMigrationGetsTheVerdictTheReadmeShows() throws IOException {
        TestDatabase database = databases.create(Engine.POSTGRESQL);

        Cli.Run run = cairn(database, "verify");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        assertThat(run.out().lines().filter(line -> line.startsWith("  ") && !line.startsWith("   ")))
                .containsExactly(
                        "  reversible       20261201090000_create_accounts",
                        "  equivalent       20261201090100_drop_nickname",
                        "  reversible       20261201090200_recent_accounts_view",
                        "  equivalent       20261201090300_recent_accounts_plan",
                        "  down-failed      20261201090350_drop_stale_index",
                        "  reversible       20261201090400_plan_enum",
                        "  differs          20261201090500_enterprise_plan",
                        "  reversible       20261201090600_audit_trigger",
                        "  differs          20261201090700_audit_per_row",
                        "  differs          20261201090800_trigram_search",
                        "  reversible       20261201090900_billing_orders",
                        "  differs          20261201091000_billing_invoices",
                        "  differs          20261201091100_billing_order_lines",
                        "  reversible       20261201091200_account_score",
                        "  differs          20261201091300_rescore",
                        "  reversible       20261201091500_account_settings",
                        "  7 reversible, 2 equivalent, 6 differs, 1 down-failed",
                        "  Not proven: 20261201090350_drop_stale_index (down-failed), 20261201090500_enterprise_plan"
                                + " (differs), 20261201090700_audit_per_row (differs), 20261201090800_trigram_search"
                                + " (differs), 20261201091000_billing_invoices (differs),"
                                + " 20261201091100_billing_order_lines (differs), 20261201091300_rescore (differs)");
        assertThat(run.out())
                .contains("                   trigger accounts_audit: level statement -> row\n")
                .contains("                   type plan_kind: values 'free', 'team' -> 'free', 'team', 'enterprise'\n")
                .contains("                   table accounts: column order only: nickname came back last")
                .contains("                   view recent_accounts: only a timestamp frozen at creation time differs")
                .contains(String.join(
                        "\n",
                        "                   routine account_score(plan text): body differs",
                        "                       BEGIN",
                        "                       IF plan = 'team' THEN",
                        "                     - RETURN 10;",
                        "                     + RETURN 5;",
                        "                       ELSIF plan = 'enterprise' THEN",
                        "                       RETURN 100;",
                        ""));
        assertThat(database.tables()).isEmpty();
    }

    @Test
    void aRoundTripPassesTheBillingGroupAndNamesWhatALongerOneLeavesBehind() throws IOException {
        TestDatabase database = databases.create(Engine.POSTGRESQL);

        Cli.Run billing = cairn(database, "verify", "--round-trip", "--from", "20261201090900");
        Cli.Run longer = cairn(database, "verify", "--round-trip", "--from", "20261201090500");

        assertThat(billing.exitCode()).as(billing.err()).isZero();
        assertThat(billing.out())
                .contains(
                        "  down             every down, newest first: the schema came back to the one before the ups\n")
                .contains("Verified 6 migrations as a round trip on a scratch database");
        assertThat(longer.exitCode()).isEqualTo(1);
        assertThat(longer.out())
                .contains(String.join(
                        "\n",
                        "  down             every down, newest first: differences",
                        "                   extension pg_trgm: added (schema=public; version=1.6) (made by"
                                + " 20261201090800_trigram_search)",
                        "                   type plan_kind: values 'free', 'team' -> 'free', 'team', 'enterprise'"
                                + " (made by 20261201090500_enterprise_plan)",
                        "  up again         the up again of 20261201090500_enterprise_plan failed at "));
        assertThat(longer.err())
                .contains("Verify failed: the round trip stopped at the up again of 20261201090500_enterprise_plan.");
    }
}
