// SPDX-License-Identifier: Apache-2.0
package dev.cairn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The progress line of a fleet's run on a terminal. */
class FleetProgressTest {

    @Test
    void theLineSaysHowManyAreDoneFailedAndTheRate() {
        assertThat(FleetProgress.line(340, 2, 1000, "schema", TimeUnit.SECONDS.toNanos(4)))
                .isEqualTo("340 of 1000 schemas done, 2 failed, 85/s");
        assertThat(FleetProgress.line(1, 0, 1, "database", TimeUnit.MILLISECONDS.toNanos(500)))
                .isEqualTo("1 of 1 database done, 2/s");
    }

    @Test
    void itIsWrittenOverInPlaceAndErasedAtTheEnd() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        FleetProgress progress = new FleetProgress(new PrintStream(bytes, true, StandardCharsets.UTF_8), "schema", 2);

        progress.ended(true); // the first end shows at once
        progress.ended(false); // the last one too
        progress.clear();

        String shown = bytes.toString(StandardCharsets.UTF_8);
        assertThat(shown)
                .startsWith("\r1 of 2 schemas done")
                .contains("\r2 of 2 schemas done, 1 failed")
                .endsWith("\r\u001b[K")
                .doesNotContain("\n");
    }

    @Test
    void aNoticeErasesTheLineAndStandsOnALineOfItsOwn() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        FleetProgress progress = new FleetProgress(new PrintStream(bytes, true, StandardCharsets.UTF_8), "schema", 3);

        progress.ended(true);
        progress.say("tenant_02: Waiting for the migration lock: held by PostgreSQL backend pid 42 ...");
        progress.clear(); // nothing shown since the notice: nothing to erase

        assertThat(bytes.toString(StandardCharsets.UTF_8))
                .startsWith("\r1 of 3 schemas done")
                .endsWith(
                        "\u001b[K\r\u001b[Ktenant_02: Waiting for the migration lock: held by PostgreSQL backend pid 42"
                                + " ..." + System.lineSeparator());
    }
}
