// SPDX-License-Identifier: Apache-2.0
package dev.cairn.internal.source;

import dev.cairn.Direction;
import dev.cairn.MigrationFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cuts a migration file into its description, up section and down section, by lines. Knows the
 * markers ({@code -- migrate:up}, {@code -- migrate:down}) and their options; knows nothing of SQL
 * beyond "a line that starts with {@code --} is a comment". Every error names the file and line.
 */
final class SectionReader {

    /** A marker: {@code --}, optional space, {@code migrate:}, a word, then options. */
    private static final Pattern MARKER =
            Pattern.compile("^--\\s*migrate:([A-Za-z]+)\\b(.*)$", Pattern.CASE_INSENSITIVE);

    /** How a marker written the usual way starts (see {@link Marker#plainMarkerEnd}). */
    private static final String PLAIN_PREFIX = "-- migrate:";

    /** What separates a marker's options. */
    private static final Pattern OPTION_SEPARATOR = Pattern.compile("\\s+");

    /**
     * What a file yields. {@code up} may be null only for a paired {@code .down.sql} file.
     *
     * @param squashed whether its up marker says {@code squashed}: it is {@code cairn squash}'s one
     *     migration in place of every older one
     */
    record Parsed(String description, Section up, Section down, boolean squashed) {}

    private SectionReader() {}

    /** Reads a single-file migration: description, {@code -- migrate:up}, optional {@code -- migrate:down}. */
    static Parsed single(Path file, String text) {
        List<Line> lines = lines(text);
        requireContent(file, text);
        List<String> description = new ArrayList<>();
        Marker up = null;
        Marker down = null;
        for (Line line : lines) {
            Marker marker = Marker.parse(file, line);
            if (marker != null) {
                if (marker.direction == Direction.UP) {
                    if (up != null) {
                        throw new MigrationFileException(
                                file,
                                line.number,
                                "a second `-- migrate:up` marker (the first is on line " + up.line.number
                                        + "); a file holds one migration");
                    }
                    if (down != null) {
                        throw new MigrationFileException(
                                file,
                                line.number,
                                "`-- migrate:up` must come before `-- migrate:down` (line " + down.line.number + ")");
                    }
                    up = marker;
                } else {
                    if (up == null) {
                        throw new MigrationFileException(
                                file,
                                line.number,
                                "`-- migrate:down` comes before `-- migrate:up`; put the up section first");
                    }
                    if (down != null) {
                        throw new MigrationFileException(
                                file,
                                line.number,
                                "a second `-- migrate:down` marker (the first is on line " + down.line.number + ")");
                    }
                    down = marker;
                }
            } else if (up == null) {
                String content = line.text.strip();
                if (content.startsWith("--")) {
                    description.add(commentText(content));
                } else if (!content.isEmpty()) {
                    throw new MigrationFileException(
                            file,
                            line.number,
                            "SQL before the `-- migrate:up` marker; everything that runs goes below a marker"
                                    + " (comment lines above it are the description)");
                }
            }
        }
        if (up == null) {
            throw new MigrationFileException(
                    file,
                    0,
                    "has no `-- migrate:up` marker; start the SQL that applies the migration with a line"
                            + " `-- migrate:up` (and the SQL that undoes it with `-- migrate:down`), or name the"
                            + " files NAME.up.sql and NAME.down.sql");
        }
        int upEnd = down == null ? text.length() : down.line.start;
        Section upSection = up.section(file, text, upEnd);
        Section downSection = down == null ? null : down.section(file, text, text.length());
        return new Parsed(joinDescription(description), upSection, downSection, up.squashed);
    }

    /**
     * Reads one file of the paired layout ({@code NAME.up.sql} or {@code NAME.down.sql}): plain SQL,
     * optionally behind its own marker (to give options such as {@code transaction:false}). Leading
     * comment lines of the up file are the description.
     */
    static Parsed paired(Path file, String text, Direction direction) {
        List<Line> lines = lines(text);
        requireContent(file, text);
        List<String> description = new ArrayList<>();
        Marker own = null;
        boolean sqlSeen = false;
        for (Line line : lines) {
            Marker marker = Marker.parse(file, line);
            String content = line.text.strip();
            if (marker != null) {
                if (marker.direction != direction) {
                    throw new MigrationFileException(
                            file,
                            line.number,
                            "a `-- migrate:" + marker.direction.label() + "` marker in a ." + direction.label()
                                    + ".sql file; that section belongs in NAME." + marker.direction.label() + ".sql");
                }
                if (own != null || sqlSeen) {
                    throw new MigrationFileException(
                            file,
                            line.number,
                            "the `-- migrate:" + direction.label() + "` marker may only come first in a paired file,"
                                    + " before any SQL, to give options such as transaction:false");
                }
                own = marker;
            } else if (!sqlSeen && own == null && content.startsWith("--")) {
                description.add(commentText(content));
            } else if (!content.isEmpty()) {
                sqlSeen = true;
            }
        }
        Section section = own != null ? own.section(file, text, text.length()) : new Section(file, text, 1, true);
        String about = direction == Direction.UP ? joinDescription(description) : "";
        return direction == Direction.UP
                ? new Parsed(about, section, null, false)
                : new Parsed(about, null, section, false);
    }

