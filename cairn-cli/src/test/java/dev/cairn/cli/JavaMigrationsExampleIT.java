// SPDX-License-Identifier: Apache-2.0
package dev.cairn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code examples/java-migrations}, the project the README's "Java migrations" section shows, run as
 * the README runs it: the {@code ./cairn} launcher from the repository root, with {@code --classpath}
 * naming the jar the example's own Maven build made (its Java migration and the SQL migration it
 * ships), and the SQL files of its {@code database/migrations}. The example's {@code cairn.yml} and
 * {@code database/} are copied to a temporary directory first, so that the SQLite file is made there
 * and nothing is written into the repository.
 */
class JavaMigrationsExampleIT {

    private static final String EXAMPLE = "examples/java-migrations";
    private static final String BUILD = "mvn -B -DskipTests package -pl " + EXAMPLE + " -am";

    private static final String CREATE_USERS = "20261201090000_create_users";
    private static final String ADD_COLUMN = "20261201090100_add_email_normalised";
    private static final String NORMALISE = "20261201090200_normalise_emails";
    private static final String UNIQUE = "20261201090300_unique_email_normalised";

    /** A migration's line in the progress of migrate and rollback: the direction, then the name. */
    private static final Pattern PROGRESS = Pattern.compile("^ {2}(up|down) +(\\S+) \\.+ ", Pattern.MULTILINE);

    @TempDir
    Path project;

    @Test
    void theJavaMigrationRunsFromTheJarBetweenTheSqlOnesAndRollsBack() throws IOException {
        String jar = exampleJar();
        copyExample();

        Cli.Run dryRun = cairn(jar, "migrate", "--dry-run").exits(0);
        assertThat(dryRun.out())
                .contains("It would apply 4 migrations as batch 1.")
                .contains("-- Java migration " + NORMALISE + " (up): runs code, no SQL to print")
                .contains("CREATE UNIQUE INDEX users_email_normalised ON users (email_normalised);");
        assertThat(database()).as("a dry run makes no database").doesNotExist();

        Cli.Run migrate = cairn(jar, "migrate").exits(0);
        assertThat(migrate.out()).contains(": 4 pending, batch 1", "Applied 4 migrations in batch 1");
        assertThat(progress(migrate))
                .containsExactly("up " + CREATE_USERS, "up " + ADD_COLUMN, "up " + NORMALISE, "up " + UNIQUE);
        assertThat(migrate.err()).doesNotContain("warning:", "error:");
        assertThat(sqlite().history())
                .containsExactly(CREATE_USERS + "@1", ADD_COLUMN + "@1", NORMALISE + "@1", UNIQUE + "@1");
        assertThat(query("SELECT id || ' ' || email_normalised FROM users ORDER BY id"))
                .containsExactly("1 Ada.Lovelace@example.com", "2 grace@xn--bcher-kva.example", "3 alan@example.org");
        assertThat(userIndexes()).containsExactly("users_email_normalised");

        Cli.Run status = cairn(jar, "status").exits(0);
        for (String name : List.of(CREATE_USERS, ADD_COLUMN, NORMALISE, UNIQUE)) {
            assertThat(status.out()).containsPattern("(?m)^ +1 +\\S+ \\S+ +" + name + " +applied$");
        }
        assertThat(status.out()).contains("Version 20261201090300, batch 1: 4 applied, 0 pending");
        assertThat(status.out()).doesNotContain("Problems");

        // Back to before the Java migration: its down empties the column it filled.
        Cli.Run back = cairn(jar, "rollback", "--to", "20261201090100").exits(0);
        assertThat(progress(back)).containsExactly("down " + UNIQUE, "down " + NORMALISE);
        assertThat(back.out()).contains("Rolled back 2 migrations of batch 1");
        assertThat(query("SELECT id || ' ' || coalesce(email_normalised, 'null') FROM users ORDER BY id"))
                .containsExactly("1 null", "2 null", "3 null");
        assertThat(userIndexes()).isEmpty();
        assertThat(sqlite().history()).containsExactly(CREATE_USERS + "@1", ADD_COLUMN + "@1");

        Cli.Run rest = cairn(jar, "rollback").exits(0);
        assertThat(progress(rest)).containsExactly("down " + ADD_COLUMN, "down " + CREATE_USERS);
        assertThat(sqlite().userTables()).isEmpty();
        assertThat(sqlite().history()).isEmpty();
    }

