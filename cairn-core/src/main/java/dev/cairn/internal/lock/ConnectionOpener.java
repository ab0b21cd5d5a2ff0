// SPDX-License-Identifier: Apache-2.0
package dev.cairn.internal.lock;

import java.sql.Connection;
import java.sql.SQLException;

/** Opens one more connection to the database a command works on, for a lock that needs its own. */
@FunctionalInterface
public interface ConnectionOpener {

    /** Opens the connection; the caller closes it. */
    Connection open() throws SQLException;
}
