// SPDX-License-Identifier: Apache-2.0
package com.example.plans;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The plans the business sells, as the application's properties list them ({@code catalogue.plans[0].code},
 * {@code .name}, {@code .monthly-price-cents}, ...). An ordinary Spring bean of the application: the
 * migration {@link SeedPlans} has it injected, as it would any other service.
 *
 * @param plans the plans, in the order the properties give them
 */
@ConfigurationProperties("catalogue")
public record Catalogue(List<Plan> plans) {

    /** Keeps an unmodifiable copy, and no plans when the properties list none. */
    public Catalogue {
        plans = plans == null ? List.of() : List.copyOf(plans);
    }

    /**
     * One plan of the catalogue.
     *
     * @param code the plan's key, which the database's rows use
     * @param name what customers see
     * @param monthlyPriceCents the price of a month, in cents
     */
    public record Plan(String code, String name, int monthlyPriceCents) {}
}
