// SPDX-License-Identifier: Apache-2.0
package dev.cairn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.testing.JavaBuild;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cairn --classpath} as a user runs it, in a separate JVM: a Java migration that the user's build
 * compiled, between SQL files of a {@code filesystem:} location, read from a class directory, a plain
 * jar and a Spring Boot fat jar through a {@code classpath:} location; and the bad cases, each with its
 * exit code and message. On SQLite; {@link ClasspathEveryDatabaseIT} runs the scenario on every database.
 */
class ClasspathCliIT {

    static final String USERS = "20260101000000_create_users";
    static final String ADMINS = "20260102000000_add_admins";
    static final String POSTS = "20260103000000_create_posts";
    static final String ADMINS_CLASS = "db.migrations.V20260102000000__add_admins";

    /** cairn.yml: SQL files in database/migrations, and the package db.migrations on the class path. */
    static final String CONFIG = String.join(
            "\n",
            "migrations:",
            "  locations:",
            "    - database/migrations",
            "    - classpath:db/migrations",
            "environments:",
            "  development:",
            "    url: jdbc:sqlite:dev.sqlite3",
            "");

    /** A reversible Java migration between the two SQL ones, with a description. */
    static final String ADMINS_SOURCE = """
            package db.migrations;

            import dev.cairn.JavaMigration;
            import java.sql.Connection;
            import java.sql.Statement;

            public class V20260102000000__add_admins implements JavaMigration {
                @Override
                public String description() {
                    return "Adds the admins table, with the first admin.";
                }

                @Override
                public void up(Connection connection) throws Exception {
                    try (Statement statement = connection.createStatement()) {
                        statement.execute("CREATE TABLE admins (user_id INTEGER NOT NULL)");
                        statement.execute("INSERT INTO admins (user_id) VALUES (1)");
                    }
                }

                @Override
                public void down(Connection connection) throws Exception {
                    try (Statement statement = connection.createStatement()) {
                        statement.execute("DROP TABLE admins");
                    }
                }
            }
            """;

    @TempDir
    Path directory;

    /** The project: cairn.yml and the two SQL migrations around the Java one. */
    static Cli project(Path directory) {
        return new Cli(directory)
                .write("cairn.yml", CONFIG)
                .migration(
                        USERS,
                        String.join(
                                "\n",
                                "-- migrate:up",
                                "CREATE TABLE users (id INTEGER PRIMARY KEY, email VARCHAR(200));",
                                "-- migrate:down",
                                "DROP TABLE users;",
                                ""))
                .migration(
                        POSTS,
                        String.join(
                                "\n",
                                "-- migrate:up",
                                "CREATE TABLE posts (id INTEGER PRIMARY KEY, title VARCHAR(200));",
                                "-- migrate:down",
                                "DROP TABLE posts;",
                                ""));
    }

    private Cli.Run cairn(String... args) {
        return CairnProcess.java(directory, Map.of(), args);
    }

    private Path compiled(Map<String, String> sources) throws IOException {
        return JavaBuild.compile(Files.createDirectories(directory.resolve("classes")), sources);
    }

