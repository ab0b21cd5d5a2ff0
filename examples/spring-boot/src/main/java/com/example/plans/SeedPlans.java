// SPDX-License-Identifier: Apache-2.0
package com.example.plans;

import dev.cairn.JavaMigration;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.springframework.stereotype.Component;

/**
 * A Java migration that is a Spring bean: it inserts the plans of the {@link Catalogue}, a bean that
 * Spring injects, into the table that the SQL migration before it made. Cairn's starter hands every
 * {@link JavaMigration} bean to Cairn, which orders it among the SQL files by the version of its
 * {@link #name()}, tracks it, and runs it once, in the batch's transaction.
 *
 * <p>The catalogue is read when the migration runs, that is once: plans added to the properties later
 * are not inserted by it, they need a migration of their own.
 */
@Component
class SeedPlans implements JavaMigration {

    private final Catalogue catalogue;

    SeedPlans(Catalogue catalogue) {
        this.catalogue = catalogue;
    }

    /** The class name is Java's own, so the migration says its name (and version) here. */
    @Override
    public String name() {
        return "20260301090100_seed_plans";
    }

    @Override
    public String description() {
        return "The plans of the application's catalogue (catalogue.plans in its properties).";
    }

    /**
     * Inserts each plan through the connection Cairn gives it, not through {@code JdbcTemplate}: that
     * bean waits for the migrations to finish, so asking for it here would be a dependency cycle.
     */
    @Override
    public void up(Connection connection) throws SQLException {
        try (PreparedStatement insert =
                connection.prepareStatement("INSERT INTO plans (code, name, monthly_price_cents) VALUES (?, ?, ?)")) {
            for (Catalogue.Plan plan : catalogue.plans()) {
                insert.setString(1, plan.code());
                insert.setString(2, plan.name());
                insert.setInt(3, plan.monthlyPriceCents());
                insert.addBatch();
            }
            insert.executeBatch();
        }
        // No commit: Cairn commits the batch's transaction with the migration's tracking row.
    }

    /** Deletes the catalogue's plans again, leaving the table as the SQL migration made it. */
    @Override
    public void down(Connection connection) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM plans WHERE code = ?")) {
            for (Catalogue.Plan plan : catalogue.plans()) {
                delete.setString(1, plan.code());
                delete.addBatch();
            }
            delete.executeBatch();
        }
    }
}