    private static void requireContent(Path file, String text) {
        if (text.isBlank()) {
            throw new MigrationFileException(
                    file,
                    0,
                    "is empty; write its SQL below a `-- migrate:up` line, or delete the file"
                            + " (for a deliberate no-op, leave a comment in it)");
        }
    }

    private static String commentText(String commentLine) {
        String text = commentLine.substring(2);
        return text.startsWith(" ") ? text.substring(1).stripTrailing() : text.stripTrailing();
    }

    private static String joinDescription(List<String> lines) {
        return String.join("\n", lines).strip();
    }

    /** One line of the file: its text without the line break, its number, and where it starts. */
    private record Line(String text, int number, int start, int next) {}

    private static List<Line> lines(String text) {
        List<Line> lines = new ArrayList<>();
        int start = 0;
        int number = 1;
        while (start < text.length()) {
            int newline = text.indexOf('\n', start);
            int end = newline < 0 ? text.length() : newline;
            int next = newline < 0 ? text.length() : newline + 1;
            int contentEnd = end > start && text.charAt(end - 1) == '\r' ? end - 1 : end;
            lines.add(new Line(text.substring(start, contentEnd), number++, start, next));
            start = next;
        }
        return lines;
    }

    /** A marker line and the options it carries. */
    private static final class Marker {
        final Direction direction;
        final boolean transactional;
        final boolean squashed;
        final Line line;

        private Marker(Direction direction, boolean transactional, boolean squashed, Line line) {
            this.direction = direction;
            this.transactional = transactional;
            this.squashed = squashed;
            this.line = line;
        }

        /** The marker on {@code line}, or null if the line is not a marker. */
        static Marker parse(Path file, Line line) {
            String text = line.text.strip();
            if (!text.startsWith("--")) {
                return null; // most lines are SQL: the pattern need not run on them
            }
            String word;
            String options;
            int plain = plainMarkerEnd(text);
            if (plain > 0) {
                word = text.substring(PLAIN_PREFIX.length(), plain);
                options = text.substring(plain).trim();
            } else {
                Matcher matcher = MARKER.matcher(text);
                if (!matcher.matches()) {
                    return null;
                }
                word = matcher.group(1);
                options = matcher.group(2).trim();
            }
            return of(file, line, word, options);
        }

        /**
         * Where the word of a marker written the usual way ends: {@code -- migrate:up} or
         * {@code -- migrate:down}, then the end or a space and options without a line-break character;
         * 0 for any other line, which {@link #MARKER} decides. A pattern run before the JIT has compiled
         * it costs several microseconds, and a project of a thousand migrations has two thousand markers;
         * on these lines the pattern would match, with this word and these options.
         */
        private static int plainMarkerEnd(String text) {
            if (!text.startsWith(PLAIN_PREFIX)) {
                return 0;
            }
            int end = text.startsWith("up", PLAIN_PREFIX.length())
                    ? PLAIN_PREFIX.length() + 2
                    : text.startsWith("down", PLAIN_PREFIX.length()) ? PLAIN_PREFIX.length() + 4 : 0;
            if (end == 0 || end < text.length() && text.charAt(end) != ' ') {
                return 0;
            }
            for (int i = end; i < text.length(); i++) {
                char c = text.charAt(i);
                // What the pattern's "." does not match: a line may hold these, the pattern then fails.
                if (c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
                    return 0;
                }
            }
            return end;
        }

        private static Marker of(Path file, Line line, String written, String options) {
            String word = written.toLowerCase(Locale.ROOT);
            Direction direction;
            if (word.equals("up")) {
                direction = Direction.UP;
            } else if (word.equals("down")) {
                direction = Direction.DOWN;
            } else {
                throw new MigrationFileException(
                        file,
                        line.number,
                        "unknown marker `-- migrate:" + written + "`; the markers are `-- migrate:up` and"
                                + " `-- migrate:down`");
            }
            boolean transactional = true;
            boolean squashed = false;
            // Most markers have no options: String.split would compile its pattern anew for each.
            for (String option : options.isEmpty() ? new String[0] : OPTION_SEPARATOR.split(options)) {
                String normalised = option.toLowerCase(Locale.ROOT);
                if (normalised.equals("transaction:false")) {
                    transactional = false;
                } else if (normalised.equals("squashed") && direction == Direction.UP) {
                    squashed = true;
                } else if (!normalised.equals("transaction:true")) {
                    throw new MigrationFileException(
                            file,
                            line.number,
                            "unknown option `" + option + "` on the marker; the options are transaction:false (run"
                                    + " the section outside a transaction) and, on `-- migrate:up`, squashed (written"
                                    + " by `cairn squash`)");
                }
            }
            return new Marker(direction, transactional, squashed, line);
        }

        /** The section from the line after this marker up to {@code end}. */
        Section section(Path file, String text, int end) {
            return new Section(file, text.substring(line.next, end), line.number + 1, transactional);
        }
    }
}