    @Test
    void aJavaMigrationFromAClassDirectoryRunsBetweenSqlFilesAndIsListedVerifiedAndRolledBack() throws IOException {
        Cli project = project(directory);
        compiled(Map.of(ADMINS_CLASS, ADMINS_SOURCE));

        Cli.Run dryRun = cairn("--classpath", "classes", "migrate", "--dry-run").succeeds();
        assertThat(dryRun.out())
                .contains(
                        "-- " + ADMINS + " (up) classes/db/migrations/V20260102000000__add_admins.class\n"
                                + "-- Java migration " + ADMINS + " (up): runs code, no SQL to print\n",
                        "CREATE TABLE posts")
                .doesNotContain("(no statements)");
        JsonNode plan = cairn("--classpath", "classes", "--json", "migrate", "--dry-run")
                .succeeds()
                .json();
        assertThat(plan.get("migrations")).hasSize(3);
        JsonNode java = plan.get("migrations").get(1);
        assertThat(java.get("name").asText()).isEqualTo(ADMINS);
        assertThat(java.get("javaClass").asText()).isEqualTo(ADMINS_CLASS);
        assertThat(java.get("statements")).isEmpty();
        assertThat(plan.get("migrations").get(0).get("javaClass").isNull()).isTrue();
        assertThat(project.database().userTables()).isEmpty();

        Cli.Run migrate = cairn("--classpath", "classes", "migrate").succeeds();
        assertThat(migrate.out()).contains("up    " + ADMINS, "Applied 3 migrations in batch 1");
        assertThat(migrate.err()).doesNotContain("warning");
        assertThat(project.database().history()).containsExactly(USERS + "@1", ADMINS + "@1", POSTS + "@1");
        assertThat(project.database().userTables()).containsExactly("admins", "posts", "users");
        assertThat(project.database().strings("SELECT user_id FROM admins")).containsExactly("1");

        // The option is global: after the command too.
        Cli.Run status = cairn("status", "-v", "--classpath", "classes").exits(0);
        assertThat(status.out())
                .containsPattern(ADMINS + " +applied\n +Adds the admins table, with the first admin.\n")
                .contains("Version 20260103000000, batch 1: 3 applied, 0 pending")
                .doesNotContain("MISSING");
        // Without the class path the class is gone, as a deleted file is.
        Cli.Run withoutClasspath = cairn("status").exits(0);
        assertThat(withoutClasspath.out()).containsPattern(ADMINS + " +MISSING FILE");
        assertThat(withoutClasspath.err()).contains("warning: classpath:db/migrations holds no migrations");

        Cli.Run verify = cairn("--classpath", "classes", "verify").succeeds();
        assertThat(verify.out()).containsPattern("reversible +" + ADMINS).contains("Verified 3 migrations");

        Cli.Run rollbackPlan =
                cairn("--classpath", "classes", "rollback", "--dry-run").succeeds();
        assertThat(rollbackPlan.out()).contains("-- Java migration " + ADMINS + " (down): runs code, no SQL to print");
        Cli.Run rollback = cairn("--classpath", "classes", "rollback").succeeds();
        assertThat(rollback.out()).contains("down  " + ADMINS, "Rolled back 3 migrations of batch 1");
        assertThat(project.database().history()).isEmpty();
        assertThat(project.database().userTables()).isEmpty();
    }

    @Test
    void aPlainJarGivesItsClassesAndSqlFilesAndTheEnvironmentVariableGivesTheClassPath() throws IOException {
        Cli project = project(directory);
        Map<String, byte[]> entries = new LinkedHashMap<>(JavaBuild.classFiles(Map.of(ADMINS_CLASS, ADMINS_SOURCE)));
        entries.put(
                "db/migrations/20260104000000_create_tags.sql",
                "-- migrate:up\nCREATE TABLE tags (name VARCHAR(50));\n-- migrate:down\nDROP TABLE tags;\n".getBytes());
        JavaBuild.jar(directory.resolve("app.jar"), entries);

        Cli.Run migrate = CairnProcess.java(directory, Map.of("CAIRN_CLASSPATH", "app.jar"), "migrate")
                .succeeds();
        assertThat(migrate.out()).contains("Applied 4 migrations in batch 1");
        assertThat(project.database().history())
                .containsExactly(USERS + "@1", ADMINS + "@1", POSTS + "@1", "20260104000000_create_tags@1");
        assertThat(project.database().userTables()).containsExactly("admins", "posts", "tags", "users");

        JsonNode status =
                cairn("--classpath", "app.jar", "--json", "status").succeeds().json();
        List<String> files = new ArrayList<>();
        status.get("migrations").forEach(m -> files.add(m.get("file").asText()));
        assertThat(files)
                .containsExactly(
                        "database/migrations/" + USERS + ".sql",
                        "app.jar!/db/migrations/V20260102000000__add_admins.class",
                        "database/migrations/" + POSTS + ".sql",
                        "app.jar!/db/migrations/20260104000000_create_tags.sql");

        Cli.Run rollback = cairn("--classpath", "app.jar", "rollback", "--to", "20260101000000")
                .succeeds();
        assertThat(rollback.out()).contains("Rolled back 3 migrations of batch 1");
        assertThat(project.database().history()).containsExactly(USERS + "@1");
        assertThat(project.database().userTables()).containsExactly("users");
    }

