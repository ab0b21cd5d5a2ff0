// SPDX-License-Identifier: Apache-2.0
package dev.cairn.internal.schema;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import java.util.ArrayList;
import java.util.List;

/**
 * A readable line diff of two long SQL texts (a view's definition, a routine's body) that a snapshot
 * holds on one line: each text is first cut into the lines a person would write ({@link SqlLines}),
 * then the lines are diffed, and the changes are shown as {@code - old}, {@code + new} and
 * {@code   context} lines, two lines of context around each change and {@code   ...} between changes
 * that are further apart. Without this, a changed condition in a 2,000-character view is two
 * 2,000-character lines that a reader has to compare by eye.
 */
public final class DefinitionDiff {

    /** Texts up to this long are shown whole: a diff of them would say no more. */
    static final int LONG = 80;

    private static final int CONTEXT = 2;

    private DefinitionDiff() {}

    /**
     * The diff lines from {@code before} to {@code after}; empty when either is absent or both are
     * short (at most {@value #LONG} characters).
     */
    public static List<String> of(String before, String after) {
        if (before == null || after == null || before.length() <= LONG && after.length() <= LONG) {
            return List.of();
        }
        List<Line> lines = compared(SqlLines.of(before), SqlLines.of(after));
        if (lines.stream().allMatch(line -> line.mark() == ' ')) {
            // The texts differ only where the lines are trimmed: the whole texts are the clearest view.
            return List.of("- " + before, "+ " + after);
        }
        return shown(lines);
    }

    /** Both texts' lines in one sequence, each marked unchanged ({@code ' '}), removed or added. */
    private static List<Line> compared(List<String> before, List<String> after) {
        List<Line> lines = new ArrayList<>();
        int next = 0;
        for (AbstractDelta<String> delta : DiffUtils.diff(before, after).getDeltas()) {
            for (; next < delta.getSource().getPosition(); next++) {
                lines.add(new Line(' ', before.get(next)));
            }
            delta.getSource().getLines().forEach(text -> lines.add(new Line('-', text)));
            delta.getTarget().getLines().forEach(text -> lines.add(new Line('+', text)));
            next += delta.getSource().size();
        }
        for (; next < before.size(); next++) {
            lines.add(new Line(' ', before.get(next)));
        }
        return lines;
    }

    /** The changed lines with their context, and {@code   ...} where unchanged lines are left out between. */
    private static List<String> shown(List<Line> lines) {
        List<String> shown = new ArrayList<>();
        int last = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (nearAChange(lines, i)) {
                if (last >= 0 && i > last + 1) {
                    shown.add("  ...");
                }
                shown.add(lines.get(i).mark() + " " + lines.get(i).text());
                last = i;
            }
        }
        return shown;
    }

    private static boolean nearAChange(List<Line> lines, int index) {
        for (int i = Math.max(0, index - CONTEXT); i <= Math.min(lines.size() - 1, index + CONTEXT); i++) {
            if (lines.get(i).mark() != ' ') {
                return true;
            }
        }
        return false;
    }

    private record Line(char mark, String text) {}
}
