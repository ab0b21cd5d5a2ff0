// SPDX-License-Identifier: Apache-2.0
package dev.cairn.internal.source;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which files that a scan does not read look meant as migrations, and what to rename them to. */
class NearMissTest {

    @Test
    void anUpperCaseExtensionIsOneAndSaysTheName() {
        assertThat(NearMiss.advice("20260101000000_a.SQL"))
                .isEqualTo("only files ending in .sql (lower case) are read; rename it to 20260101000000_a.sql");
        assertThat(NearMiss.advice("20260101000000_a.up.Sql")).endsWith("rename it to 20260101000000_a.up.sql");
    }

    @Test
    void anExtensionOneSlipFromSqlIsOne() {
        for (String extension : new String[] {"sq", "ql", "sqll", "slq", "sqk", "psql"}) {
            assertThat(NearMiss.advice("20260101000000_a." + extension))
                    .as(extension)
                    .isEqualTo("its extension ." + extension + " is not .sql; rename it to 20260101000000_a.sql");
        }
    }

    @Test
    void aTxtAfterSqlIsOne() {
        assertThat(NearMiss.advice("20260101000000_a.sql.txt"))
                .isEqualTo("it ends in .txt after .sql; rename it to 20260101000000_a.sql");
        assertThat(NearMiss.advice("20260101000000_a.SQL.TXT")).endsWith("rename it to 20260101000000_a.sql");
    }

    @Test
    void filesThatAreReadOrAreNotMigrationsAreNot() {
        for (String name : new String[] {
            "20260101000000_a.sql",
            "20260101000000_a.up.sql",
            ".20260101000000_a.SQL",
            "README.md",
            "notes.txt",
            "20260101000000_a.sql.bak",
            "20260101000000_a.sql~",
            "#20260101000000_a.sql#",
            "Makefile",
            "schema.sh"
        }) {
            assertThat(NearMiss.advice(name)).as(name).isNull();
        }
    }
}
