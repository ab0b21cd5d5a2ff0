// SPDX-License-Identifier: Apache-2.0
package dev.cairn.maven;

import dev.cairn.Cairn;
import javax.inject.Inject;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * {@code mvn cairn:status}: every migration, applied or pending, with its batch and when it was applied,
 * then the version and the problems (as warnings; status itself never fails on them: {@code validate}
 * does). Reads only.
 */
@Mojo(name = "status", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
public final class StatusMojo extends CairnMojo {

    @Inject
    StatusMojo(SettingsDecrypter settingsDecrypter) {
        super(settingsDecrypter);
    }

    @Override
    void run(Cairn cairn, Report report) {
        report.status(cairn.status());
    }
}
