// SPDX-License-Identifier: Apache-2.0
package com.example.plans;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The example application: a catalogue of plans in a database that Cairn's starter migrates at
 * start-up, before the {@code GET /plans} endpoint can read it. Nothing here calls Cairn: the starter
 * finds the {@code DataSource}, the migrations under {@code db/migrations} and the {@link SeedPlans}
 * bean on its own.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class PlansApplication {

    /** Starts the application. */
    public static void main(String[] args) {
        SpringApplication.run(PlansApplication.class, args);
    }
}
