// SPDX-License-Identifier: Apache-2.0
package dev.cairn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.testing.Engine;
import dev.cairn.testing.TestDatabase;
import dev.cairn.testing.TestDatabases;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code lint --observe} on real servers: the pending migrations run on a scratch database beside the
 * target, and what each statement did there is what users rely on to judge it: PostgreSQL's table locks
 * and rewrites, MariaDB's ALTER algorithm, ranked by the size of the table in the target; the target is
 * left as it was, and the scratch database is gone.
 */
class LintObserveIT {

    @TempDir
    Path directory;

    @RegisterExtension
    final TestDatabases databases = new TestDatabases();

    private static void write(Path dir, String name, String up, String down) throws IOException {
        Files.writeString(dir.resolve(name + ".sql"), "-- migrate:up\n" + up + "\n-- migrate:down\n" + down + "\n");
    }

    /** The observation of the statement on {@code line} of the file (the up starts on line 2). */
    private static Observation at(LintResult result, String migration, int line) {
        return result.observations().stream()
                .filter(observation -> observation.migration().equals(migration) && observation.line() == line)
                .findFirst()
                .orElseThrow(() -> new AssertionError(
                        "no observation of " + migration + ":" + line + " in " + result.observations()));
    }

    @Test
    void postgresLocksAndRewritesAreSeenAndRankedByTheTargetsTables() throws IOException {
        Path dir = Files.createDirectories(directory.resolve("migrations"));
        write(
                dir,
                "1_tables",
                "CREATE TABLE users (id bigint PRIMARY KEY, email text, name varchar(50));\n"
                        + "CREATE TABLE notes (id bigint PRIMARY KEY, body text);",
                "DROP TABLE notes;\nDROP TABLE users;");
        write(dir, "2_changes", """
                SET lock_timeout = '5s';
                CREATE INDEX users_email ON users (email);
                ALTER TABLE users ALTER COLUMN name TYPE text;
                ALTER TABLE users ADD COLUMN token uuid DEFAULT gen_random_uuid();
                ALTER TABLE notes ALTER COLUMN id TYPE integer;""", "DROP INDEX users_email;");
        write(dir, "3_concurrent", "CREATE INDEX CONCURRENTLY notes_body ON notes (body);", "DROP INDEX notes_body;");
        Files.writeString(
                dir.resolve("3_concurrent.sql"),
                Files.readString(dir.resolve("3_concurrent.sql"))
                        .replace("-- migrate:up", "-- migrate:up transaction:false"));
        TestDatabase db = databases.create(Engine.POSTGRESQL);
        Cairn cairn = TestCairn.configure(db, dir).load();
        cairn.migrate("1");
        db.execute("INSERT INTO users SELECT g, 'u' || g, 'n' FROM generate_series(1, 20000) g");
        db.execute("INSERT INTO notes SELECT g, 'b' FROM generate_series(1, 10) g");
        db.execute("ANALYZE users");
        db.execute("ANALYZE notes");

        LintResult result = cairn.lint(LintOptions.pending().observing());

        assertThat(result.scratch()).isPresent();
        Observation index = at(result, "2_changes", 3);
        assertThat(index.locks()).containsExactly("ShareLock on users");
        assertThat(index.rewritten()).isEmpty();
        assertThat(index.rules()).containsExactly("index-not-concurrent");
        assertThat(index.table()).contains("users");
        assertThat(index.rows().getAsLong()).isEqualTo(20000);
        assertThat(index.bytes().getAsLong()).isPositive();

        Observation toText = at(result, "2_changes", 4);
        assertThat(toText.locks()).containsExactly("AccessExclusiveLock on users");
        assertThat(toText.held()).containsExactly("ShareLock on users");
        assertThat(toText.rewritten()).as("varchar to text is binary-coercible").isEmpty();
        assertThat(toText.rules()).isEmpty();

        Observation token = at(result, "2_changes", 5);
        assertThat(token.rewritten()).containsExactly("users");
        assertThat(token.rules()).containsExactly("volatile-default");

        Observation notes = at(result, "2_changes", 6);
        assertThat(notes.locks()).contains("AccessExclusiveLock on notes");
        assertThat(notes.rewritten()).containsExactly("notes");
        assertThat(notes.rules()).containsExactly("column-type-change");

        Observation concurrent = at(result, "3_concurrent", 2);
        assertThat(concurrent.locks())
                .as("outside a transaction nothing outlives the statement")
                .isEmpty();
        assertThat(concurrent.watched()).isTrue();

        assertThat(result.observations().indexOf(notes))
                .as("users (20,000 rows) ranks before notes (10 rows)")
                .isGreaterThan(result.observations().indexOf(token));
        assertThat(db.tableExists("users")).isTrue();
        assertThat(db.columns("users")).containsExactly("id", "email", "name");
        assertThat(db.query("SELECT count(*) AS n FROM cairn_migrations")).isEqualTo(List.of(Map.of("n", 1L)));
        String scratch = result.scratch().orElseThrow().replaceFirst("^.*/", "").replaceFirst("[?;].*$", "");
        assertThat(scratch).startsWith("cairn_");
        assertThat(db.serverHasDatabase(scratch))
                .as("the scratch database %s is dropped", scratch)
                .isFalse();
    }

    @Test
    void mariadbAlterAlgorithmsAreProbedOnTheScratchDatabase() throws IOException {
        Path dir = Files.createDirectories(directory.resolve("migrations"));
        write(
                dir,
                "1_users",
                "CREATE TABLE users (id bigint PRIMARY KEY, email varchar(200), name varchar(50))" + " ENGINE=InnoDB;",
                "DROP TABLE users;");
        write(dir, "2_changes", """
                ALTER TABLE users ADD COLUMN age int;
                ALTER TABLE users ADD INDEX users_email (email);
                ALTER TABLE users MODIFY name bigint;
                ALTER TABLE users ADD COLUMN n int, ALGORITHM=INSTANT;""", "ALTER TABLE users DROP COLUMN n;");
        TestDatabase db = databases.create(Engine.MARIADB);
        Cairn cairn = TestCairn.configure(db, dir).load();
        cairn.migrate("1");
        db.execute("INSERT INTO users SELECT seq, concat('u', seq), 'n' FROM seq_1_to_1000");
        db.execute("ANALYZE TABLE users");

        LintResult result = cairn.lint(LintOptions.pending().observing());

        assertThat(at(result, "2_changes", 2).algorithm()).contains("INSTANT");
        assertThat(at(result, "2_changes", 3).algorithm()).contains("INPLACE, LOCK=NONE");
        Observation modify = at(result, "2_changes", 4);
        assertThat(modify.algorithm()).contains("COPY");
        assertThat(modify.rules()).containsExactly("table-copy");
        assertThat(modify.watched()).isFalse();
        assertThat(modify.table()).contains("users");
        assertThat(modify.bytes()).isPresent();
        assertThat(at(result, "2_changes", 5).algorithm())
                .as("its own ALGORITHM is run as written")
                .isEmpty();
        assertThat(db.columns("users")).containsExactly("id", "email", "name");
    }

    @Test
    void embeddedDatabasesHaveNothingToObserve() throws IOException {
        Path dir = Files.createDirectories(directory.resolve("migrations"));
        write(dir, "1_users", "CREATE TABLE users (id integer PRIMARY KEY);", "DROP TABLE users;");
        Cairn cairn = TestCairn.configure(databases.create(Engine.SQLITE), dir).load();
        assertThatThrownBy(() -> cairn.lint(LintOptions.everyMigration().observing()))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("SQLite locks the whole database for every write");
    }
}
