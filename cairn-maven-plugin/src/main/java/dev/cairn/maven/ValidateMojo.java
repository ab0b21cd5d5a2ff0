// SPDX-License-Identifier: Apache-2.0
package dev.cairn.maven;

import dev.cairn.Cairn;
import dev.cairn.Problem;
import dev.cairn.ValidateResult;
import dev.cairn.ValidationException;
import java.util.ArrayList;
import java.util.List;
import javax.inject.Inject;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * {@code mvn cairn:validate}: checks the migration files against the tracking table (edited, missing,
 * incomplete, out of order, duplicate versions, unparseable files) and fails the build on any problem,
 * listing them all. Notices (a down section changed since it was applied) are logged and fail nothing.
 */
@Mojo(name = "validate", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
public final class ValidateMojo extends CairnMojo {

    @Inject
    ValidateMojo(SettingsDecrypter settingsDecrypter) {
        super(settingsDecrypter);
    }

    @Override
    void run(Cairn cairn, Report report) {
        ValidateResult result = cairn.validate();
        if (!result.isValid()) {
            List<String> problems = new ArrayList<>();
            result.problems().stream()
                    .filter(problem -> !problem.isNotice())
                    .map(Problem::message)
                    .forEach(problems::add);
            result.notices().forEach(notice -> problems.add(Report.NOTICE + notice.message()));
            // The same failure as the cairn tool's validate, so the build fails with every problem listed.
            throw new ValidationException(
                    "Validation found "
                            + Report.count(
                                    result.problems().size() - result.notices().size(), "problem")
                            + " in the migration files and the tracking table.",
                    problems);
        }
        report.validated(result);
    }
}
