// SPDX-License-Identifier: Apache-2.0
package dev.cairn;

import java.util.Objects;
import java.util.Optional;

/**
 * What {@link Cairn#verify(VerifyOptions)} checks: which migrations, and whether each on its own or
 * the range as a whole.
 *
 * @param from check the migrations from this version (or full name) on; those before are only
 *     applied. Empty: from the first.
 * @param pendingOnly check only the migrations the target has not applied yet; the applied ones are
 *     only applied
 * @param roundTrip check the range as a whole (every up, every down newest first, every up again)
 *     instead of each migration on its own
 */
public record VerifyOptions(Optional<String> from, boolean pendingOnly, boolean roundTrip) {

    /**
     * Creates the options.
     *
     * @throws ConfigurationException if both {@code from} and {@code pendingOnly} are given
     */
    public VerifyOptions {
        Objects.requireNonNull(from, "from");
        if (from.isPresent() && pendingOnly) {
            throw new ConfigurationException("Give verify a version to start from or ask for the pending migrations,"
                    + " not both (startingAt or onlyPending; in the cairn tool, --from or --pending).");
        }
    }

    /** Every migration, each on its own: what {@code cairn verify} does. */
    public static VerifyOptions all() {
        return new VerifyOptions(Optional.empty(), false, false);
    }

    /** These options, checking the migrations from {@code version} (a version or a full name) on. */
    public VerifyOptions startingAt(String version) {
        return new VerifyOptions(Optional.of(version), pendingOnly, roundTrip);
    }

    /** These options, checking only the migrations the target has not applied yet. */
    public VerifyOptions onlyPending() {
        return new VerifyOptions(from, true, roundTrip);
    }

    /** These options, checking the range as a whole (a full rollback and migrate again). */
    public VerifyOptions asRoundTrip() {
        return new VerifyOptions(from, pendingOnly, true);
    }
}
