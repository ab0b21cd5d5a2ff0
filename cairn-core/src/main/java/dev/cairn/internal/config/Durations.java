// SPDX-License-Identifier: Apache-2.0
package dev.cairn.internal.config;

import dev.cairn.ConfigurationException;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as {@code cairn.yml} writes them: a whole number with a unit, {@code 500ms}, {@code 10s},
 * {@code 2m}, {@code 1h}, or a bare whole number meaning seconds; every duration setting is more than 0
 * and at most {@link #MAXIMUM}.
 */
public final class Durations {

    /** What to write, for messages. */
    static final String FORMS = "such as 500ms, 10s, 2m or 1h (a bare number means seconds)";

    /**
     * The longest duration any setting takes: a day. Longer is a typo rather than a wish (no connection
     * or lock wait should take days), and drivers take timeouts as an int of seconds or milliseconds
     * (pgjdbc's connectTimeout, MariaDB's connectTimeout, SQLite's busy_timeout), which a day in
     * milliseconds (86,400,000) fits and 25 days do not.
     */
    public static final Duration MAXIMUM = Duration.ofHours(24);

    // Nine digits keep every unit far from overflowing a Duration.
    private static final Pattern DURATION = Pattern.compile("(\\d{1,9})(ms|s|m|h)?");

    private Durations() {}

    /**
     * The duration {@code text} writes, for {@code setting}.
     *
     * @param error makes the exception for a sentence that names {@code setting} and says what to write
     * @throws ConfigurationException from {@code error} if {@code text} is not a duration, or is 0
     */
    public static Duration parse(String setting, String text, Function<String, ConfigurationException> error) {
        Duration duration = parse(text)
                .orElseThrow(() -> error.apply(setting + " must be a duration " + FORMS + ", not '" + text + "'."));
        if (duration.isZero()) {
            throw error.apply(setting + " must be more than 0. Give a duration " + FORMS + ".");
        }
        if (duration.compareTo(MAXIMUM) > 0) {
            throw error.apply(tooLong(setting, text.strip()));
        }
        return duration;
    }

    /** The sentence for a duration longer than {@link #MAXIMUM}, as written ({@code given}). */
    public static String tooLong(String setting, String given) {
        return setting + " must be at most " + format(MAXIMUM) + " (a longer wait is almost certainly a typo, and"
                + " drivers cannot take it), not " + given + ".";
    }

    /** The duration {@code text} writes, or empty if it is not written in one of the forms. */
    static Optional<Duration> parse(String text) {
        Matcher matcher = DURATION.matcher(text.strip());
        if (!matcher.matches()) {
            return Optional.empty();
        }
        long amount = Long.parseLong(matcher.group(1));
        String unit = matcher.group(2) == null ? "s" : matcher.group(2);
        return Optional.of(
                switch (unit) {
                    case "ms" -> Duration.ofMillis(amount);
                    case "m" -> Duration.ofMinutes(amount);
                    case "h" -> Duration.ofHours(amount);
                    default -> Duration.ofSeconds(amount);
                });
    }

    /** {@code duration} in the largest unit that writes it exactly, such as {@code 10m} or {@code 1500ms}. */
    static String format(Duration duration) {
        long millis = duration.toMillis();
        if (millis % 3_600_000 == 0 && millis > 0) {
            return millis / 3_600_000 + "h";
        }
        if (millis % 60_000 == 0 && millis > 0) {
            return millis / 60_000 + "m";
        }
        if (millis % 1_000 == 0) {
            return millis / 1_000 + "s";
        }
        return millis + "ms";
    }
}
