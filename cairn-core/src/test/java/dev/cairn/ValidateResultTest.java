// SPDX-License-Identifier: Apache-2.0
package dev.cairn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link ValidateResult#requireValid()}: notices pass, every other problem fails, listed. */
class ValidateResultTest {

    private static final Problem NOTICE =
            new Problem(Problem.Kind.DOWN_CHANGED, "1_users", "1_users: its down section was changed");
    private static final Problem EDITED =
            new Problem(Problem.Kind.EDITED, "2_posts", "2_posts.sql: the up section was changed");
    private static final Problem MISSING =
            new Problem(Problem.Kind.MISSING_FILE, "3_tags", "3_tags is applied but its file is gone");

    @Test
    void aResultWithNoticesOnlyIsValidAndReturnsItself() {
        ValidateResult result = new ValidateResult(3, List.of(NOTICE));

        assertThat(result.requireValid()).isSameAs(result);
    }

    @Test
    void everyProblemButTheNoticesIsListedInTheException() {
        ValidateResult result = new ValidateResult(3, List.of(NOTICE, EDITED, MISSING));

        ValidationException e = catchThrowableOfType(ValidationException.class, result::requireValid);

        assertThat(e.problems()).containsExactly(EDITED.message(), MISSING.message());
        assertThat(e.getMessage())
                .startsWith("The migrations and the tracking table disagree (2 problems); `cairn validate` lists"
                        + " them too.")
                .contains(EDITED.message(), MISSING.message())
                .doesNotContain(NOTICE.message());
    }
}
