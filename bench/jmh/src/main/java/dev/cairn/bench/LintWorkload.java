// SPDX-License-Identifier: Apache-2.0
package dev.cairn.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The linter's workload: PostgreSQL migrations as a team writes them, in groups of ten. Migration 1 of
 * each group creates a table {@code t_GGGGG} over several lines, with comments; the nine after it change
 * that table: a column added with a constant default, an index built {@code CONCURRENTLY} in a
 * {@code transaction:false} migration, a plain index (a finding), a {@code varchar} lengthened (free), a
 * multi-line type change that rewrites (a finding), a column renamed (a finding), a foreign key added
 * {@code NOT VALID} and validated in the next migration with a backfill, and a new audit table with its
 * index and a dollar-quoted trigger function. So every tenth migration makes a table that later ones
 * count as existing, and each group has {@link #FINDINGS_PER_GROUP} findings.
 *
 * <p>{@code java -cp bench/jmh/target/benchmarks.jar dev.cairn.bench.LintWorkload 1000 DIR} writes the
 * same files into {@code DIR}, for timing {@code cairn lint} on them end to end.
 */
public final class LintWorkload {

    /**
     * What the linter finds in each group of ten: index-not-concurrent and lock-timeout at the plain index,
     * column-type-change, rename-column.
     */
    static final int FINDINGS_PER_GROUP = 4;

    private LintWorkload() {}

    /** The file name of migration {@code n} (1-based). */
    static String fileName(int n) {
        String[] kinds = {
            "create", "add_status", "index_account", "index_created", "widen_name",
            "amount_scale", "rename_note", "account_fk", "validate_fk", "audit"
        };
        int group = (n - 1) / 10;
        return String.format(Locale.ROOT, "%05d_%s_t_%05d.sql", n, kinds[(n - 1) % 10], group);
    }

    /** The content of migration {@code n}'s file. */
    static String content(int n) {
        int group = (n - 1) / 10;
        String t = String.format(Locale.ROOT, "t_%05d", group);
        String before = group == 0 ? t : String.format(Locale.ROOT, "t_%05d", group - 1);
        return switch ((n - 1) % 10) {
            case 0 ->
                "-- Creates " + t + ", a ledger: one row per entry.\n"
                        + "-- migrate:up\n"
                        + "CREATE TABLE " + t + " (\n"
                        + "    id bigint PRIMARY KEY,\n"
                        + "    account_id bigint NOT NULL,   -- the account the entry is booked on\n"
                        + "    name varchar(50),\n"
                        + "    amount numeric(12, 2) NOT NULL DEFAULT 0,\n"
                        + "    note text,\n"
                        + "    created_at timestamptz NOT NULL DEFAULT now()\n"
                        + ");\n"
                        + "COMMENT ON TABLE " + t + " IS 'ledger; one row per entry';\n"
                        + "\n"
                        + "-- migrate:down\n"
                        + "DROP TABLE " + t + ";\n";
            case 1 ->
                "-- migrate:up\n"
                        + "SET lock_timeout = '5s';\n"
                        + "ALTER TABLE " + t + " ADD COLUMN status text NOT NULL DEFAULT 'open';\n"
                        + "\n"
                        + "-- migrate:down\n"
                        + "ALTER TABLE " + t + " DROP COLUMN status;\n";
            case 2 ->
                "-- migrate:up transaction:false\n"
                        + "CREATE INDEX CONCURRENTLY " + t + "_account ON " + t + " (account_id);\n"
                        + "\n"
                        + "-- migrate:down transaction:false\n"
                        + "DROP INDEX CONCURRENTLY " + t + "_account;\n";
            case 3 ->
                "-- migrate:up\n"
                        + "CREATE INDEX " + t + "_created ON " + t + " (created_at);\n"
                        + "\n"
                        + "-- migrate:down\n"
                        + "DROP INDEX " + t + "_created;\n";
            case 4 ->
                "-- migrate:up\n"
                        + "SET lock_timeout = '5s';\n"
                        + "ALTER TABLE " + t + " ALTER COLUMN name TYPE varchar(200);\n"
                        + "\n"
                        + "-- migrate:down\n"
                        + "ALTER TABLE " + t + " ALTER COLUMN name TYPE varchar(50);\n";
            case 5 ->
                "-- migrate:up\n"
                        + "SET lock_timeout = '5s';\n"
                        + "ALTER TABLE " + t + "\n"
                        + "    ALTER COLUMN amount TYPE numeric(14, 4),  -- a new scale: a rewrite\n"
                        + "    ALTER COLUMN account_id TYPE bigint;      -- the same type: free\n"
                        + "\n"
                        + "-- migrate:down\n"
                        + "ALTER TABLE " + t + " ALTER COLUMN amount TYPE numeric(12, 2);\n";
            case 6 ->
                "-- migrate:up\n"
                        + "SET lock_timeout = '5s';\n"
                        + "ALTER TABLE " + t + " RENAME COLUMN note TO remark;\n"
                        + "\n"
                        + "-- migrate:down\n"
                        + "ALTER TABLE " + t + " RENAME COLUMN remark TO note;\n";
            case 7 ->
                "-- migrate:up\n"
                        + "SET lock_timeout = '5s';\n"
                        + "ALTER TABLE " + t + "\n"
                        + "    ADD CONSTRAINT " + t + "_account_fk\n"
                        + "        FOREIGN KEY (account_id) REFERENCES " + before + " (id) NOT VALID;\n"
                        + "\n"
                        + "-- migrate:down\n"
                        + "ALTER TABLE " + t + " DROP CONSTRAINT " + t + "_account_fk;\n";
            case 8 ->
                "-- migrate:up\n"
                        + "ALTER TABLE " + t + " VALIDATE CONSTRAINT " + t + "_account_fk;\n"
                        + "UPDATE " + t + " SET status = 'closed; archived' WHERE created_at < '2020-01-01';\n"
                        + "\n"
                        + "-- migrate:down\n";
            default ->
                "-- migrate:up\n"
                        + "CREATE TABLE " + t + "_audit (\n"
                        + "    id bigserial PRIMARY KEY,\n"
                        + "    entry_id bigint NOT NULL,\n"
                        + "    changed_at timestamptz NOT NULL DEFAULT now()\n"
                        + ");\n"
                        + "CREATE INDEX " + t + "_audit_entry ON " + t + "_audit (entry_id);\n"
                        + "CREATE FUNCTION " + t + "_touch() RETURNS trigger LANGUAGE plpgsql AS $$\n"
                        + "BEGIN\n"
                        + "    INSERT INTO " + t + "_audit (entry_id) VALUES (NEW.id);\n"
                        + "    RETURN NEW;\n"
                        + "END;\n"
                        + "$$;\n"
                        + "\n"
                        + "-- migrate:down\n"
                        + "DROP FUNCTION " + t + "_touch();\n"
                        + "DROP TABLE " + t + "_audit;\n";
        };
    }

    /** The findings in migrations 1 to {@code count}: only complete groups have all of theirs. */
    static int expectedFindings(int count) {
        int findings = count / 10 * FINDINGS_PER_GROUP;
        int rest = count % 10;
        findings += rest >= 4 ? 2 : 0; // the plain index
        findings += rest >= 6 ? 1 : 0; // the type change
        findings += rest >= 7 ? 1 : 0; // the rename
        return findings;
    }

    /** Writes migrations 1 to {@code count} into {@code directory}, which is created if missing. */
    static Path write(int count, Path directory) {
        try {
            Files.createDirectories(directory);
            for (int n = 1; n <= count; n++) {
                Files.writeString(directory.resolve(fileName(n)), content(n), StandardCharsets.UTF_8);
            }
            return directory;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the lint benchmark's migrations", e);
        }
    }

    /** {@code LintWorkload COUNT DIR}: writes the workload's first COUNT migrations into DIR. */
    public static void main(String[] args) {
        if (args.length != 2) {
            System.err.println("usage: LintWorkload COUNT DIRECTORY");
            System.exit(2);
        }
        Path directory = write(Integer.parseInt(args[0]), Path.of(args[1]));
        System.out.println("Wrote " + args[0] + " migrations into " + directory);
    }
}
