// SPDX-License-Identifier: Apache-2.0
package dev.cairn.internal.sql;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

/**
 * Builds {@link SplitRules} for tests by naming the flags to turn on, so a test reads as the rule it
 * exercises instead of a row of thirteen booleans.
 */
final class TestRules {

    private TestRules() {}

    /** Rules with exactly the named flags on; an unknown name fails the test that uses it. */
    static SplitRules with(String... flags) {
        Set<String> wanted = new HashSet<>(Arrays.asList(flags));
        RecordComponent[] components = SplitRules.class.getRecordComponents();
        Class<?>[] types = new Class<?>[components.length];
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            values[i] = wanted.remove(components[i].getName());
        }
        if (!wanted.isEmpty()) {
            throw new IllegalArgumentException("SplitRules has no flag " + wanted);
        }
        try {
            Constructor<SplitRules> constructor = SplitRules.class.getDeclaredConstructor(types);
            return constructor.newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