    @Test
    void aSpringBootFatJarGivesItsClassesAndItsNestedLibrariesMigrations() throws IOException {
        Cli project = project(directory);
        Map<String, byte[]> classes = new LinkedHashMap<>(JavaBuild.classFiles(Map.of(ADMINS_CLASS, ADMINS_SOURCE)));
        classes.put(
                "db/migrations/20260104000000_create_tags.sql",
                "-- migrate:up\nCREATE TABLE tags (name VARCHAR(50));\n-- migrate:down\nDROP TABLE tags;\n".getBytes());
        byte[] library = JavaBuild.jarBytes(Map.of(
                "db/migrations/20260105000000_create_labels.sql",
                "-- migrate:up\nCREATE TABLE labels (name VARCHAR(50));\n-- migrate:down\nDROP TABLE labels;\n"
                        .getBytes()));
        JavaBuild.bootJar(directory.resolve("app.jar"), classes, Map.of("labels-1.0.jar", library));

        Cli.Run migrate = cairn("--classpath", "app.jar", "migrate").succeeds();
        assertThat(migrate.out()).contains("up    " + ADMINS, "Applied 5 migrations in batch 1");
        assertThat(project.database().history())
                .containsExactly(
                        USERS + "@1",
                        ADMINS + "@1",
                        POSTS + "@1",
                        "20260104000000_create_tags@1",
                        "20260105000000_create_labels@1");
        assertThat(project.database().userTables()).containsExactly("admins", "labels", "posts", "tags", "users");

        Cli.Run status = cairn("--classpath", "app.jar", "status").succeeds();
        assertThat(status.out()).contains("Version 20260105000000, batch 1: 5 applied, 0 pending");
        JsonNode json =
                cairn("--classpath", "app.jar", "--json", "status").succeeds().json();
        assertThat(json.get("migrations").get(1).get("file").asText())
                .isEqualTo("app.jar!/BOOT-INF/classes/db/migrations/V20260102000000__add_admins.class");
        assertThat(json.get("migrations").get(4).get("file").asText())
                .isEqualTo("app.jar!/BOOT-INF/lib/labels-1.0.jar!/db/migrations/20260105000000_create_labels.sql");

        Cli.Run verify = cairn("--classpath", "app.jar", "verify").succeeds();
        assertThat(verify.out()).containsPattern("reversible +" + ADMINS).contains("Verified 5 migrations");

        Cli.Run rollback = cairn("--classpath", "app.jar", "rollback", "--all").succeeds();
        assertThat(rollback.out()).contains("Rolled back 5 migrations");
        assertThat(project.database().userTables()).isEmpty();
    }

    @Test
    void aJavaMigrationThatThrowsFailsTheBatchNamingTheClassAndTheException() throws IOException {
        Cli project = project(directory);
        compiled(Map.of(
                ADMINS_CLASS,
                ADMINS_SOURCE.replace(
                        "statement.execute(\"INSERT INTO admins (user_id) VALUES (1)\");",
                        "statement.execute(\"INSERT INTO admins (user_id) VALUES (1)\");\n"
                                + "throw new IllegalStateException(\"no admin to copy\");")));

        Cli.Run migrate = cairn("--classpath", "classes", "migrate").exits(1);

        assertThat(migrate.err())
                .contains("error: Migration " + ADMINS + " (up) failed in "
                        + directory.resolve("classes/db/migrations/V20260102000000__add_admins.class")
                        + ": java.lang.IllegalStateException: no admin to copy")
                .contains("The transaction was rolled back")
                .doesNotContain(".class:0");
        // SQLite has transactional DDL: the whole batch rolled back, the users table too.
        assertThat(project.database().history()).isEmpty();
        assertThat(project.database().userTables()).isEmpty();

        JsonNode json =
                cairn("--classpath", "classes", "--json", "migrate").exits(1).json();
        JsonNode error = json.get("error");
        assertThat(error.get("type").asText()).isEqualTo("migration_failed");
        assertThat(error.get("migration").asText()).isEqualTo(ADMINS);
        assertThat(error.get("file").asText()).isEqualTo("classes/db/migrations/V20260102000000__add_admins.class");
        assertThat(error.get("line").isNull()).isTrue();
        assertThat(error.get("databaseMessage").asText())
                .isEqualTo("java.lang.IllegalStateException: no admin to copy");
    }

