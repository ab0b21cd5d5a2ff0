// SPDX-License-Identifier: Apache-2.0
package dev.cairn.internal.source;

import java.text.Normalizer;
import java.util.regex.Pattern;

/**
 * How a Flyway migration's name becomes a Cairn migration's: one rule, for the file converter
 * ({@code import flyway --files}) that writes the files and the history import that finds them again.
 */
public final class FlywayName {

    // As Slug's: marks (accents, combining characters) stay with the letter they belong to.
    private static final Pattern UNSAFE = Pattern.compile("[^\\p{L}\\p{N}\\p{M}_]+");
    private static final Pattern LETTER_OR_DIGIT = Pattern.compile("[\\p{L}\\p{N}]");

    private FlywayName() {}

    /**
     * The name after the version that a Flyway description becomes: the description as written, with
     * each run of characters other than letters, digits and {@code _} made one {@code _}, as
     * {@code cairn make} does; empty if no letter or digit is left. {@code Add_posts} stays
     * {@code Add_posts}; {@code add-tags.v2} is {@code add_tags_v2}.
     */
    public static String cairnName(String description) {
        String name = UNSAFE.matcher(Normalizer.normalize(description, Normalizer.Form.NFC))
                .replaceAll("_");
        return LETTER_OR_DIGIT.matcher(name).find() ? name : "";
    }

    /**
     * The description in a Flyway script's path, as its history's {@code script} column has it
     * ({@code sql/V1_1__add_posts.sql} → {@code add_posts}): what follows the first {@code __} of the file
     * name, without the extension; null when the name has no {@code __}.
     */
    public static String descriptionOf(String script) {
        String file = script.substring(Math.max(script.lastIndexOf('/'), script.lastIndexOf('\\')) + 1);
        int separator = file.indexOf("__");
        if (separator < 0) {
            return null;
        }
        int extension = file.lastIndexOf('.');
        return file.substring(separator + 2, extension > separator + 2 ? extension : file.length());
    }
}
