// SPDX-License-Identifier: Apache-2.0
package dev.cairn.internal.schema;

import java.util.ArrayList;
import java.util.List;

/**
 * The first parenthesised list of a SQL text, split at its top-level commas, and the text after it:
 * the elements of {@code CREATE TABLE t (…)} or the key of {@code CREATE INDEX i ON t (…) WHERE …}.
 * Commas inside nested parentheses and inside quotes ({@code '…'}, {@code "…"}, {@code `…`},
 * {@code […]}) do not split.
 *
 * @param items the list's items as written (not stripped); empty if the text has no list
 * @param rest what follows the list's closing parenthesis; null if the list is not closed
 */
record ParenthesisedList(List<String> items, String rest) {

    /** Splits {@code sql}. */
    static ParenthesisedList of(String sql) {
        List<String> items = new ArrayList<>();
        int depth = 0;
        int start = -1;
        char quote = 0;
        for (int i = 0; i < sql.length(); i++) {
            char c = sql.charAt(i);
            if (quote != 0) {
                quote = c == quote ? 0 : quote;
            } else if (c == '\'' || c == '"' || c == '`') {
                quote = c;
            } else if (c == '[') {
                quote = ']';
            } else if (c == '(') {
                depth++;
                start = depth == 1 ? i + 1 : start;
            } else if (c == ',' && depth == 1) {
                items.add(sql.substring(start, i));
                start = i + 1;
            } else if (c == ')' && --depth == 0) {
                items.add(sql.substring(start, i));
                return new ParenthesisedList(items, sql.substring(i + 1));
            }
        }
        return new ParenthesisedList(items, null);
    }
}
