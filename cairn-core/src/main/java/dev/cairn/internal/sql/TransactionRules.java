// SPDX-License-Identifier: Apache-2.0
package dev.cairn.internal.sql;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What one dialect's transactions can hold: whether its DDL is transactional (so that Cairn runs a
 * batch in one transaction), and which statements the database refuses to run inside a transaction
 * block. Such a statement in a transactional section would fail only when the batch reaches it, after
 * the statements before it ran; the planner refuses it before anything runs.
 *
 * @param transactionalDdl whether DDL can be rolled back, so that sections run in Cairn's transaction
 * @param outsideOnly the statements that cannot run in a transaction block, each with its name
 */
public record TransactionRules(boolean transactionalDdl, List<OutsideOnly> outsideOnly) {

    /** A kind of statement that a database runs only outside a transaction block. */
    public record OutsideOnly(String name, Pattern pattern) {

        static OutsideOnly of(String name, String regex) {
            return new OutsideOnly(name, Pattern.compile("^(?:" + regex + ")\\b", Pattern.CASE_INSENSITIVE));
        }
    }

    /** DDL auto-commits (MySQL, MariaDB, H2): sections never run in Cairn's transaction, so nothing is refused. */
    public static final TransactionRules AUTOCOMMIT = new TransactionRules(false, List.of());

    /** Transactional DDL with no statement known to be refused inside a transaction. */
    public static final TransactionRules TRANSACTIONAL = new TransactionRules(true, List.of());

    /**
     * PostgreSQL 12 and later: the statements whose execution starts with {@code PreventInTransactionBlock}
     * (SQLSTATE 25001, "cannot run inside a transaction block"), per its reference pages. {@code ALTER TYPE
     * … ADD VALUE} is not among them since PostgreSQL 12 (the new value cannot be used before the commit,
     * which the database's own message says), and {@code CREATE SUBSCRIPTION} only with options that
     * make a replication slot, so both are left to the database.
     */
    public static final TransactionRules POSTGRESQL = new TransactionRules(
            true,
            List.of(
                    OutsideOnly.of("CREATE INDEX CONCURRENTLY", "create\\s+(?:unique\\s+)?index\\s+concurrently"),
                    OutsideOnly.of("DROP INDEX CONCURRENTLY", "drop\\s+index\\s+concurrently"),
                    OutsideOnly.of(
                            "REINDEX ... CONCURRENTLY",
                            "reindex\\s*(?:\\([^)]*\\)\\s*)?(?:index|table|schema|database|system)\\s+concurrently"),
                    OutsideOnly.of(
                            "REINDEX SCHEMA, DATABASE or SYSTEM",
                            "reindex\\s*(?:\\([^)]*\\)\\s*)?(?:schema|database|system)"),
                    OutsideOnly.of(
                            "ALTER TABLE ... DETACH PARTITION ... CONCURRENTLY",
                            "alter\\s+table\\s+.*\\s+detach\\s+partition\\s+.*\\s+concurrently"),
                    OutsideOnly.of("VACUUM", "vacuum"),
                    OutsideOnly.of("CREATE DATABASE", "create\\s+database"),
                    OutsideOnly.of("DROP DATABASE", "drop\\s+database"),
                    OutsideOnly.of("CREATE TABLESPACE", "create\\s+tablespace"),
                    OutsideOnly.of("DROP TABLESPACE", "drop\\s+tablespace"),
                    OutsideOnly.of("ALTER SYSTEM", "alter\\s+system"),
                    OutsideOnly.of("CLUSTER without a table", "cluster(?:\\s+verbose)?\\s*$"),
                    OutsideOnly.of("DISCARD ALL", "discard\\s+all")));

    /** SQLite: {@code VACUUM} fails with "cannot VACUUM from within a transaction" (sqlite.org/lang_vacuum.html). */
    public static final TransactionRules SQLITE =
            new TransactionRules(true, List.of(OutsideOnly.of("VACUUM", "vacuum")));

    /** Block comments, and line comments with their line end, which may stand between a statement's words. */
    private static final Pattern COMMENTS = Pattern.compile("/\\*.*?\\*/|--[^\\n]*", Pattern.DOTALL);

    /** Creates the rules; {@code outsideOnly} is copied. */
    public TransactionRules {
        outsideOnly = List.copyOf(outsideOnly);
    }

    /**
     * The name of the kind of statement {@code sql} is, if the database cannot run it inside a
     * transaction block; empty if it can.
     */
    public Optional<String> refusedInTransaction(String sql) {
        if (outsideOnly.isEmpty()) {
            return Optional.empty();
        }
        String words = COMMENTS.matcher(sql).replaceAll(" ").strip().replaceAll("\\s+", " ");
        return outsideOnly.stream()
                .filter(rule -> rule.pattern().matcher(words).find())
                .map(OutsideOnly::name)
                .findFirst();
    }
}
