// SPDX-License-Identifier: Apache-2.0
package dev.cairn;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A request was refused before anything was changed, because carrying it out would be unsafe: a
 * migration to roll back is irreversible (it has no {@code -- migrate:down}), or its file is gone.
 * {@link #problems()} lists every migration at fault, not only the first.
 */
public final class ValidationException extends CairnException {

    private static final long serialVersionUID = 1L;

    // ArrayList, not List: the field of a serializable exception must have a serializable type.
    private final ArrayList<String> problems;

    /**
     * Creates the exception.
     *
     * @param summary one sentence that says what was refused and what to do next
     * @param problems one line per migration at fault
     */
    public ValidationException(String summary, List<String> problems) {
        super(render(summary, problems), null);
        this.problems = new ArrayList<>(problems);
    }

    /** One line per migration at fault. */
    public List<String> problems() {
        return Collections.unmodifiableList(problems);
    }

    private static String render(String summary, List<String> problems) {
        StringBuilder text = new StringBuilder(summary);
        for (String problem : problems) {
            text.append(System.lineSeparator()).append("  - ").append(problem);
        }
        return text.toString();
    }
}
