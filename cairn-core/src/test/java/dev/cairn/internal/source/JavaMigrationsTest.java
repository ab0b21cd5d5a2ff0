// SPDX-License-Identifier: Apache-2.0
package dev.cairn.internal.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.JavaMigration;
import dev.cairn.MigrationFileException;
import dev.cairn.javamigrations.badname.AddAdmins;
import dev.cairn.javamigrations.problems.V1__same_version_as_sql;
import dev.cairn.javamigrations.problems.V6__needs_a_service;
import dev.cairn.javamigrations.sameversion.V1__also_version_one;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Java migrations that Cairn cannot use, each refused with a message that names the class file and says
 * what to change; found by a scan of a {@code classpath:} location or given as instances.
 */
class JavaMigrationsTest {

    private static final String PROBLEMS = "dev.cairn.javamigrations.problems.";

    @TempDir
    Path sql;

    /** The test classes' directory of the problems package. */
    private Path classes;

    @BeforeEach
    void setUp() throws IOException, URISyntaxException {
        classes = Path.of(V1__same_version_as_sql.class.getResource("").toURI());
        Files.writeString(sql.resolve("1_create_users.sql"), """
                -- migrate:up
                CREATE TABLE users (id integer PRIMARY KEY);
                -- migrate:down
                DROP TABLE users;
                """);
    }

    private MigrationSources sources(String javaPackage, JavaMigration... given) {
        return new MigrationSources(
                List.of(new Location.Directory(sql), new Location.Classpath("dev/cairn/javamigrations/" + javaPackage)),
                getClass().getClassLoader(),
                List.of(given));
    }

    /** Every error of a scan of the problems package beside the SQL directory, by its file's name. */
    private Map<String, MigrationDirectory.FileError> problems() {
        MigrationDirectory.Scan scan = sources("problems").scanAll();
        Map<String, MigrationDirectory.FileError> byFile = new LinkedHashMap<>();
        for (MigrationDirectory.FileError error : scan.errors()) {
            byFile.put(error.error().file().getFileName().toString(), error);
        }
        return byFile;
    }

    private String message(String classFile) {
        MigrationDirectory.FileError error = problems().get(classFile);
        assertThat(error)
                .as("an error for " + classFile + " among " + problems().keySet())
                .isNotNull();
        assertThat(error.error().file()).isEqualTo(classes.resolve(classFile));
        assertThat(error.error().line()).isEmpty();
        return error.error().getMessage();
    }

    @Test
    void aScanCollectsEveryProblemNotOnlyTheFirst() {
        MigrationDirectory.Scan scan = sources("problems").scanAll();

        assertThat(problems().keySet())
                .containsExactlyInAnyOrder(
                        "BackfillEmails.class",
                        "V5__declares_a_bad_name.class",
                        "V6__needs_a_service.class",
                        "V7__not_public.class",
                        "Holder$V8__inner.class",
                        "V9__throws_in_constructor.class",
                        "V11__not_public_with_constructor.class",
                        "V1__same_version_as_sql.class");
        assertThat(scan.migrations()).extracting(Migration::name).containsExactly("1_create_users");
        assertThat(scan.errors())
                .filteredOn(MigrationDirectory.FileError::duplicateVersion)
                .extracting(error -> error.error().file().getFileName().toString())
                .containsExactly("V1__same_version_as_sql.class");
    }

    @Test
    void aScanThrowsTheFirstProblem() {
        assertThatThrownBy(() -> sources("problems").scan()).isInstanceOf(MigrationFileException.class);
    }

    @Test
    void aClassNameWithoutAVersion() {
        assertThat(message("BackfillEmails.class"))
                .isEqualTo(classes.resolve("BackfillEmails.class")
                        + ": the class name BackfillEmails gives no version; name a Java migration"
                        + " V<version>__<name>, such as V20261124153000__backfill_emails (`cairn make --java"
                        + " backfill_emails` does), or return the name from name()");
    }

    @Test
    void aDeclaredNameWithoutLeadingDigits() {
        assertThat(message("V5__declares_a_bad_name.class"))
                .isEqualTo(classes.resolve("V5__declares_a_bad_name.class") + ": " + PROBLEMS
                        + "V5__declares_a_bad_name.name() returns 'backfill_emails', which is not a migration name:"
                        + " start it with the version digits and use letters, digits, '_', '-' and '.', such as"
                        + " 20261124153000_backfill_emails");
    }

