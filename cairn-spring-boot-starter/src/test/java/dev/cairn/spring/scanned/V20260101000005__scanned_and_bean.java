// SPDX-License-Identifier: Apache-2.0
package dev.cairn.spring.scanned;

import dev.cairn.JavaMigration;
import java.sql.Connection;

/** A Java migration in a scanned location that a test also registers as a bean. */
public final class V20260101000005__scanned_and_bean implements JavaMigration {

    /** Creates the migration, as scanning does. */
    public V20260101000005__scanned_and_bean() {}

    @Override
    public void up(Connection connection) {}

    @Override
    public void down(Connection connection) {}
}
