// SPDX-License-Identifier: Apache-2.0
package dev.cairn.internal.lint;

import dev.cairn.LintRule;

/**
 * A rule: what users read about it, and its check.
 *
 * @param description its id, level, why and fix
 * @param check what it looks at
 */
record Rule(LintRule description, Check check) {

    /** A rule with its text. */
    static Rule of(String id, LintRule.Level level, String title, String why, String fix, Check check) {
        return new Rule(new LintRule(id, level, title, why, fix), check);
    }

    String id() {
        return description.id();
    }
}
