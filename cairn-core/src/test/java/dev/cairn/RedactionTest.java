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
        String text = "login as deploy with hunter2 failed; hunter2 was refused (key k3y, hunter2k3y)";

        assertThat(Redaction.text(text, List.of("hunter2", "k3y", "hunter2k3y")))
                .isEqualTo("login as deploy with **** failed; **** was refused (key ****, ****)");
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
