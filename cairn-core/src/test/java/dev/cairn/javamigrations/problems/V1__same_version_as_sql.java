// SPDX-License-Identifier: Apache-2.0
package dev.cairn.javamigrations.problems;

import dev.cairn.JavaMigration;
import java.sql.Connection;

/** A good class with the version of the SQL file 1_create_users.sql. */
public class V1__same_version_as_sql implements JavaMigration {
    @Override
    public void up(Connection connection) {}

    @Override
    public void down(Connection connection) {}
}
