// SPDX-License-Identifier: Apache-2.0
package dev.cairn.internal.source;

import dev.cairn.Direction;
import dev.cairn.JavaMigration;
import dev.cairn.internal.sql.SplitRules;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * One migration as found on disk, checked but not yet split into statements.
 *
 * @param name the file name without {@code .sql} (without {@code .up.sql} for the paired layout)
 * @param version the leading digits of the name
 * @param description the comment lines above {@code -- migrate:up}, joined by newlines
 * @param file the file (the {@code .up.sql} file for the paired layout)
 * @param up the up section
 * @param down the down section, or null if the migration is irreversible
 * @param memo its checksums: by algorithm 1 ({@link Checksum#WHOLE_FILE}), of the whole file, which
 *     tracking rows of earlier versions are compared with ({@link #checksum}); by the current one
 *     ({@link #checksums})
 * @param java for a Java migration, the instance whose {@code up} and {@code down} the sections run,
 *     and {@code file} is its class file (in a jar: the jar's path, {@code !/}, the entry); null for SQL
 * @param squashed whether {@code cairn squash} wrote it in place of every older migration (its up marker
 *     says {@code squashed}): on a database that applied those, it counts as applied
 */
public record Migration(
        String name,
        Version version,
        String description,
        Path file,
        Section up,
        Section down,
        Checksum.Memo memo,
        JavaMigration java,
        boolean squashed) {

    /** An SQL migration. */
    public Migration(
            String name, Version version, String description, Path file, Section up, Section down, Checksum.Memo memo) {
        this(name, version, description, file, up, down, memo, null, false);
    }

    /**
     * The migration of {@code migrations} that {@code target} names: by its full name, or by its version
     * written as digits only ({@code 7} names {@code 007_users}); empty when none does.
     */
    public static Optional<Migration> named(String target, List<Migration> migrations) {
        Version version = Version.leadingDigitsOf(target);
        boolean isVersion = version != null && version.text().equals(target);
        return migrations.stream()
                .filter(migration -> migration.name().equals(target))
                .findFirst()
                .or(() -> isVersion
                        ? migrations.stream()
                                .filter(migration -> migration.version().sameAs(version))
                                .findFirst()
                        : Optional.empty());
    }

    /** The checksum of the whole file by algorithm 1 ({@link Checksum#WHOLE_FILE}). */
    public String checksum() {
        return memo.wholeFile();
    }

    /** Whether this is a Java migration. */
    public boolean isJava() {
        return java != null;
    }

    /** Where the migration comes from, for messages: its file's name, or {@code class} and the class's name. */
    public String source() {
        return java != null
                ? "class " + java.getClass().getName()
                : file.getFileName().toString();
    }

    /** Whether the migration has a down section and so can be rolled back. */
    public boolean reversible() {
        return down != null;
    }

    /**
     * The checksums of the up and the down section by the current algorithm ({@link Checksum#ALGORITHM}),
     * with the statements cut by {@code rules}. Computed on the first call for these rules.
     */
    public Checksum.Sections checksums(SplitRules rules) {
        return checksums(rules, ChecksumCache.NONE);
    }

    /** {@link #checksums(SplitRules)}, taken from {@code cache} where it holds them. */
    Checksum.Sections checksums(SplitRules rules, ChecksumCache cache) {
        return memo.sections(rules, given -> computeChecksums(given, cache));
    }

    private Checksum.Sections computeChecksums(SplitRules rules, ChecksumCache cache) {
        if (java != null) {
            return Checksum.ofJava(java.checksum(), up, down);
        }
        return new Checksum.Sections(cache.ofSection(up, rules), cache.ofSection(down, rules));
    }

    /** The section that runs in {@code direction}, if there is one. */
    public Optional<Section> section(Direction direction) {
        return Optional.ofNullable(direction == Direction.UP ? up : down);
    }
}
