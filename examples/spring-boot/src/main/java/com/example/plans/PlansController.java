// SPDX-License-Identifier: Apache-2.0
package com.example.plans;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /plans}: the plans as the database holds them, cheapest first. Boot creates the
 * {@code JdbcClient} only after Cairn has migrated, so the table is there by the first request.
 */
@RestController
class PlansController {

    private final JdbcClient jdbc;

    PlansController(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @GetMapping("/plans")
    List<PlanRow> plans() {
        return jdbc.sql("SELECT code, name, monthly_price_cents FROM plans ORDER BY monthly_price_cents, code")
                .query(PlanRow.class)
                .list();
    }

    /** A row of {@code plans}, written as JSON ({@code monthly_price_cents} maps to {@code monthlyPriceCents}). */
    record PlanRow(String code, String name, int monthlyPriceCents) {}
}
