// SPDX-License-Identifier: Apache-2.0
package dev.cairn.maven;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SampleDatabasesTest {

    @Test
    void aDatabaseTakesThePlaceOfTheAdminDatabaseAndKeepsTheParameters() {
        assertThat(SampleDatabases.withDatabase("jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres", "cairn_x"))
                .isEqualTo("jdbc:postgresql://127.0.0.1:5432/cairn_x?user=postgres");
        assertThat(SampleDatabases.withDatabase("jdbc:postgresql://db.example:6543/admin", "cairn_x"))
                .isEqualTo("jdbc:postgresql://db.example:6543/cairn_x");
        assertThat(SampleDatabases.withDatabase("jdbc:postgresql://db.example:6543", "cairn_x"))
                .isEqualTo("jdbc:postgresql://db.example:6543/cairn_x");
        assertThat(SampleDatabases.withDatabase("jdbc:mariadb://127.0.0.1:3306/?user=root", "cairn_x"))
                .isEqualTo("jdbc:mariadb://127.0.0.1:3306/cairn_x?user=root");
    }
}
