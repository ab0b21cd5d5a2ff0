// SPDX-License-Identifier: Apache-2.0
package dev.cairn.javamigrations.problems;

import dev.cairn.JavaMigration;
import java.sql.Connection;

/** A package-private class with a public constructor: still not one Cairn can make. */
class V11__not_public_with_constructor implements JavaMigration {
    public V11__not_public_with_constructor() {}

    @Override
    public void up(Connection connection) {}
}
