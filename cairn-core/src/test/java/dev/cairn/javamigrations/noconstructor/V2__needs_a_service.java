// SPDX-License-Identifier: Apache-2.0
package dev.cairn.javamigrations.noconstructor;

import dev.cairn.JavaMigration;
import java.sql.Connection;

/** A Java migration that needs something given to its constructor: a scan cannot make one. */
public class V2__needs_a_service implements JavaMigration {
    private final String service;

    public V2__needs_a_service(String service) {
        this.service = service;
    }

    @Override
    public void up(Connection connection) {
        service.length();
    }
}
