// SPDX-License-Identifier: Apache-2.0
package dev.cairn.javamigrations.badname;

import dev.cairn.JavaMigration;
import java.sql.Connection;

/** A Java migration whose class name gives no version, and that does not say its name either. */
public class AddAdmins implements JavaMigration {
    @Override
    public void up(Connection connection) {}
}
