// SPDX-License-Identifier: Apache-2.0
package dev.cairn.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.ConfigurationException;
import dev.cairn.LockException;
import dev.cairn.ValidationException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.diagnostics.FailureAnalysis;

class CairnFailureAnalyzerTest {

    private final CairnFailureAnalyzer analyzer = new CairnFailureAnalyzer();

    @Test
    void findsCairnsExceptionInsideSpringsAndGivesItsMessage() {
        ValidationException cause = new ValidationException(
                "1 applied migration changed.", List.of("20260101000000_create_users: the file changed"));
        FailureAnalysis analysis = analyzer.analyze(new BeanCreationException("cairnMigrationInitializer", "x", cause));

        assertThat(analysis).isNotNull();
        assertThat(analysis.getDescription()).endsWith(cause.getMessage());
        assertThat(analysis.getAction()).contains("cairn.allow-out-of-order");
    }

    @Test
    void aLockTimeoutPointsAtTheLockSettings() {
        FailureAnalysis analysis = analyzer.analyze(new LockException("cairn", "Another runner holds the lock."));

        assertThat(analysis.getAction()).contains("cairn.lock-timeout").contains("cairn unlock");
    }

    @Test
    void aConfigurationErrorPointsAtTheProperties() {
        FailureAnalysis analysis = analyzer.analyze(new ConfigurationException("table must be a plain identifier."));

        assertThat(analysis.getDescription()).contains("table must be a plain identifier.");
        assertThat(analysis.getAction()).contains("cairn.enabled=false");
    }

    @Test
    void leavesOtherFailuresToOtherAnalyzers() {
        assertThat(analyzer.analyze(new IllegalStateException("not Cairn's"))).isNull();
    }
}
