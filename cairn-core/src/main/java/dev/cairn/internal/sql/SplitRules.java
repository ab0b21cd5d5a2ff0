// SPDX-License-Identifier: Apache-2.0
package dev.cairn.internal.sql;

/** STUB: replaced by the splitter work. What a dialect's SQL allows that matters for splitting. */
public record SplitRules(boolean dollarQuotes) {

    /** PostgreSQL. */
    public static final SplitRules POSTGRESQL = new SplitRules(true);

    /** SQLite. */
    public static final SplitRules SQLITE = new SplitRules(false);
}
