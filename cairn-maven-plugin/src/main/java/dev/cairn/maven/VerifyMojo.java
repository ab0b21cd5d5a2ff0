// SPDX-License-Identifier: Apache-2.0
package dev.cairn.maven;

import dev.cairn.Cairn;
import dev.cairn.VerifyOptions;
import dev.cairn.VerifyResult;
import java.util.Optional;
import javax.inject.Inject;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * {@code mvn cairn:verify}: proves on a scratch database beside the target (dropped afterwards) that
 * each migration's down undoes its up, and fails the build when one does not, after logging the verdict
 * of every migration and what differs. The target database is never changed.
 */
@Mojo(name = "verify", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
public final class VerifyMojo extends CairnMojo {

    /** Checks the migrations from this version (or full name) on; those before are only applied. */
    @Parameter(property = "cairn.from")
    String from;

    /** Checks only the migrations the target has not applied yet. */
    @Parameter(property = "cairn.pending", defaultValue = "false")
    boolean pending;

    /** Checks the range as a whole: every up, every down newest first, every up again. */
    @Parameter(property = "cairn.roundTrip", defaultValue = "false")
    boolean roundTrip;

    /** Fails on an equivalent or irreversible verdict too: only an exact return passes. */
    @Parameter(property = "cairn.strict", defaultValue = "false")
    boolean strict;

    @Inject
    VerifyMojo(SettingsDecrypter settingsDecrypter) {
        super(settingsDecrypter);
    }

    @Override
    void run(Cairn cairn, Report report) {
        VerifyResult result = cairn.verify(new VerifyOptions(Optional.ofNullable(from), pending, roundTrip));
        report.verifySummary(result, strict);
        result.requirePassed(strict);
    }
}
