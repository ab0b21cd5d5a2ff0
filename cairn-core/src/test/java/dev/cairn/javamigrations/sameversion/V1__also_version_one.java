// SPDX-License-Identifier: Apache-2.0
package dev.cairn.javamigrations.sameversion;

import dev.cairn.JavaMigration;
import java.sql.Connection;

/** A Java migration with the version of an SQL file in the filesystem location. */
public class V1__also_version_one implements JavaMigration {
    @Override
    public void up(Connection connection) {}
}
