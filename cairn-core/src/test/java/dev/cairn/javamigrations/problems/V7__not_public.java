// SPDX-License-Identifier: Apache-2.0
package dev.cairn.javamigrations.problems;

import dev.cairn.JavaMigration;
import java.sql.Connection;

/** A package-private class, written the way one forgets the modifier: no constructor of its own. */
class V7__not_public implements JavaMigration {
    @Override
    public void up(Connection connection) {}
}
