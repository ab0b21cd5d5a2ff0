// SPDX-License-Identifier: Apache-2.0
package dev.cairn.internal.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.ConfigurationException;
import dev.cairn.ConnectionException;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class ConnectorTest {

    @Test
    void theHintFollowsTheSqlStateClass() {
        assertThat(ConnectionFailures.hint("3D000", 0)).contains("no such database");
        assertThat(ConnectionFailures.hint("28P01", 0)).contains("user and password");
        assertThat(ConnectionFailures.hint("28000", 0)).contains("user and password");
        assertThat(ConnectionFailures.hint("08001", 0)).contains("host and port");
        assertThat(ConnectionFailures.hint(null, 0)).contains("running and reachable");
        assertThat(ConnectionFailures.hint("42000", 1049)).contains("no such database");
    }

    @Test
    void aRefusedConnectionNamesTheTargetWithoutItsPasswordAndSaysWhatToCheck() {
        Properties properties = new Properties();
        properties.setProperty("password", "hunter2-secret");
        properties.setProperty("connectTimeout", "2");
        Connector connector = Connector.of(
                "jdbc:postgresql://127.0.0.1:9/app?password=hunter2-secret", properties, List.of("hunter2-secret"));

        assertThatThrownBy(() -> connector.open(false, Duration.ofSeconds(1)))
                .isInstanceOf(ConnectionException.class)
                .hasMessageContaining("Cannot connect to jdbc:postgresql://127.0.0.1:9/app?password=****")
                .hasMessageContaining("Check the host and port")
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void aUrlWithoutADriverIsAConfigurationError() {
        Connector connector = Connector.of("jdbc:sqlite:x.db", new Properties(), List.of());
        assertThat(connector.target()).isEqualTo("jdbc:sqlite:x.db");

        assertThatThrownBy(() -> Connector.of("jdbc:oracle:thin:@db:1521/x", new Properties(), List.of())
                        .open(false, Duration.ofSeconds(1)))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("does not support the database 'oracle'");
    }
}
