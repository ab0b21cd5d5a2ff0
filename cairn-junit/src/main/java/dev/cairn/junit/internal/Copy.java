// SPDX-License-Identifier: Apache-2.0
package dev.cairn.junit.internal;

import dev.cairn.junit.MigratedDatabase;

/**
 * A test class's copy of the template, which closing drops. JUnit closes it with the class's
 * extension context, after the class's last callback, whether the class passed or failed.
 */
public final class Copy implements AutoCloseable {
    private final MigratedDatabase database;
    private final Template template;
    private final Address address;

    Copy(MigratedDatabase database, Template template, Address address) {
        this.database = database;
        this.template = template;
        this.address = address;
    }

    /** The database the class's tests use. */
    public MigratedDatabase database() {
        return database;
    }

    /** Drops the database, with any connection a test left open. */
    @Override
    public void close() {
        template.drop(address);
    }
}
