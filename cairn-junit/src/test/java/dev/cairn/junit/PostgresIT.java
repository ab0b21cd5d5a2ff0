// SPDX-License-Identifier: Apache-2.0
package dev.cairn.junit;

import java.util.List;

/** The scenario on a PostgreSQL server: CAIRN_TEST_POSTGRES_URL, else 127.0.0.1:5432 as postgres. */
class PostgresIT extends ServerScenario {
    @Override
    Engine engine() {
        return Engine.POSTGRESQL;
    }

    @Override
    String defaultUrl() {
        return "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres";
    }

    @Override
    String databasesLike() {
        return "SELECT datname FROM pg_database WHERE datname LIKE ?";
    }

    @Override
    List<Class<?>> twoClasses() {
        return classes(Fixtures.PostgresFirst.class, Fixtures.PostgresSecond.class);
    }

    @Override
    Class<?> failsATest() {
        return Fixtures.PostgresFailsOnce.class;
    }

    @Override
    Class<?> serverDown() {
        return Fixtures.PostgresDown.class;
    }

    @Override
    Class<?> verifiesGood() {
        return Fixtures.PostgresVerifiesGood.class;
    }

    @Override
    Class<?> verifiesBad() {
        return Fixtures.PostgresVerifiesBad.class;
    }
}