    @Test
    void verifyNamesTheClassFileOfADownThatThrowsWithoutALineNumber() throws IOException {
        Cli project = project(directory);
        compiled(Map.of(
                ADMINS_CLASS,
                ADMINS_SOURCE.replace(
                        "statement.execute(\"DROP TABLE admins\");",
                        "statement.execute(\"SELECT 1 FROM admins\");\n"
                                + "throw new UnsupportedOperationException(\"admins stay\");")));

        Cli.Run verify = cairn("--classpath", "classes", "verify").exits(1);

        assertThat(verify.out())
                .containsPattern("down-failed +" + ADMINS)
                .contains("down failed in classes/db/migrations/V20260102000000__add_admins.class:"
                        + " java.lang.UnsupportedOperationException: admins stay")
                .doesNotContain(".class:0");
        JsonNode json =
                cairn("--classpath", "classes", "--json", "verify").exits(1).json();
        assertThat(json.toString())
                .contains("\"file\":\"classes/db/migrations/V20260102000000__add_admins.class\",\"line\":null");
        assertThat(project.database().history()).isEmpty();
    }

    @Test
    void aClassNamedWithoutAVersionIsRefusedWithTheRuleForNames() throws IOException {
        Cli project = project(directory);
        compiled(Map.of("db.migrations.AddAdmins", ADMINS_SOURCE.replace("V20260102000000__add_admins", "AddAdmins")));

        Cli.Run migrate = cairn("--classpath", "classes", "migrate").exits(1);

        assertThat(migrate.err())
                .contains(
                        "classes/db/migrations/AddAdmins.class",
                        "the class name AddAdmins gives no version; name a Java migration V<version>__<name>");
        assertThat(project.database().history()).isEmpty();
    }

    @Test
    void aClassWithoutAPublicNoArgumentConstructorIsRefused() throws IOException {
        Cli project = project(directory);
        compiled(Map.of(
                ADMINS_CLASS,
                ADMINS_SOURCE.replace(
                        "public class V20260102000000__add_admins implements JavaMigration {",
                        "public class V20260102000000__add_admins implements JavaMigration {\n"
                                + "    public V20260102000000__add_admins(String service) {}\n")));

        Cli.Run migrate = cairn("--classpath", "classes", "migrate").exits(1);

        assertThat(migrate.err())
                .contains(ADMINS_CLASS + " has no public constructor without parameters")
                .contains("add `public V20260102000000__add_admins() {}`");
        assertThat(project.database().history()).isEmpty();
    }

    @Test
    void aVersionInAClassPathJarAndInAFilesystemDirectoryIsRefusedNamingBoth() throws IOException {
        Cli project = project(directory);
        Map<String, byte[]> entries = new LinkedHashMap<>(JavaBuild.classFiles(Map.of(
                "db.migrations.V20260101000000__seed_users",
                ADMINS_SOURCE.replace("V20260102000000__add_admins", "V20260101000000__seed_users"))));
        JavaBuild.jar(directory.resolve("app.jar"), entries);

        Cli.Run migrate = cairn("--classpath", "app.jar", "migrate").exits(1);

        assertThat(migrate.err())
                .contains("app.jar!/db/migrations/V20260101000000__seed_users.class")
                .contains("database/migrations/" + USERS + ".sql");
        assertThat(project.database().history()).isEmpty();
    }

    @Test
    void aClassPathWithoutAClasspathLocationWarnsThatNothingIsReadFromIt() throws IOException {
        // The usual cairn.yml: migrations.directory, no locations.
        Cli project = project(directory).withSqliteConfig();
        compiled(Map.of(ADMINS_CLASS, ADMINS_SOURCE));

        Cli.Run migrate = cairn("--classpath", "classes", "migrate").exits(0);

        assertThat(migrate.err())
                .contains("warning: --classpath is given, but no migrations location is on the class path, so nothing"
                        + " is read from it. Add one to cairn.yml, such as migrations.locations: [...,"
                        + " classpath:db/migrations].");
        assertThat(migrate.err().lines().filter(line -> line.startsWith("warning:")))
                .hasSize(1);
        assertThat(project.database().history()).containsExactly(USERS + "@1", POSTS + "@1");
    }

    @Test
    void aClassPathEntryThatDoesNotExistIsAUsageErrorNamingIt() {
        project(directory);

        Cli.Run run = cairn("--classpath", "classes" + java.io.File.pathSeparator + "missing.jar", "status")
                .exits(2);

        assertThat(run.err())
                .contains("error: --classpath names classes, which does not exist. Give jars and class directories"
                        + " that exist, separated by '" + java.io.File.pathSeparator + "'.");
        Cli.Run fromVariable = CairnProcess.java(directory, Map.of("CAIRN_CLASSPATH", "gone"), "status")
                .exits(2);
        assertThat(fromVariable.err()).contains("error: CAIRN_CLASSPATH names gone, which does not exist.");
    }
}
