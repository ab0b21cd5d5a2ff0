// SPDX-License-Identifier: Apache-2.0
package dev.cairn.junit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;

/** The scenario on the engines that need no server. */
class EmbeddedEnginesTest {

    /** The temporary directories the extension made for {@code prefix}'s templates. */
    static Set<String> directories(String prefix) throws IOException {
        try (Stream<Path> files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return files.map(path -> path.getFileName().toString())
                    .filter(name -> name.startsWith(prefix))
                    .collect(Collectors.toSet());
        }
    }

    @Nested
    class Sqlite extends ExtensionScenario {
        @Override
        List<Class<?>> twoClasses() {
            return List.of(Fixtures.SqliteFirst.class, Fixtures.SqliteSecond.class);
        }

        @Override
        Class<?> failsATest() {
            return Fixtures.SqliteFailsOnce.class;
        }

        @Override
        boolean exists(MigratedDatabase database) {
            return Files.exists(Path.of(database.url().substring("jdbc:sqlite:".length())));
        }

        @Override
        Set<String> templates() throws IOException {
            return directories("cairn-junit-sqlite-");
        }
    }

    @Nested
    class H2InMemory extends ExtensionScenario {
        @Override
        List<Class<?>> twoClasses() {
            return List.of(Fixtures.H2First.class, Fixtures.H2Second.class);
        }

        @Override
        Class<?> failsATest() {
            return Fixtures.H2FailsOnce.class;
        }

        @Override
        boolean exists(MigratedDatabase database) {
            try {
                DriverManager.getConnection(database.url() + ";IFEXISTS=TRUE", "sa", "")
                        .close();
                return true;
            } catch (SQLException e) {
                return false;
            }
        }

        @Override
        Set<String> templates() throws IOException {
            return directories("cairn-junit-h2-");
        }
    }

    @Nested
    class H2File extends ExtensionScenario {
        @Override
        List<Class<?>> twoClasses() {
            return List.of(Fixtures.H2FileFirst.class, Fixtures.H2FileSecond.class);
        }

        @Override
        Class<?> failsATest() {
            return Fixtures.H2FileFailsOnce.class;
        }

        @Override
        boolean exists(MigratedDatabase database) {
            return Files.exists(Path.of(database.url().substring("jdbc:h2:file:".length()) + ".mv.db"));
        }

        @Override
        Set<String> templates() throws IOException {
            return directories("cairn-junit-h2-");
        }
    }
}
