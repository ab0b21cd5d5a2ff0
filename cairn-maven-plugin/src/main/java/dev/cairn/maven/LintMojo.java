// SPDX-License-Identifier: Apache-2.0
package dev.cairn.maven;

import dev.cairn.Cairn;
import dev.cairn.LintOptions;
import dev.cairn.LintResult;
import dev.cairn.ValidationException;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import javax.inject.Inject;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * {@code mvn cairn:lint}: the statements of the pending migrations (or {@link #all}, or the {@link #files})
 * that are risky on a live database, by the rules of the target's database, as {@code cairn lint} finds
 * them: in the log ({@code text}), or as a SARIF file for code scanning ({@code sarif}). A finding at error
 * level fails the build; with {@link #failOnWarning}, a warning does too. Runs nothing and changes nothing.
 */
@Mojo(name = "lint", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
public final class LintMojo extends CairnMojo {

    /**
     * Lints every migration, applied or not, which needs no database when the URL names it (SQLite, H2);
     * false lints only those the target has not applied, which reads its tracking table.
     */
    @Parameter(property = "cairn.lint.all", defaultValue = "false")
    boolean all;

    /**
     * Lints only the migrations in these files (relative to the project's directory); needs no database
     * when the URL names it. As a property, comma-separated.
     */
    @Parameter(property = "cairn.lint.files")
    List<File> files;

    /** {@code text}: the findings in the log; {@code sarif}: a SARIF 2.1.0 log in {@link #sarifFile}. */
    @Parameter(property = "cairn.lint.format", defaultValue = "text")
    String format;

    /** Where the {@code sarif} format writes its log. */
    @Parameter(property = "cairn.lint.sarifFile", defaultValue = "${project.build.directory}/cairn-lint.sarif")
    File sarifFile;

    /** Fails the build on a finding at warning level too. */
    @Parameter(property = "cairn.lint.failOnWarning", defaultValue = "false")
    boolean failOnWarning;

    /** The plugin's version, which the SARIF log gives as its tool's. */
    @Parameter(defaultValue = "${plugin.version}", readonly = true)
    String pluginVersion;

    @Inject
    LintMojo(SettingsDecrypter settingsDecrypter) {
        super(settingsDecrypter);
    }

    @Override
    void run(Cairn cairn, Report report) throws MojoExecutionException {
        // Where mvn was run: the checkout's root in a CI job, so that the SARIF log's relative paths are
        // the repository's (what code scanning needs), and the log's paths open from that terminal.
        lint(cairn, report, Path.of(session.getExecutionRootDirectory()));
    }

    /** {@link #run} with the directory that files are named relative to. */
    void lint(Cairn cairn, Report report, Path root) throws MojoExecutionException {
        boolean sarif = "sarif".equals(format);
        if (!sarif && !"text".equals(format)) {
            throw new MojoExecutionException("<format> (cairn.lint.format) is text or sarif, not '" + format + "'.");
        }
        List<File> named = files == null ? List.of() : files;
        if (all && !named.isEmpty()) {
            throw new MojoExecutionException(
                    "Give cairn:lint either <files> (cairn.lint.files) or <all> (cairn.lint.all), not both.");
        }
        Path basedir = project.getBasedir().toPath();
        List<Path> paths =
                named.stream().map(file -> basedir.resolve(file.toPath())).toList();
        LintResult result = cairn.lint(new LintOptions(paths, all));
        if (sarif) {
            write(sarifFile, result.toSarif(root, pluginVersion));
            getLog().info("Wrote the SARIF log of "
                    + Report.count(result.findings().size(), "finding") + " to " + sarifFile + ".");
            report.lintSummary(result);
        } else {
            report.linted(result, root);
        }
        result.requirePassed();
        if (failOnWarning && result.warnings() > 0) {
            List<String> warnings = result.findings().stream()
                    // Named as requirePassed names the errors: by file name, line and rule.
                    .map(finding -> finding.file().getFileName() + ":" + finding.line() + " "
                            + finding.rule().id() + ": " + finding.message())
                    .toList();
            throw new ValidationException(
                    "lint found " + Report.count(warnings.size(), "warning") + " in the " + result.database()
                            + " migrations, and failOnWarning is set; fix each statement as its rule says, or"
                            + " silence a deliberate one with -- cairn:lint-ignore RULE on the line above it",
                    warnings);
        }
    }
}
