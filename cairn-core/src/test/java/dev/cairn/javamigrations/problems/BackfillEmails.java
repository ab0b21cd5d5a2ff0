// SPDX-License-Identifier: Apache-2.0
package dev.cairn.javamigrations.problems;

import dev.cairn.JavaMigration;
import java.sql.Connection;

/** A class name without a version, and no name() to say one. */
public class BackfillEmails implements JavaMigration {
    @Override
    public void up(Connection connection) {}
}
