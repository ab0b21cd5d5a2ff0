// SPDX-License-Identifier: Apache-2.0
package dev.cairn.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.annotation.ImportCandidates;

/**
 * What Boot reads from the starter's {@code META-INF}: the other tests name the auto-configuration
 * directly, so this one checks that an application finds it by itself, and that an IDE finds the
 * properties. (The detector and the failure
 * analyzer in {@code spring.factories} are exercised by the ordering and start-up failure tests.)
 */
class RegistrationTest {

    @Test
    void bootFindsTheAutoConfigurationInTheImportsFile() {
        ImportCandidates candidates =
                ImportCandidates.load(AutoConfiguration.class, getClass().getClassLoader());

        assertThat(candidates.getCandidates()).contains(CairnAutoConfiguration.class.getName());
    }

    @Test
    void theJarDescribesEveryPropertyForIdeCompletion() throws IOException {
        String metadata;
        try (InputStream in =
                getClass().getClassLoader().getResourceAsStream("META-INF/spring-configuration-metadata.json")) {
            assertThat(in).as("META-INF/spring-configuration-metadata.json").isNotNull();
            metadata = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        // Each property with its type and the description an IDE shows (from the field's Javadoc).
        Pattern property = Pattern.compile("\\{[^{}]*\"name\"\\s*:\\s*\"(cairn\\.[a-z-]+)\"[^{}]*\\}", Pattern.DOTALL);
        Map<String, String> described = new TreeMap<>();
        Matcher found = property.matcher(metadata);
        while (found.find()) {
            described.put(found.group(1), found.group());
        }
        assertThat(described)
                .containsOnlyKeys(
                        "cairn.enabled",
                        "cairn.locations",
                        "cairn.table",
                        "cairn.schema",
                        "cairn.lock-timeout",
                        "cairn.lock-timeout-ddl",
                        "cairn.allow-out-of-order",
                        "cairn.target",
                        "cairn.url",
                        "cairn.user",
                        "cairn.password",
                        "cairn.probe-port");
        assertThat(described.values()).allSatisfy(entry -> assertThat(entry).contains("\"description\"", "\"type\""));
    }
}
