// SPDX-License-Identifier: Apache-2.0
package dev.cairn.internal.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.ConfigurationException;
import dev.cairn.ConnectionException;
import dev.cairn.MigrationFileException;
import dev.cairn.internal.sql.SplitRules;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The migrations directory is read while the command connects, and the errors come out as if it had
 * been read first: a bad file before a failed connection.
 */
class BackgroundScanTest {

    @TempDir
    Path directory;

    private void file(String name, String text) throws IOException {
        Files.writeString(directory.resolve(name), text);
    }

    @Test
    void theMigrationsAreReadWhileConnecting() throws Exception {
        file("1_a.sql", "-- migrate:up\nSELECT 1;\n-- migrate:down\n");
        file("2_b.sql", "-- migrate:up\nSELECT 2;\n");
        CountDownLatch connecting = new CountDownLatch(1);

        BackgroundScan scan =
                BackgroundScan.start(MigrationSources.of(directory), Optional.empty(), ChecksumCache.NONE);
        String connected = scan.meanwhile(() -> {
            connecting.countDown();
            return "connection";
        });

        assertThat(connecting.await(1, TimeUnit.SECONDS)).isTrue();
        assertThat(connected).isEqualTo("connection");
        assertThat(scan.migrations()).extracting(Migration::name).containsExactly("1_a", "2_b");
        assertThat(scan.migrations()).extracting(Migration::reversible).containsExactly(true, false);
    }

    @Test
    void aBadFileIsReportedBeforeAConnectionThatFailed() throws IOException {
        file("1_a.sql", "SELECT 1;\n");

        BackgroundScan scan =
                BackgroundScan.start(MigrationSources.of(directory), Optional.empty(), ChecksumCache.NONE);

        assertThatThrownBy(() -> scan.meanwhile(() -> {
                    throw new ConnectionException("Cannot connect", null);
                }))
                .isInstanceOf(MigrationFileException.class)
                .hasMessageContaining("1_a.sql");
    }

    @Test
    void aFailedConnectionIsReportedWhenTheFilesAreGood() throws IOException {
        file("1_a.sql", "-- migrate:up\nSELECT 1;\n");

        BackgroundScan scan =
                BackgroundScan.start(MigrationSources.of(directory), Optional.empty(), ChecksumCache.NONE);

        assertThatThrownBy(() -> scan.meanwhile(() -> {
                    throw new ConnectionException("Cannot connect", null);
                }))
                .isInstanceOf(ConnectionException.class)
                .hasMessage("Cannot connect");
    }

    @Test
    void aBadFileFoundAfterConnectingComesOutOfMigrations() throws IOException {
        file("1_a.sql", "-- migrate:up\nSELECT 'never closed;\n");
        file("x.sql", "-- migrate:up\n");

        BackgroundScan scan =
                BackgroundScan.start(MigrationSources.of(directory), Optional.empty(), ChecksumCache.NONE);
        scan.meanwhile(() -> "connection");

        assertThatThrownBy(scan::migrations)
                .isInstanceOf(MigrationFileException.class)
                .hasMessageContaining("x.sql");
    }

    @Test
    void waitingForTheScanKeepsTheThreadsInterruptFlag() throws IOException {
        file("1_a.sql", "-- migrate:up\nSELECT 1;\n");
        BackgroundScan scan =
                BackgroundScan.start(MigrationSources.of(directory), Optional.empty(), ChecksumCache.NONE);

        Thread.currentThread().interrupt();
        try {
            assertThat(scan.migrations()).hasSize(1);
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void withTheDatabasesRulesTheChecksumsAreWorkedOutAsTheCommandWouldWorkThemOut() throws IOException {
        for (int i = 1; i <= 200; i++) {
            file(i + "_m.sql", "-- migrate:up\nSELECT " + i + "; # " + i + "\n-- migrate:down\nSELECT 0;\n");
        }

        BackgroundScan scan = BackgroundScan.startAll(
                MigrationSources.of(directory), Optional.of(SplitRules.MYSQL), ChecksumCache.NONE);

        assertThat(scan.migrations())
                .hasSize(200)
                .allSatisfy(migration -> assertThat(migration.checksums(SplitRules.MYSQL))
                        .isEqualTo(new Checksum.Sections(
                                Checksum.ofSection(migration.up(), SplitRules.MYSQL),
                                Checksum.ofSection(migration.down(), SplitRules.MYSQL))));
    }

    @Test
    void withTheDatabasesRulesAScanThatFailsStillFailsAndNobodyWaitsForever() {
        BackgroundScan scan = BackgroundScan.start(
                MigrationSources.of(directory.resolve("missing")),
                Optional.of(SplitRules.POSTGRESQL),
                ChecksumCache.NONE);

        assertThatThrownBy(scan::migrations)
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("missing");
    }
}
