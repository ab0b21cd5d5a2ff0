// SPDX-License-Identifier: Apache-2.0
package dev.cairn.internal.command;

import java.util.Locale;

/** The file-name part that {@code make} and {@code seed make} build from the words the user gives. */
final class Slug {

    private Slug() {}

    /**
     * {@code words} in lower case, with every run of anything but letters and digits turned into one
     * {@code _}, and none at either end; empty if {@code words} is null or has no letter or digit.
     */
    static String of(String words) {
        if (words == null) {
            return "";
        }
        return words.strip()
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "_")
                .replaceAll("^_+|_+$", "");
    }
}
