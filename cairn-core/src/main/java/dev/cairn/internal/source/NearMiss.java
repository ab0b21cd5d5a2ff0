// SPDX-License-Identifier: Apache-2.0
package dev.cairn.internal.source;

import java.util.Locale;
import java.util.Set;

/**
 * A file in the migrations directory that Cairn does not read but that looks meant as a migration:
 * {@code .SQL} (Cairn reads only lower-case {@code .sql}), {@code .sq} or another one-letter slip, or
 * {@code .sql.txt} (an editor's addition). A scan warns about each, so a migration is never skipped
 * without a word.
 */
final class NearMiss {

    private static final String SQL = "sql";

    /** What editors and systems add after {@code .sql} without being asked. */
    private static final Set<String> ADDED_EXTENSIONS = Set.of("txt", "text");

    private NearMiss() {}

    /**
     * What is wrong with {@code fileName} and the name it should have, or null if it is not a near
     * miss: read as a migration already, hidden, or not like a migration at all (a README, a backup).
     */
    static String advice(String fileName) {
        if (fileName.startsWith(".") || fileName.endsWith("." + SQL)) {
            return null;
        }
        int dot = fileName.lastIndexOf('.');
        if (dot <= 0) {
            return null;
        }
        String base = fileName.substring(0, dot);
        String extension = fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
        if (extension.equals(SQL)) {
            return "only files ending in .sql (lower case) are read; rename it to " + base + ".sql";
        }
        if (ADDED_EXTENSIONS.contains(extension)
                && base.toLowerCase(Locale.ROOT).endsWith("." + SQL)) {
            String sql = base.substring(0, base.length() - SQL.length()) + SQL;
            return "it ends in ." + fileName.substring(dot + 1) + " after .sql; rename it to " + sql;
        }
        // Letters and digits only: an editor's backup (.sql~, #x.sql#) is no slip.
        if (extension.matches("[a-z0-9]+") && oneSlipFrom(extension, SQL)) {
            return "its extension ." + fileName.substring(dot + 1) + " is not .sql; rename it to " + base + ".sql";
        }
        return null;
    }

    /** Whether {@code a} becomes {@code b} by one letter added, dropped, changed or two swapped. */
    static boolean oneSlipFrom(String a, String b) {
        if (a.equals(b) || Math.abs(a.length() - b.length()) > 1) {
            return false;
        }
        int start = 0;
        while (start < a.length() && start < b.length() && a.charAt(start) == b.charAt(start)) {
            start++;
        }
        String restA = a.substring(Math.min(start + 1, a.length()));
        String restB = b.substring(Math.min(start + 1, b.length()));
        if (a.length() == b.length()) {
            boolean swapped = start + 1 < a.length()
                    && a.charAt(start) == b.charAt(start + 1)
                    && a.charAt(start + 1) == b.charAt(start)
                    && a.substring(start + 2).equals(b.substring(start + 2));
            return swapped || restA.equals(restB);
        }
        // One letter more in the longer one, at the first difference.
        return a.length() > b.length()
                ? a.substring(start + 1).equals(b.substring(start))
                : restB.equals(a.substring(start));
    }
}
