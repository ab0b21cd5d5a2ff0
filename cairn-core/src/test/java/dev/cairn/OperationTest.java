// SPDX-License-Identifier: Apache-2.0
package dev.cairn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** Each operation is named as the command line names it, and only fits together as the command line allows. */
class OperationTest {

    @Test
    void eachOperationReadsAsItsCommandLine() {
        assertThat(Operation.migrate()).hasToString("migrate");
        assertThat(Operation.migrateTo(" 20261124153000 ")).hasToString("migrate --to 20261124153000");
        assertThat(Operation.up().allowingOutOfOrder()).hasToString("up --allow-out-of-order");
        assertThat(Operation.down()).hasToString("down");
        assertThat(Operation.rollback()).hasToString("rollback");
        assertThat(Operation.rollbackAll()).hasToString("rollback --all");
        assertThat(Operation.rollbackTo("2")).hasToString("rollback --to 2");
        assertThat(Operation.rollbackToBatch(0)).hasToString("rollback --to-batch 0");
    }

    @Test
    void migrateAndUpApplyAndTheRestUndo() {
        assertThat(Operation.migrate().direction()).isEqualTo(Direction.UP);
        assertThat(Operation.up().direction()).isEqualTo(Direction.UP);
        assertThat(Operation.down().direction()).isEqualTo(Direction.DOWN);
        assertThat(Operation.rollbackToBatch(3).direction()).isEqualTo(Direction.DOWN);
    }

    @Test
    void operationsAreValues() {
        assertThat(Operation.migrateTo("5")).isEqualTo(Operation.migrateTo("5"));
        assertThat(Operation.migrateTo("5"))
                .isNotEqualTo(Operation.migrateTo("5").allowingOutOfOrder());
        assertThat(Operation.rollbackToBatch(2).batch()).hasValue(2);
        assertThat(Operation.rollbackTo("7").version()).contains("7");
    }

    @Test
    void emptyTargetsAndNegativeBatchesAreConfigurationErrors() {
        assertThatThrownBy(() -> Operation.migrateTo(" "))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("The target must not be empty.");
        assertThatThrownBy(() -> Operation.rollbackTo(null))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("The version must not be empty.");
        assertThatThrownBy(() -> Operation.rollbackToBatch(-1))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("The batch to roll back to must be 0 or more, not -1.");
    }

    @Test
    void onlyMigrateAndUpMayBeOutOfOrder() {
        assertThatThrownBy(() -> Operation.rollback().allowingOutOfOrder())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("rollback");
        assertThatThrownBy(() -> new Operation(Operation.Kind.DOWN, Optional.empty(), OptionalInt.empty(), true))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aVersionOrBatchThatDoesNotFitTheKindIsRefused() {
        assertThatThrownBy(
                        () -> new Operation(Operation.Kind.ROLLBACK_TO, Optional.empty(), OptionalInt.empty(), false))
                .hasMessage("ROLLBACK_TO needs a version");
        assertThatThrownBy(() -> new Operation(Operation.Kind.UP, Optional.of("1"), OptionalInt.empty(), false))
                .hasMessage("UP takes no version");
        assertThatThrownBy(() ->
                        new Operation(Operation.Kind.ROLLBACK_TO_BATCH, Optional.empty(), OptionalInt.empty(), false))
                .hasMessage("ROLLBACK_TO_BATCH needs a batch");
        assertThatThrownBy(() -> new Operation(Operation.Kind.ROLLBACK, Optional.empty(), OptionalInt.of(1), false))
                .hasMessage("ROLLBACK takes no batch");
    }
}
