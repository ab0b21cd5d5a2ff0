// SPDX-License-Identifier: Apache-2.0
package dev.cairn.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/**
 * The scenario on a database server, given to the fixtures through the engine's system property (so that
 * path is tested too), plus what only a server has: one that is down, and verify on it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ServerScenario extends ExtensionScenario {

    abstract Engine engine();

    /** The server's admin URL, from the environment variable a CI run may set, else the local default. */
    abstract String defaultUrl();

    /** A query of the database names on the server that match the one parameter, a LIKE pattern. */
    abstract String databasesLike();

    abstract Class<?> serverDown();

    abstract Class<?> verifiesGood();

    abstract Class<?> verifiesBad();

    String adminUrl() {
        String configured = System.getenv(engine().urlVariable().orElseThrow());
        return configured == null || configured.isBlank() ? defaultUrl() : configured;
    }

    @BeforeAll
    void giveTheServer() {
        System.setProperty(engine().urlProperty().orElseThrow(), adminUrl());
    }

    @AfterAll
    void forgetTheServer() {
        System.clearProperty(engine().urlProperty().orElseThrow());
    }

    Set<String> databases(String pattern) throws SQLException {
        Set<String> names = new HashSet<>();
        try (Connection admin = DriverManager.getConnection(adminUrl());
                PreparedStatement statement = admin.prepareStatement(databasesLike())) {
            statement.setString(1, pattern);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
        }
        return names;
    }

    @Override
    boolean exists(MigratedDatabase database) throws SQLException {
        return databases(database.name()).contains(database.name());
    }

    @Override
    Set<String> templates() throws SQLException {
        return databases("cairn\\_tpl\\_%");
    }

    @Test
    void aServerThatIsDownFailsTheClassAndSaysWhatToDo() {
        EngineExecutionResults results = Runs.jupiter(serverDown());

        results.testEvents().assertStatistics(stats -> stats.started(0).skipped(0));
        results.containerEvents().assertStatistics(stats -> stats.aborted(0));
        assertThat(Runs.failures(results.containerEvents().list()))
                .singleElement()
                .asString()
                .contains("Cannot connect to " + engine().displayName() + " at ")
                .contains("127.0.0.1:1")
                .contains("(from the url attribute)")
                .contains("Start that server, or give another with the url attribute of @CairnDatabase")
                .contains("it never skips them");
    }

    @Test
    void verifyPassesAGoodProject() {
        VerifyMigrationsTest.passes(verifiesGood());
    }

    @Test
    void verifyFailsABadDownWithTheReport() {
        VerifyMigrationsTest.failsWithTheReport(verifiesBad());
    }

    @Test
    void verifyLeavesNoScratchDatabaseBehind() throws SQLException {
        Set<String> before = databases("cairn\\_verify\\_%");
        Runs.verify(verifiesBad());
        assertThat(databases("cairn\\_verify\\_%")).isEqualTo(before);
    }

    static List<Class<?>> classes(Class<?>... classes) {
        return List.of(classes);
    }
}
