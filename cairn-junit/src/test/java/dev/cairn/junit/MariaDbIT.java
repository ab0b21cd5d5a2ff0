// SPDX-License-Identifier: Apache-2.0
package dev.cairn.junit;

import java.util.List;

/** The scenario on a MariaDB server: CAIRN_TEST_MARIADB_URL, else 127.0.0.1:3306 as root. */
class MariaDbIT extends ServerScenario {
    @Override
    Engine engine() {
        return Engine.MARIADB;
    }

    @Override
    String defaultUrl() {
        return "jdbc:mariadb://127.0.0.1:3306/?user=root";
    }

    @Override
    String databasesLike() {
        return "SELECT SCHEMA_NAME FROM information_schema.SCHEMATA WHERE SCHEMA_NAME LIKE ?";
    }

    @Override
    List<Class<?>> twoClasses() {
        return classes(Fixtures.MariaDbFirst.class, Fixtures.MariaDbSecond.class);
    }

    @Override
    Class<?> failsATest() {
        return Fixtures.MariaDbFailsOnce.class;
    }

    @Override
    Class<?> serverDown() {
        return Fixtures.MariaDbDown.class;
    }

    @Override
    Class<?> verifiesGood() {
        return Fixtures.MariaDbVerifiesGood.class;
    }

    @Override
    Class<?> verifiesBad() {
        return Fixtures.MariaDbVerifiesBad.class;
    }
}
