// SPDX-License-Identifier: Apache-2.0
package dev.cairn.internal.source;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.internal.sql.SplitRules;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The checksum cache gives what {@link Checksum#ofSection} gives, found by the section's text: an
 * edited section is worked out again, a cache of another build, algorithm or database is not used, a
 * broken file is ignored, and the file is written only when the run needed something else.
 */
class ChecksumCacheTest {

    private static final String BUILD = "/opt/cairn/lib/cairn.jar 1234 5678";
    private static final SplitRules RULES = SplitRules.POSTGRESQL;
    private static final String FAKE = "f".repeat(64);

    @TempDir
    Path directory;

    private final Path migrations = Path.of("/project/database/migrations");
    private final MigrationSources sources = MigrationSources.of(migrations);

    private static Section section(String text, boolean transactional) {
        return new Section(Path.of("1_a.sql"), text, 2, transactional);
    }

    private ChecksumCache open() {
        return ChecksumCache.open(directory, sources, RULES, BUILD);
    }

    private Path cacheFile() throws IOException {
        try (Stream<Path> files = Files.list(directory.resolve("checksums"))) {
            List<Path> all = files.toList();
            assertThat(all).hasSize(1);
            return all.get(0);
        }
    }

    /** A cache file that says {@code text} (transactional) has the checksum {@code checksum}. */
    private void cacheHolding(String text, String checksum, SplitRules rules, String build) throws IOException {
        ChecksumCache cache = ChecksumCache.open(directory, sources, rules, build);
        cache.ofSection(section("SELECT 0;\n", true), rules); // a miss, so that save writes
        cache.save();
        Path file = cacheFile();
        Map<String, String> entries = new HashMap<>();
        entries.put(text, checksum);
        Files.write(file, ChecksumCache.write(rules, build, entries, Map.of()));
    }

    @Test
    void aSectionGetsTheChecksumItsTextGivesAndTheNextRunTheSameFromTheFile() throws IOException {
        Section up = section("CREATE TABLE t (id int);\n", true);
        String computed = Checksum.ofSection(up, RULES);

        ChecksumCache first = open();
        assertThat(first.ofSection(up, RULES)).isEqualTo(computed);
        first.save();

        ChecksumCache second = open();
        assertThat(second.ofSection(up, RULES)).isEqualTo(computed);
    }

    @Test
    void theCachedChecksumIsUsedForTheSameTextAndNeverForAnEditedOne() throws IOException {
        String text = "CREATE TABLE t (id int);\n";
        // A cache entry no real text has: seeing it back proves the checksum came from the file.
        cacheHolding(text, FAKE, RULES, BUILD);

        ChecksumCache cache = open();
        assertThat(cache.ofSection(section(text, true), RULES)).isEqualTo(FAKE);
        // One character changed, same length: worked out, not taken from the cache.
        Section edited = section("CREATE TABLE u (id int);\n", true);
        assertThat(cache.ofSection(edited, RULES)).isEqualTo(Checksum.ofSection(edited, RULES));
        // The same text, but transaction:false: a section of another checksum.
        Section outside = section(text, false);
        assertThat(cache.ofSection(outside, RULES)).isEqualTo(Checksum.ofSection(outside, RULES));
    }

    @Test
    void aCacheOfAnotherBuildOrDatabaseIsNotUsed() throws IOException {
        String text = "CREATE TABLE t (id int);\n";
        Section up = section(text, true);

        cacheHolding(text, FAKE, RULES, "/opt/cairn/lib/cairn.jar 1234 9999");
        assertThat(open().ofSection(up, RULES)).isEqualTo(Checksum.ofSection(up, RULES));

        // Rules other than the cache's are worked out, even with a file made for them around.
        ChecksumCache postgres = open();
        assertThat(postgres.ofSection(up, SplitRules.MYSQL)).isEqualTo(Checksum.ofSection(up, SplitRules.MYSQL));
    }

    @Test
    void aBrokenFileIsIgnoredAndReplaced() throws IOException {
        Section up = section("CREATE TABLE t (id int);\n", true);
        cacheHolding(up.text(), FAKE, RULES, BUILD);
        Path file = cacheFile();
        byte[] whole = Files.readAllBytes(file);
        // Cut inside the last entry, as a full disk might have left a file written in place.
        Files.write(file, Arrays.copyOf(whole, whole.length - 10));

        ChecksumCache cache = open();
        assertThat(cache.ofSection(up, RULES)).isEqualTo(Checksum.ofSection(up, RULES));
        cache.save();

        assertThat(open().ofSection(up, RULES)).isEqualTo(Checksum.ofSection(up, RULES));
        assertThat(Files.size(file)).isGreaterThan(whole.length - 10);
    }

    @Test
    void theFileIsWrittenOnlyWhenTheRunNeededSomethingElse() throws IOException {
        Section a = section("SELECT 1;\n", true);
        Section b = section("SELECT 2;\n", true);
        ChecksumCache first = open();
        first.ofSection(a, RULES);
        first.ofSection(b, RULES);
        first.save();
        Path file = cacheFile();
        FileTime old = FileTime.fromMillis(System.currentTimeMillis() - 60_000);
        Files.setLastModifiedTime(file, old);

        ChecksumCache same = open();
        same.ofSection(a, RULES);
        same.ofSection(b, RULES);
        same.save();
        assertThat(Files.getLastModifiedTime(file)).isEqualTo(old);

        // A migration fewer: the file keeps only what this run used.
        ChecksumCache fewer = open();
        fewer.ofSection(a, RULES);
        fewer.save();
        Map<String, String> transactional = new HashMap<>();
        ChecksumCache.read(Files.readAllBytes(file), RULES, BUILD, transactional, new HashMap<>());
        assertThat(transactional).containsOnlyKeys("SELECT 1;\n");
        try (Stream<Path> files = Files.list(file.getParent())) {
            assertThat(files).as("no temporary file is left").containsExactly(file);
        }
    }

    @Test
    void withoutAJarNothingIsReadOrWritten() {
        // These tests run from target/classes: Cairn's build cannot be told, so the cache stays unused.
        ChecksumCache cache = ChecksumCache.open(directory, sources, RULES);
        Section up = section("SELECT 1;\n", true);

        assertThat(cache.ofSection(up, RULES)).isEqualTo(Checksum.ofSection(up, RULES));
        cache.save();

        assertThat(directory.resolve("checksums")).doesNotExist();
    }

    @Test
    void aScanTakesTheChecksumsFromTheCacheAndSavesIt() throws IOException {
        Path project = Files.createDirectories(directory.resolve("project"));
        Files.writeString(
                project.resolve("1_a.sql"),
                "-- migrate:up\nCREATE TABLE t (id int);\n-- migrate:down\nDROP TABLE t;\n");
        MigrationSources sources = MigrationSources.of(project);
        ChecksumCache cache = ChecksumCache.open(directory, sources, RULES, BUILD);

        BackgroundScan scan = BackgroundScan.start(sources, Optional.of(RULES), cache);
        Migration migration = scan.migrations().get(0);

        assertThat(migration.checksums(RULES).up()).isEqualTo(Checksum.ofSection(migration.up(), RULES));
        Map<String, String> saved = new HashMap<>();
        ChecksumCache.read(Files.readAllBytes(cacheFile()), RULES, BUILD, saved, new HashMap<>());
        assertThat(saved)
                .containsOnlyKeys(migration.up().text(), migration.down().text())
                .containsEntry(migration.up().text(), migration.checksums(RULES).up());
    }
}
