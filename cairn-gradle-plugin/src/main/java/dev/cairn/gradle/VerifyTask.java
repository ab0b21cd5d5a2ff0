// SPDX-License-Identifier: Apache-2.0
package dev.cairn.gradle;

import dev.cairn.Cairn;
import dev.cairn.VerifyOptions;
import dev.cairn.VerifyResult;
import java.util.Optional;
import org.gradle.api.provider.Property;
import org.gradle.api.tasks.Internal;
import org.gradle.api.tasks.options.Option;

/**
 * {@code cairnVerify}: applies each migration on a scratch database, rolls it back and compares the
 * schema; fails the build, naming the migrations, when a down does not restore it. The target
 * database is never changed.
 */
public abstract class VerifyTask extends CairnTask {

    /** Creates the task; Gradle does. */
    public VerifyTask() {}

    /** Check the migrations from this version on; those before are only applied. */
    @Internal
    @Option(option = "from", description = "Check the migrations from this version on.")
    public abstract Property<String> getFrom();

    /** Check only the migrations the target has not applied yet. */
    @Internal
    @Option(option = "pending", description = "Check only the migrations the database has not applied.")
    public abstract Property<Boolean> getPending();

    /** Check the range as a whole: every up, every down newest first, every up again. */
    @Internal
    @Option(option = "round-trip", description = "Check the range as a whole instead of each migration.")
    public abstract Property<Boolean> getRoundTrip();

    /** Also fail on downs that restore an equivalent but not identical schema. */
    @Internal
    @Option(option = "strict", description = "Fail unless every down restores the schema exactly.")
    public abstract Property<Boolean> getStrict();

    @Override
    void run(Cairn cairn) {
        VerifyResult result = cairn.verify(new VerifyOptions(
                Optional.ofNullable(getFrom().getOrNull()),
                getPending().getOrElse(false),
                getRoundTrip().getOrElse(false)));
        for (VerifyResult.Checked checked : result.migrations()) {
            getLogger()
                    .lifecycle(
                            "  {} {}", String.format("%-12s", checked.verdict().label()), checked.name());
        }
        result.requirePassed(getStrict().getOrElse(false));
        getLogger()
                .lifecycle("{} migration(s) proven on {}", result.migrations().size(), result.scratch());
    }
}