    @Test
    void noPublicConstructorWithoutParameters() {
        assertThat(message("V6__needs_a_service.class"))
                .isEqualTo(classes.resolve("V6__needs_a_service.class") + ": " + PROBLEMS
                        + "V6__needs_a_service has no public constructor without parameters, so Cairn cannot make"
                        + " one; add `public V6__needs_a_service() {}`, or give an instance to"
                        + " Cairn.configure().javaMigrations(...)");
    }

    @Test
    void aNonPublicClassWithAPublicConstructor() {
        assertThat(message("V11__not_public_with_constructor.class"))
                .isEqualTo(classes.resolve("V11__not_public_with_constructor.class") + ": " + PROBLEMS
                        + "V11__not_public_with_constructor is not public, so Cairn cannot make one; make the class"
                        + " public");
    }

    @Test
    void aNonPublicClassIsToldToBePublic() {
        // Written without a constructor, as most are: the fix the user needs is the class's modifier.
        // Adding the public constructor that the other message suggests would not be enough.
        assertThat(message("V7__not_public.class"))
                .startsWith(classes.resolve("V7__not_public.class") + ": " + PROBLEMS + "V7__not_public ")
                .contains("is not public")
                .contains("make the class public");
    }

    @Test
    void aNonStaticInnerClass() {
        assertThat(message("Holder$V8__inner.class"))
                .isEqualTo(classes.resolve("Holder$V8__inner.class") + ": " + PROBLEMS
                        + "Holder$V8__inner has no public constructor without parameters, so Cairn cannot make one;"
                        + " add `public V8__inner() {}` and make the class static (an inner class needs its outer"
                        + " instance), or give an instance to Cairn.configure().javaMigrations(...)");
    }

    @Test
    void aConstructorThatThrows() {
        assertThat(message("V9__throws_in_constructor.class"))
                .isEqualTo(classes.resolve("V9__throws_in_constructor.class") + ": the constructor of " + PROBLEMS
                        + "V9__throws_in_constructor threw IllegalStateException: no settings file");
    }

    @Test
    void aVersionInJavaAndInSqlNamesBoth() {
        assertThat(message("V1__same_version_as_sql.class"))
                .isEqualTo(classes.resolve("V1__same_version_as_sql.class") + ": has version 1, like "
                        + sql.resolve("1_create_users.sql")
                        + "; each migration needs its own version: rename one of them");
    }

    @Test
    void aVersionInJavaAndInSqlNamesBothTheOtherWayRound() throws URISyntaxException {
        // 1_also_version_one sorts before 1_create_users: the SQL file is the one refused, naming the class.
        Path classFile = Path.of(V1__also_version_one.class
                .getResource("V1__also_version_one.class")
                .toURI());

        MigrationDirectory.Scan scan = sources("sameversion").scanAll();

        assertThat(scan.errors()).singleElement().satisfies(error -> {
            assertThat(error.duplicateVersion()).isTrue();
            assertThat(error.error())
                    .hasMessage(sql.resolve("1_create_users.sql") + ": has version 1, like class"
                            + " dev.cairn.javamigrations.sameversion.V1__also_version_one (" + classFile + "); each"
                            + " migration needs its own version: rename one of them");
        });
    }

    @Test
    void abstractClassesAreSkippedNotErrors() {
        assertThat(problems().keySet()).doesNotContain("V10__abstract_base.class");
        MigrationDirectory.Scan ok = sources("ok").scanAll();
        assertThat(ok.errors()).isEmpty();
        assertThat(ok.migrations()).extracting(Migration::name).containsExactly("1_create_users", "2_add_admins");
    }

    @Test
    void aScannedJavaMigrationIsNamedFromItsClassAndTellsItsDescriptionAndDown() throws URISyntaxException {
        Migration java = sources("ok").scan().get(1);

        assertThat(java.name()).isEqualTo("2_add_admins");
        assertThat(java.version()).hasToString("2");
        assertThat(java.description()).isEqualTo("Three administrators, written by Java.");
        assertThat(java.reversible()).isTrue();
        assertThat(java.isJava()).isTrue();
        assertThat(java.file())
                .isEqualTo(Path.of(dev.cairn.javamigrations.ok.V2__add_admins.class
                        .getResource("V2__add_admins.class")
                        .toURI()));

        Migration irreversible = sources("irreversible").scan().get(1);
        assertThat(irreversible.name()).isEqualTo("2_add_admins_for_good");
        assertThat(irreversible.reversible()).isFalse();
    }

