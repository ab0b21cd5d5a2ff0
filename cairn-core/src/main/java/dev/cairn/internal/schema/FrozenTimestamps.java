// SPDX-License-Identifier: Apache-2.0
package dev.cairn.internal.schema;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises text that differs only in a timestamp frozen while verify ran. PostgreSQL turns
 * {@code 'now'::timestamp} (and {@code 'today'}, {@code DEFAULT 'now'}) into a literal when it creates
 * a view or default, so the view that a correct down recreates differs from the original in that
 * literal alone. Only literals whose value falls inside the run (with a little slack) are set aside:
 * a date written into a migration is a real difference whatever it is.
 */
final class FrozenTimestamps {

    /** {@code 'YYYY-MM-DD'}, optionally with a time ({@code ' '} or {@code T}), a fraction and an offset. */
    private static final Pattern LITERAL = Pattern.compile(
            "'(\\d{4}-\\d{2}-\\d{2})(?:[ T](\\d{2}:\\d{2}:\\d{2}(?:\\.\\d{1,9})?)(Z|[+-]\\d{2}(?::?\\d{2}){0,2})?)?'");

    /** Stands for a frozen literal; no SQL text holds it. */
    private static final String PLACEHOLDER = "\u0000";

    private final Instant from;
    private final Instant to;
    private final List<ZoneId> zones;

    /**
     * @param from the start of the window in which a timestamp counts as frozen during the run
     * @param to its end
     * @param sessionZone the zone a literal without an offset may be in, besides UTC (the database
     *     session's zone, which is either the JVM's or UTC)
     */
    FrozenTimestamps(Instant from, Instant to, ZoneId sessionZone) {
        this.from = from;
        this.to = to;
        this.zones = sessionZone.normalized().equals(ZoneOffset.UTC)
                ? List.of(ZoneOffset.UTC)
                : List.of(sessionZone, ZoneOffset.UTC);
    }

    /** Why {@code before} and {@code after} are equivalent, if they differ in frozen timestamps and nothing else. */
    Optional<String> differOnlyIn(String before, String after) {
        List<String> was = new ArrayList<>();
        List<String> is = new ArrayList<>();
        if (before.equals(after) || !withoutFrozen(before, was).equals(withoutFrozen(after, is))) {
            return Optional.empty();
        }
        // The texts match with every frozen literal set aside, so the literals pair up in order.
        for (int i = 0; i < was.size(); i++) {
            if (!was.get(i).equals(is.get(i))) {
                return Optional.of("only a timestamp frozen at creation time differs"
                        + " ('now' evaluated when the object was created): " + was.get(i) + " vs " + is.get(i));
            }
        }
        return Optional.empty();
    }

    /** {@code text} with each frozen literal replaced by the placeholder; the literals go to {@code frozen}. */
    private String withoutFrozen(String text, List<String> frozen) {
        Matcher literal = LITERAL.matcher(text);
        StringBuilder without = new StringBuilder();
        while (literal.find()) {
            if (duringTheRun(literal)) {
                frozen.add(literal.group().substring(1, literal.group().length() - 1));
                literal.appendReplacement(without, PLACEHOLDER);
            }
        }
        return literal.appendTail(without).toString();
    }

    private boolean duringTheRun(Matcher literal) {
        try {
            LocalDate date = LocalDate.parse(literal.group(1));
            if (literal.group(2) == null) {
                // 'today': the date of the run, wherever the session's day begins.
                return zones.stream()
                        .anyMatch(zone -> !date.isBefore(from.atZone(zone).toLocalDate())
                                && !date.isAfter(to.atZone(zone).toLocalDate()));
            }
            LocalDateTime time = date.atTime(LocalTime.parse(literal.group(2)));
            if (literal.group(3) != null) {
                return within(time.toInstant(offset(literal.group(3))));
            }
            return zones.stream().anyMatch(zone -> within(time.atZone(zone).toInstant()));
        } catch (DateTimeException notATime) {
            return false;
        }
    }

    private boolean within(Instant instant) {
        return !instant.isBefore(from) && !instant.isAfter(to);
    }

    /** {@code Z}, {@code +05}, {@code +05:30}, {@code -0330}, {@code +00:53:28} (PostgreSQL's forms). */
    private static ZoneOffset offset(String text) {
        if (text.equals("Z")) {
            return ZoneOffset.UTC;
        }
        int sign = text.charAt(0) == '-' ? -1 : 1;
        String digits = text.substring(1).replace(":", "");
        int hours = Integer.parseInt(digits.substring(0, 2));
        int minutes = digits.length() >= 4 ? Integer.parseInt(digits.substring(2, 4)) : 0;
        int seconds = digits.length() >= 6 ? Integer.parseInt(digits.substring(4, 6)) : 0;
        return ZoneOffset.ofHoursMinutesSeconds(sign * hours, sign * minutes, sign * seconds);
    }
}
