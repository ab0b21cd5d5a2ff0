// SPDX-License-Identifier: Apache-2.0
package dev.cairn.internal;

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
        assertThat(Connector.hint("3D000", 0)).contains("no such database");
        assertThat(Connector.hint("28P01", 0)).contains("user and password");
        assertThat(Connector.hint("28000", 0)).contains("user and password");
        assertThat(Connector.hint("08001", 0)).contains("host and port");
        assertThat(Connector.hint(null, 0)).contains("running and reachable");
        assertThat(Connector.hint("42000", 1049)).contains("no such database");
    }

    @Test
    void aRefusedConnectionNamesTheTargetWithoutItsPasswordAndSaysWhatToCheck() {
        Properties properties = new Properties();
        properties.setProperty("password", "hunter2-secret");
        properties.setProperty("connectTimeout", "2");
        Connector connector = Connector.of(
                "jdbc:postgresql://127.0.0.1:9/app?password=hunter2-secret",
                properties,
                Duration.ofSeconds(1),
                List.of("hunter2-secret"));

        assertThatThrownBy(() -> connector.open(false))
                .isInstanceOf(ConnectionException.class)
                .hasMessageContaining("Cannot connect to jdbc:postgresql://127.0.0.1:9/app?password=****")
                .hasMessageContaining("Check the host and port")
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void aUrlWithoutADriverIsAConfigurationError() {
        Connector connector = Connector.of("jdbc:sqlite:x.db", new Properties(), Duration.ofSeconds(1), List.of());
        assertThat(connector.target()).isEqualTo("jdbc:sqlite:x.db");

        assertThatThrownBy(() -> Connector.of(
                                "jdbc:oracle:thin:@db:1521/x", new Properties(), Duration.ofSeconds(1), List.of())
                        .open(false))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("does not support the database 'oracle'");
    }
}
