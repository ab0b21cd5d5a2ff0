// SPDX-License-Identifier: Apache-2.0
package dev.cairn.javamigrations.problems;

import dev.cairn.JavaMigration;
import java.sql.Connection;

/** A class whose name() overrides its good class name with one that has no leading version. */
public class V5__declares_a_bad_name implements JavaMigration {
    @Override
    public void up(Connection connection) {}

    @Override
    public String name() {
        return "backfill_emails";
    }
}
