// SPDX-License-Identifier: Apache-2.0
package dev.cairn.maven;

import dev.cairn.Cairn;
import dev.cairn.RollbackResult;
import javax.inject.Inject;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * {@code mvn cairn:rollback}: undoes the newest batch; with {@link #to}, every migration after a
 * version; with {@link #toBatch}, every batch after that one; with {@link #all}, everything. At most one
 * of the three may be given.
 */
@Mojo(name = "rollback", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
public final class RollbackMojo extends CairnMojo {

    /** Undoes every migration applied after this version (or full name); it stays applied. */
    @Parameter(property = "cairn.to")
    String to;

    /** Undoes every batch newer than this one; 0 undoes everything. */
    @Parameter(property = "cairn.toBatch")
    Integer toBatch;

    /** Undoes every applied migration. */
    @Parameter(property = "cairn.all", defaultValue = "false")
    boolean all;

    @Inject
    RollbackMojo(SettingsDecrypter settingsDecrypter) {
        super(settingsDecrypter);
    }

    @Override
    void run(Cairn cairn, Report report) throws MojoExecutionException {
        int given = (to != null ? 1 : 0) + (toBatch != null ? 1 : 0) + (all ? 1 : 0);
        if (given > 1) {
            throw new MojoExecutionException("Give at most one of <to> (cairn.to), <toBatch> (cairn.toBatch) and"
                    + " <all> (cairn.all): they are different rollbacks.");
        }
        RollbackResult result;
        if (to != null) {
            result = cairn.rollbackTo(to);
        } else if (toBatch != null) {
            result = cairn.rollbackToBatch(toBatch);
        } else if (all) {
            result = cairn.rollbackAll();
        } else {
            result = cairn.rollback();
        }
        report.rolledBack(result);
    }
}
