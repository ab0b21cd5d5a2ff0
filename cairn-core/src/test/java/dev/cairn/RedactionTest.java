// SPDX-License-Identifier: Apache-2.0
package dev.cairn;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Removing passwords from URLs and text. */
class RedactionTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "jdbc:postgresql://db:5432/app?user=u&password=s3cret&ssl=true"
                        + "|jdbc:postgresql://db:5432/app?user=u&password=****&ssl=true",
                "jdbc:postgresql://db/app?password=s3cret|jdbc:postgresql://db/app?password=****",
                "jdbc:postgresql://db/app?PASSWORD=s3cret&x=1|jdbc:postgresql://db/app?PASSWORD=****&x=1",
                "jdbc:postgresql://db/app?sslpassword=k3y&password=s3cret"
                        + "|jdbc:postgresql://db/app?sslpassword=****&password=****",
                "jdbc:sqlserver://db;user=u;Password=s3cret;encrypt=true"
                        + "|jdbc:sqlserver://db;user=u;Password=****;encrypt=true",
                "jdbc:mysql://u:s3cret@db:3306/app|jdbc:mysql://u:****@db:3306/app",
                "jdbc:mysql://u:s3cret@db/app?password=again|jdbc:mysql://u:****@db/app?password=****",
                "jdbc:postgresql://db:5432/app?user=admin@server|jdbc:postgresql://db:5432/app?user=admin@server",
                "jdbc:postgresql://db:5432/app|jdbc:postgresql://db:5432/app",
                "jdbc:sqlite:/tmp/dev.db|jdbc:sqlite:/tmp/dev.db",
                "jdbc:postgresql://db/app?password=p@ss:w/rd|jdbc:postgresql://db/app?password=****",
                "jdbc:oracle:thin:deploy/s3cret@db:1521/app|jdbc:oracle:thin:deploy/****@db:1521/app",
                "jdbc:oracle:thin:deploy/s3cret@//db:1521/app|jdbc:oracle:thin:deploy/****@//db:1521/app",
                "jdbc:h2:./data/dev|jdbc:h2:./data/dev",
                "jdbc:h2:tcp://db/./data/dev;USER=sa;PASSWORD=s3cret|jdbc:h2:tcp://db/./data/dev;USER=sa;PASSWORD=****",
            })
    void url(String url, String expected) {
        assertThat(Redaction.url(url)).isEqualTo(expected);
    }

    @Test
    void nullStaysNull() {
        assertThat(Redaction.url(null)).isNull();
        assertThat(Redaction.text(null, List.of("x"))).isNull();
    }

    @Test
    void textReplacesEverySecret() {
        String text = "login as deploy with hunter2 failed; hunter2 was refused (key k3yz, hunter2k3yz)";

        assertThat(Redaction.text(text, List.of("hunter2", "k3yz", "hunter2k3yz")))
                .isEqualTo("login as deploy with **** failed; **** was refused (key ****, ****)");
    }

    @Test
    void textLeavesASecretAloneWhereItIsOnlyPartOfALongerWord() {
        assertThat(Redaction.text("Status of development (jdbc:postgresql://db:5432/app)", List.of("postgres")))
                .isEqualTo("Status of development (jdbc:postgresql://db:5432/app)");
        assertThat(Redaction.text("user postgres, password postgres.", List.of("postgres")))
                .isEqualTo("user ****, password ****.");
        assertThat(Redaction.text("version 20261204130000, in 2026", List.of("2026")))
                .isEqualTo("version 20261204130000, in ****");
        // Where the secret begins or ends with a character that no word continues, it stands on its own.
        assertThat(Redaction.text("x:=pa$$:x and a=pa$$", List.of("=pa$$:"))).isEqualTo("x:****x and a=pa$$");
    }

    @Test
    void textMasksAVeryShortSecretOnlyWhereItIsMarkedAsAPassword() {
        String text = "\"version\":\"20261204130000\",\"batch\":1 at 127.0.0.1:5432, line 1;"
                + " password=1&x, Password: 1, argument '1', \"1\", //u:1@db";

        assertThat(Redaction.text(text, List.of("1")))
                .isEqualTo("\"version\":\"20261204130000\",\"batch\":1 at 127.0.0.1:5432, line 1;"
                        + " password=****&x, Password: ****, argument '****', \"****\", //u:****@db");
    }

    @Test
    void textMasksALongSecretEvenInsideAWord() {
        String secret = "Xk9mQ2LongPassw0rd";
        assertThat(secret.length()).isGreaterThanOrEqualTo(Redaction.LONG_SECRET);

        assertThat(Redaction.text("FATAL: unexpected option value" + secret + "x for user deploy", List.of(secret)))
                .isEqualTo("FATAL: unexpected option value****x for user deploy");
    }

    @Test
    void textIgnoresEmptyAndNullSecrets() {
        assertThat(Redaction.text("nothing secret", Arrays.asList("", null))).isEqualTo("nothing secret");
    }

    @Test
    void secretsInAUrlAreTheValuesThatUrlMasks() {
        assertThat(Redaction.secretsIn("jdbc:postgresql://app:in-userinfo@db:5432/app?user=app&password=in-query&x=1"))
                .containsExactly("in-query", "in-userinfo");
        assertThat(Redaction.secretsIn("jdbc:sqlserver://db;user=u;Password=semi;encrypt=true"))
                .containsExactly("semi");
        assertThat(Redaction.secretsIn("jdbc:oracle:thin:scott/tiger@db:1521/app"))
                .containsExactly("tiger");
        assertThat(Redaction.secretsIn("jdbc:postgresql://db/app?password=&user=u"))
                .isEmpty();
        assertThat(Redaction.secretsIn("jdbc:postgresql://db:5432/app?user=admin@server"))
                .isEmpty();
        assertThat(Redaction.secretsIn(null)).isEmpty();
    }
}
