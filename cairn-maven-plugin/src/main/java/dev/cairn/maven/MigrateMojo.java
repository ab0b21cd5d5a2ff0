// SPDX-License-Identifier: Apache-2.0
package dev.cairn.maven;

import dev.cairn.Cairn;
import dev.cairn.Operation;
import javax.inject.Inject;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * {@code mvn cairn:migrate}: applies every pending migration as one batch (or those up to {@link #target}).
 * A failing migration fails the build with Cairn's message: the file and line, and what stays applied.
 */
@Mojo(
        name = "migrate",
        defaultPhase = LifecyclePhase.PROCESS_CLASSES,
        requiresDependencyResolution = ResolutionScope.RUNTIME,
        threadSafe = true)
public final class MigrateMojo extends CairnMojo {

    /** Applies the pending migrations up to and including this version (or full name) only. */
    @Parameter(property = "cairn.target")
    String target;

    /** Also applies pending migrations older than the newest applied one (as merged from another branch). */
    @Parameter(property = "cairn.allowOutOfOrder", defaultValue = "false")
    boolean allowOutOfOrder;

    @Inject
    MigrateMojo(SettingsDecrypter settingsDecrypter) {
        super(settingsDecrypter);
    }

    @Override
    void run(Cairn cairn, Report report) {
        Operation operation = target != null ? Operation.migrateTo(target) : Operation.migrate();
        report.migrated(cairn.migrate(allowOutOfOrder ? operation.allowingOutOfOrder() : operation));
    }
}
