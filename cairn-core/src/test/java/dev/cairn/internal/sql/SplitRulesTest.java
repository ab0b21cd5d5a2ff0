// SPDX-License-Identifier: Apache-2.0
package dev.cairn.internal.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SplitRulesTest {

    @Test
    void theKeyTellsApartRulesThatDifferInAnyOneComponent() throws ReflectiveOperationException {
        RecordComponent[] components = SplitRules.class.getRecordComponents();
        Constructor<SplitRules> constructor = SplitRules.class.getDeclaredConstructor(
                Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
        Set<String> keys = new HashSet<>();
        keys.add(rulesWith(constructor, components.length, -1).key());
        for (int i = 0; i < components.length; i++) {
            String key = rulesWith(constructor, components.length, i).key();
            assertThat(key).hasSize(components.length);
            assertThat(keys.add(key))
                    .as("key() must include " + components[i].getName())
                    .isTrue();
        }
    }

    @Test
    void eachDialectsRulesHaveTheirOwnKey() {
        assertThat(Set.of(
                        SplitRules.POSTGRESQL.key(),
                        SplitRules.SQLITE.key(),
                        SplitRules.MYSQL.key(),
                        SplitRules.H2.key()))
                .hasSize(4);
        assertThat(SplitRules.POSTGRESQL.key()).startsWith("tt");
    }

    /** Rules with only component {@code on} true (none for -1). */
    private static SplitRules rulesWith(Constructor<SplitRules> constructor, int count, int on)
            throws ReflectiveOperationException {
        Object[] flags = new Object[count];
        for (int i = 0; i < count; i++) {
            flags[i] = i == on;
        }
        return constructor.newInstance(flags);
    }
}
