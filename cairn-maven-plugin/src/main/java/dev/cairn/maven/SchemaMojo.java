// SPDX-License-Identifier: Apache-2.0
package dev.cairn.maven;

import dev.cairn.Cairn;
import java.io.File;
import javax.inject.Inject;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * {@code mvn cairn:schema}: the database's schema, normalised and sorted, one object per line, as
 * {@code cairn schema} prints it: to the log, or to {@link #outputFile} for review and diffs. Reads only.
 */
@Mojo(name = "schema", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
public final class SchemaMojo extends CairnMojo {

    /** Writes the schema to this file instead of the log. */
    @Parameter(property = "cairn.outputFile")
    File outputFile;

    @Inject
    SchemaMojo(SettingsDecrypter settingsDecrypter) {
        super(settingsDecrypter);
    }

    @Override
    void run(Cairn cairn, Report report) throws MojoExecutionException {
        String text = cairn.schema().text();
        if (outputFile != null) {
            write(outputFile, text);
            getLog().info("Wrote the schema of " + cairn.environmentName() + " to " + outputFile + ".");
        } else {
            text.lines().forEach(getLog()::info);
        }
    }
}
