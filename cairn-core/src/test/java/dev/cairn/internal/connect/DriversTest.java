// SPDX-License-Identifier: Apache-2.0
package dev.cairn.internal.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** Each known URL finds its usual driver by class name; anything else is left to DriverManager. */
class DriversTest {

    @Test
    void theUsualDriverOfEachKnownUrl() throws SQLException {
        assertThat(Drivers.forUrl("jdbc:postgresql://127.0.0.1:5432/app")).isInstanceOf(org.postgresql.Driver.class);
        assertThat(Drivers.forUrl("jdbc:sqlite:dev.sqlite3")).isInstanceOf(org.sqlite.JDBC.class);
        assertThat(Drivers.forUrl("jdbc:mariadb://127.0.0.1/app")).isInstanceOf(org.mariadb.jdbc.Driver.class);
        assertThat(Drivers.forUrl("jdbc:h2:mem:app")).isInstanceOf(org.h2.Driver.class);
    }

    @Test
    void aUrlNoDriverTakesIsRefused() {
        // No MySQL Connector/J on this class path, and MariaDB's driver refuses the jdbc:mysql: scheme:
        // the usual class is missing, so DriverManager is asked, and knows none either.
        assertThatThrownBy(() -> Drivers.forUrl("jdbc:mysql://127.0.0.1/app")).isInstanceOf(SQLException.class);
        assertThatThrownBy(() -> Drivers.forUrl("jdbc:nosuchdb://db/app")).isInstanceOf(SQLException.class);
        assertThatThrownBy(() -> Drivers.forUrl("not a url")).isInstanceOf(SQLException.class);
    }
}
