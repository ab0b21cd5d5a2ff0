// SPDX-License-Identifier: Apache-2.0
package dev.cairn.internal.source;

/**
 * A migration's version: the leading digits of its name, compared as a number of any size, so that
 * {@code 9 < 10 < 20261124153000} and {@code 001} equals {@code 1}. The text is kept as written.
 */
public record Version(String text) implements Comparable<Version> {

    /**
     * Creates a version.
     *
     * @throws IllegalArgumentException if {@code text} is empty or has anything but ASCII digits
     */
    public Version {
        if (text.isEmpty() || leadingDigits(text) != text.length()) {
            throw new IllegalArgumentException("A version is a run of digits, not '" + text + "'");
        }
    }

    /** The leading digits of {@code name}, or null if it does not start with a digit. */
    public static Version leadingDigitsOf(String name) {
        int end = leadingDigits(name);
        return end == 0 ? null : new Version(name.substring(0, end));
    }

    /** How many ASCII digits {@code text} starts with (a plain loop: this runs for every file of a cold start). */
    private static int leadingDigits(String text) {
        int end = 0;
        while (end < text.length() && text.charAt(end) >= '0' && text.charAt(end) <= '9') {
            end++;
        }
        return end;
    }

    @Override
    public int compareTo(Version other) {
        String a = significant();
        String b = other.significant();
        // Equal-length digit strings compare as numbers when compared as text.
        return a.length() != b.length() ? Integer.compare(a.length(), b.length()) : a.compareTo(b);
    }

    /** Whether both name the same number, such as {@code 001} and {@code 1}. */
    public boolean sameAs(Version other) {
        return compareTo(other) == 0;
    }

    private String significant() {
        int start = 0;
        while (start < text.length() - 1 && text.charAt(start) == '0') {
            start++;
        }
        return text.substring(start);
    }

    @Override
    public String toString() {
        return text;
    }
}
