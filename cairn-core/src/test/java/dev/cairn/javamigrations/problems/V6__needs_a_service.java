// SPDX-License-Identifier: Apache-2.0
package dev.cairn.javamigrations.problems;

import dev.cairn.JavaMigration;
import java.sql.Connection;

/** A class whose only constructor takes a parameter: a scan cannot make one. */
public class V6__needs_a_service implements JavaMigration {
    private final Runnable service;

    public V6__needs_a_service(Runnable service) {
        this.service = service;
    }

    @Override
    public void up(Connection connection) {
        service.run();
    }
}
