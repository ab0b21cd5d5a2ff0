// SPDX-License-Identifier: Apache-2.0
package dev.cairn.javamigrations.problems;

import dev.cairn.JavaMigration;
import java.sql.Connection;

/** Not a migration; it holds one written as a non-static inner class, which needs a Holder to be made. */
public class Holder {

    /** An inner class: its constructor takes the outer instance. */
    public class V8__inner implements JavaMigration {
        @Override
        public void up(Connection connection) {}
    }
}
