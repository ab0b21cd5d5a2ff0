// SPDX-License-Identifier: Apache-2.0
package dev.cairn;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What one statement of a linted migration did when {@link Cairn#lint(LintOptions) lint --observe} ran
 * it on a scratch database beside the target: the locks it took, the tables it rewrote, the algorithm
 * the server chose for an {@code ALTER TABLE} (MySQL, MariaDB), with the size in the target of the
 * biggest table it touched. The scratch database holds no rows, so the time it took there is no
 * prediction of the time on the target: what carries over is what the statement locks and rewrites.
 *
 * @param migration the migration's name
 * @param file its file
 * @param line the statement's first line
 * @param statement the statement's first line of text (shortened)
 * @param locks the table locks it took, each {@code MODE on table} ({@code AccessExclusiveLock on users});
 *     empty where they cannot be seen (a section outside a transaction, or a database without a lock view)
 * @param held the table locks that earlier statements of its transaction took, which it ran under and
 *     which are held until the transaction ends
 * @param watched whether the database showed its locks and rewrites (PostgreSQL); on MySQL and MariaDB,
 *     which do not, {@code algorithm} tells what an {@code ALTER TABLE} does instead
 * @param rewritten the tables whose storage it replaced: each was copied in full, its indexes rebuilt
 * @param algorithm for a MySQL or MariaDB {@code ALTER TABLE}: the first of {@code INSTANT},
 *     {@code INPLACE, LOCK=NONE}, {@code INPLACE} the server accepted, or {@code COPY} if none
 * @param table the biggest table in the target that it locked or rewrote, if any exists there
 * @param rows that table's row count as the target's statistics estimate it
 * @param bytes that table's size in the target, indexes included
 * @param rules the lint rules that fired on the statement
 * @param duration how long it took on the empty scratch database
 * @param failure the database's message if the statement failed on the scratch database (then the
 *     statements after it were not observed); empty if it ran
 */
public record Observation(
        String migration,
        Path file,
        int line,
        String statement,
        List<String> locks,
        List<String> held,
        boolean watched,
        List<String> rewritten,
        Optional<String> algorithm,
        Optional<String> table,
        OptionalLong rows,
        OptionalLong bytes,
        List<String> rules,
        Duration duration,
        Optional<String> failure) {

    /** Copies the lists. */
    public Observation {
        locks = List.copyOf(locks);
        held = List.copyOf(held);
        rewritten = List.copyOf(rewritten);
        rules = List.copyOf(rules);
    }
}
