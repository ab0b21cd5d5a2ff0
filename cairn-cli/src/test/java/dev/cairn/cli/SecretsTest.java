// SPDX-License-Identifier: Apache-2.0
package dev.cairn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SecretsTest {

    @Test
    void findsThePasswordOptionInBothSpellings() {
        assertThat(Secrets.fromArguments("--password", "hunter2", "ping").redact("x hunter2 y"))
                .isEqualTo("x **** y");
        assertThat(Secrets.fromArguments("--password=hunter2").redact("hunter2"))
                .isEqualTo("****");
    }

    @Test
    void findsPasswordsInsideUrls() {
        Secrets secrets = Secrets.fromArguments(
                "--url", "jdbc:postgresql://app:in-userinfo@db:5432/app?user=app&password=in-query&ssl=true");
        assertThat(secrets.redact("a in-userinfo b in-query c")).isEqualTo("a **** b **** c");
        assertThat(Secrets.fromArguments("--url=jdbc:sqlserver://h;password=semi;db=x")
                        .redact("semi"))
                .isEqualTo("****");
    }

    @Test
    void replacesALongerSecretBeforeOneItContains() {
        Secrets secrets = Secrets.fromArguments("--password", "abc", "--url", "jdbc:x://h/d?password=abcdef");
        assertThat(secrets.redact("abcdef")).isEqualTo("****");
    }

    @Test
    void masksThePasswordAsJsonAndAUrlWriteItToo() {
        Secrets secrets = Secrets.fromArguments("--password", "pa\"ss wo&rd");

        assertThat(secrets.redact("{\"message\":\"pa\\\"ss wo&rd\"}")).isEqualTo("{\"message\":\"****\"}");
        assertThat(secrets.redact("?password=pa%22ss+wo%26rd&x=1")).isEqualTo("?password=****&x=1");
        assertThat(secrets.redact("?password=pa%22ss%20wo%26rd&x=1")).isEqualTo("?password=****&x=1");
    }

    @Test
    void leavesTheCharactersOfAShortPasswordAloneInsideOtherWords() {
        assertThat(Secrets.fromArguments("--password", "1").redact("\"currentVersion\":\"20261204130000\""))
                .isEqualTo("\"currentVersion\":\"20261204130000\"");
        assertThat(Secrets.fromArguments("--password", "postgres").redact("jdbc:postgresql://db/app"))
                .isEqualTo("jdbc:postgresql://db/app");
    }

    @Test
    void ignoresArgumentsAfterTheEndOfOptions() {
        assertThat(Secrets.fromArguments("--", "--password", "x").isEmpty()).isTrue();
        assertThat(Secrets.fromArguments("status").redact("status")).isEqualTo("status");
    }

    @Test
    void streamMasksASecretWrittenInPiecesAndKeepsPartialLinesLive() {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        PrintStream target = new PrintStream(sink, true, StandardCharsets.UTF_8);
        PrintStream stream = RedactingOutputStream.printStream(target, Secrets.fromArguments("--password", "s3cr3t"));
        stream.print("pass: s3");
        stream.print("cr3t and ");
        stream.println("more s3cr3t");
        stream.print("  up    name ... ");
        stream.flush();
        assertThat(sink.toString(StandardCharsets.UTF_8))
                .isEqualTo("pass: **** and more ****" + System.lineSeparator() + "  up    name ... ");
    }

    @Test
    void streamMasksSecretsInOneWriteOfSeveralLines() {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        PrintStream stream = RedactingOutputStream.printStream(
                new PrintStream(sink, true, StandardCharsets.UTF_8), Secrets.fromArguments("--password", "s3cr3t"));
        stream.print("one s3cr3t\ntwo\nthree s3");
        stream.print("cr3t\n");
        stream.flush();
        assertThat(sink.toString(StandardCharsets.UTF_8)).isEqualTo("one ****\ntwo\nthree ****\n");
    }

    @Test
    void streamKeepsMultiByteCharactersWhole() {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        PrintStream stream =
                RedactingOutputStream.printStream(new PrintStream(sink, true, StandardCharsets.UTF_8), Secrets.none());
        byte[] euro = "\u20ac".getBytes(StandardCharsets.UTF_8);
        stream.write(euro, 0, 1);
        stream.flush();
        stream.write(euro, 1, 2);
        stream.flush();
        assertThat(sink.toString(StandardCharsets.UTF_8)).isEqualTo("\u20ac");
    }
}