    @Test
    void aGivenInstanceNeedsNoConstructorWithoutParameters() {
        List<Migration> migrations = new MigrationSources(
                        List.of(new Location.Directory(sql)),
                        getClass().getClassLoader(),
                        List.of(new V6__needs_a_service(() -> {})))
                .scan();

        assertThat(migrations).extracting(Migration::name).containsExactly("1_create_users", "6_needs_a_service");
        assertThat(migrations.get(1).file())
                .isEqualTo(Path.of("dev/cairn/javamigrations/problems/V6__needs_a_service.class"));
    }

    @Test
    void aGivenInstanceMayDeclareItsName() {
        JavaMigration declared = new JavaMigration() {
            @Override
            public void up(Connection connection) {}

            @Override
            public String name() {
                return "20261124153000_backfill_emails";
            }
        };

        List<Migration> migrations = new MigrationSources(
                        List.of(new Location.Directory(sql)), getClass().getClassLoader(), List.of(declared))
                .scan();

        assertThat(migrations)
                .extracting(Migration::name)
                .containsExactly("1_create_users", "20261124153000_backfill_emails");
        assertThat(migrations.get(1).version()).hasToString("20261124153000");
        assertThat(migrations.get(1).reversible()).isFalse();
    }

    @Test
    void aGivenInstanceWithoutAVersionIsRefusedNamingItsClass() {
        MigrationDirectory.Scan scan = new MigrationSources(
                        List.of(new Location.Directory(sql)), getClass().getClassLoader(), List.of(new AddAdmins()))
                .scanAll();

        assertThat(scan.errors())
                .singleElement()
                .satisfies(error -> assertThat(error.error())
                        .hasMessage(
                                "dev/cairn/javamigrations/badname/AddAdmins.class: the class name AddAdmins gives no"
                                        + " version; name a Java migration V<version>__<name>, such as"
                                        + " V20261124153000__backfill_emails (`cairn make --java backfill_emails`"
                                        + " does), or return the name from name()"));
    }

    @Test
    void aGivenInstanceWithTheVersionOfAFileNamesBoth() {
        MigrationDirectory.Scan scan = new MigrationSources(
                        List.of(new Location.Directory(sql)),
                        getClass().getClassLoader(),
                        List.of(new V1__same_version_as_sql()))
                .scanAll();

        assertThat(scan.errors()).singleElement().satisfies(error -> {
            assertThat(error.duplicateVersion()).isTrue();
            assertThat(error.error().getMessage())
                    .contains("1_create_users.sql")
                    .contains("V1__same_version_as_sql");
        });
    }

    private MigrationDirectory.Scan givenAlone(JavaMigration migration) {
        return new MigrationSources(
                        List.of(new Location.Directory(sql)), getClass().getClassLoader(), List.of(migration))
                .scanAll();
    }

    /** A migration given as an instance, with the name it declares. */
    public static final class Declared implements JavaMigration {
        private final String name;

        Declared(String name) {
            this.name = name;
        }

        @Override
        public void up(Connection connection) {}

        @Override
        public String name() {
            return name;
        }
    }

    @Test
    void aDeclaredNameWithASpaceIsRefused() {
        assertThat(givenAlone(new Declared("2_add admins")).errors())
                .singleElement()
                .satisfies(error -> assertThat(error.error())
                        .hasMessage("dev/cairn/internal/source/JavaMigrationsTest$Declared.class:"
                                + " dev.cairn.internal.source.JavaMigrationsTest$Declared.name() returns"
                                + " '2_add admins', which is not a migration name: start it with the version digits"
                                + " and use letters,"
                                + " digits, '_', '-' and '.', such as 20261124153000_backfill_emails"));
    }

    @Test
    void aDeclaredNameLongerThanTheTrackingTableHoldsIsRefused() {
        String name = "2_" + "a".repeat(260);

        assertThat(givenAlone(new Declared(name)).errors())
                .singleElement()
                .satisfies(error -> assertThat(error.error())
                        .hasMessage("dev/cairn/internal/source/JavaMigrationsTest$Declared.class: gives the name "
                                + name + ", longer than 255 characters; shorten it"));
    }

    @Test
    void aPackageWithoutMigrationsGivesNone() {
        MigrationDirectory.Scan scan = new MigrationSources(
                        List.of(new Location.Classpath("dev/cairn/javamigrations/nothing_here")),
                        getClass().getClassLoader(),
                        List.of())
                .scanAll();

        assertThat(scan.migrations()).isEmpty();
        assertThat(scan.errors()).isEmpty();
    }
}
