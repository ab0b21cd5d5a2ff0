// SPDX-License-Identifier: Apache-2.0
package dev.cairn.internal.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Placeholders go into a section's text before it is cut into statements. */
class PlaceholdersTest {

    private static final Placeholders TARGET = new Placeholders(Map.of("target", "tenant_7"));

    @Test
    void eachPlaceholderTakesItsValueAndTextWithoutOneIsLeftAlone() {
        assertThat(TARGET.apply("GRANT USAGE ON SCHEMA ${target} TO app;\nSELECT '${target}';", 2))
                .isEqualTo("GRANT USAGE ON SCHEMA tenant_7 TO app;\nSELECT 'tenant_7';");
        String plain = "SELECT $1, {x}; -- no placeholder";
        assertThat(TARGET.apply(plain, 1)).isSameAs(plain);
        assertThat(TARGET.apply("SELECT '$1', '${}', '$$body$$'", 1)).isEqualTo("SELECT '$1', '${}', '$$body$$'");
    }

    @Test
    void aDoubledDollarWritesThePlaceholdersTextItself() {
        assertThat(TARGET.apply("SELECT '$${target}', '${target}'", 1)).isEqualTo("SELECT '${target}', 'tenant_7'");
        assertThat(Placeholders.NONE.apply("SELECT '$${HOME}'", 1)).isEqualTo("SELECT '${HOME}'");
    }

    @Test
    void aPlaceholderWithoutAValueIsAnErrorOnItsLineThatSaysHowToWriteTheText() {
        assertThatThrownBy(() -> TARGET.apply("SELECT 1;\n\nSELECT '${tenant}';", 4))
                .isInstanceOf(SqlSyntaxException.class)
                .hasMessageContaining("uses the placeholder ${tenant}, which has no value here")
                .hasMessageContaining("the placeholders are ${target}")
                .hasMessageContaining("Write $${tenant} for the text ${tenant} itself")
                .satisfies(e -> assertThat(((SqlSyntaxException) e).line()).isEqualTo(6));
        assertThatThrownBy(() -> Placeholders.NONE.apply("SELECT '${target}'", 1))
                .hasMessageContaining("no placeholder has one");
    }
}
