// SPDX-License-Identifier: Apache-2.0
package dev.cairn.maven;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.ConfigurationException;
import dev.cairn.Direction;
import dev.cairn.MigrationFailedException;
import dev.cairn.ValidationException;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.plugin.AbstractMojoExecutionException;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;

class CairnMojoTest {

    @Test
    void aConfigurationErrorIsAnErrorOfTheBuildWithCairnsMessage() {
        ConfigurationException error = new ConfigurationException("lockTimeout must be more than 0, not PT0S.");

        AbstractMojoExecutionException mapped = CairnMojo.failure(error);

        assertThat(mapped).isInstanceOf(MojoExecutionException.class).hasMessage(error.getMessage());
        assertThat(mapped.getCause()).isSameAs(error);
    }

    @Test
    void aFailedMigrationFailsTheBuildWithTheFileLineAndWhatStaysApplied() {
        MigrationFailedException error = new MigrationFailedException(
                "20260101000200_add_posts",
                Direction.UP,
                Path.of("database/migrations/20260101000200_add_posts.sql"),
                4,
                3,
                "42P01",
                "relation \"no_such_table\" does not exist",
                List.of("20260101000100_create_users"),
                "20260101000100_create_users stays applied.",
                null);

        AbstractMojoExecutionException mapped = CairnMojo.failure(error);

        assertThat(mapped).isInstanceOf(MojoFailureException.class).hasMessage(error.getMessage());
        assertThat(mapped.getMessage())
                .contains("20260101000200_add_posts.sql:4")
                .contains("20260101000100_create_users stays applied.");
        assertThat(mapped.getCause()).isSameAs(error);
    }

    @Test
    void aRefusedChangeFailsTheBuildListingEveryProblem() {
        ValidationException error = new ValidationException("Validation found 2 problems.", List.of("a", "b"));

        assertThat(CairnMojo.failure(error))
                .isInstanceOf(MojoFailureException.class)
                .hasMessage("Validation found 2 problems." + System.lineSeparator() + "  - a" + System.lineSeparator()
                        + "  - b");
    }
}
