// SPDX-License-Identifier: Apache-2.0
package dev.cairn.spring;

import dev.cairn.testing.TestDatabase;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** The application's {@code DataSource} in the starter's tests: a plain one on a test database. */
final class TestDataSources {

    private TestDataSources() {}

    /** A new data source on {@code db}, with its user and password (a new connection each time). */
    static DataSource of(TestDatabase db) {
        DriverManagerDataSource dataSource = new DriverManagerDataSource(db.url());
        dataSource.setUsername(db.user());
        dataSource.setPassword(db.password());
        return dataSource;
    }
}
