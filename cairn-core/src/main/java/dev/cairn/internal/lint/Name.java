// SPDX-License-Identifier: Apache-2.0
package dev.cairn.internal.lint;

import dev.cairn.internal.sql.SqlToken;
import java.util.Locale;

/**
 * The name of a table, column, index or constraint as a statement writes it, without its schema.
 * Names are told apart by {@link #key}: unquoted ones in any letter case are one name (the database
 * folds them), quoted ones keep their case.
 *
 * @param text the name without quotes
 * @param quoted whether it was quoted
 */
record Name(String text, boolean quoted) {

    static Name of(SqlToken token) {
        return new Name(token.name(), token.type() == SqlToken.Type.QUOTED_IDENTIFIER);
    }

    /** One key for the spellings that name the same object. */
    String key() {
        return quoted ? text : text.toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return text;
    }
}
