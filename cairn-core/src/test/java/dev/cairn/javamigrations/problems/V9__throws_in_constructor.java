// SPDX-License-Identifier: Apache-2.0
package dev.cairn.javamigrations.problems;

import dev.cairn.JavaMigration;
import java.sql.Connection;

/** A class whose constructor fails. */
public class V9__throws_in_constructor implements JavaMigration {
    public V9__throws_in_constructor() {
        throw new IllegalStateException("no settings file");
    }

    @Override
    public void up(Connection connection) {}
}