    /**
     * The example's {@code cairn.yml} (a list under {@code migrations.locations}) is read, and without
     * {@code --classpath} its {@code classpath:} location finds nothing: only the SQL files of the
     * directory are there. Needs no jar, so it also shows a configuration problem on its own.
     */
    @Test
    void withoutTheClasspathOnlyTheDirectorysMigrationsAreThere() throws IOException {
        copyExample();

        Cli.Run status = CairnProcess.run(
                CairnProcess.repository(),
                Map.of(),
                List.of(
                        CairnProcess.repository().resolve("cairn").toString(),
                        "-c",
                        project.resolve("cairn.yml").toString(),
                        "status"));

        status.exits(0);
        assertThat(status.out())
                .containsPattern("(?m)^ +- +" + CREATE_USERS + " +pending$")
                .containsPattern("(?m)^ +- +" + ADD_COLUMN + " +pending$")
                .doesNotContain(NORMALISE, UNIQUE)
                .contains("0 applied, 2 pending");
    }

    /**
     * The example's jar, relative to the repository root as the README writes it. A missing jar fails
     * the test, saying how to build it: the test is about that jar, so it must not pass without it.
     */
    private static String exampleJar() throws IOException {
        Path target = CairnProcess.repository().resolve(EXAMPLE).resolve("target");
        List<Path> jars = new ArrayList<>();
        if (Files.isDirectory(target)) {
            try (Stream<Path> files = Files.list(target)) {
                files.filter(file -> file.getFileName().toString().matches("java-migrations-example-.*\\.jar"))
                        .forEach(jars::add);
            }
        }
        assertThat(jars)
                .as(
                        "the example's jar %s/java-migrations-example-<version>.jar is missing. Build it from the"
                                + " repository root with `%s` (a whole `mvn verify` builds it before cairn-cli)",
                        target, BUILD)
                .hasSize(1);
        return CairnProcess.repository().relativize(jars.get(0)).toString();
    }

    /** Copies the example's configuration and SQL migrations, not its build, into the test's directory. */
    private void copyExample() throws IOException {
        Path example = CairnProcess.repository().resolve(EXAMPLE);
        Files.copy(example.resolve("cairn.yml"), project.resolve("cairn.yml"));
        try (Stream<Path> paths = Files.walk(example.resolve("database"))) {
            for (Path path : paths.toList()) {
                Path copy = project.resolve(example.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(path, copy);
                }
            }
        }
    }

    /**
     * Runs {@code ./cairn -c <copy>/cairn.yml --classpath <jar> args...} from the repository root, as the
     * README does.
     */
    private Cli.Run cairn(String jar, String... args) {
        Path repository = CairnProcess.repository();
        List<String> command = new ArrayList<>(List.of(
                repository.resolve("cairn").toString(),
                "-c",
                project.resolve("cairn.yml").toString(),
                "--classpath",
                jar));
        command.addAll(List.of(args));
        return CairnProcess.run(repository, Map.of(), command);
    }

    /** The migrations a run's progress names, each as {@code direction name}, in the order they ran. */
    private static List<String> progress(Cli.Run run) {
        List<String> lines = new ArrayList<>();
        Matcher matcher = PROGRESS.matcher(run.out());
        while (matcher.find()) {
            lines.add(matcher.group(1) + " " + matcher.group(2));
        }
        return lines;
    }

    private Path database() {
        return project.resolve("dev.sqlite3");
    }

    private SqliteFile sqlite() {
        return new SqliteFile(database());
    }

    /** The indexes made by migrations on users (not SQLite's own, for keys). */
    private List<String> userIndexes() {
        return query("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'users'"
                + " AND name NOT LIKE 'sqlite_%' ORDER BY name");
    }

    private List<String> query(String sql) {
        return new SqliteFile(database()).strings(sql);
    }
}
