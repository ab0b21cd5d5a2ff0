// SPDX-License-Identifier: Apache-2.0
package dev.cairn.gradle;

import dev.cairn.Cairn;
import dev.cairn.LintFinding;
import dev.cairn.LintOptions;
import dev.cairn.LintResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.gradle.api.GradleException;
import org.gradle.api.logging.Logger;
import org.gradle.api.provider.ListProperty;
import org.gradle.api.provider.Property;
import org.gradle.api.tasks.Internal;
import org.gradle.api.tasks.options.Option;

/**
 * {@code cairnLint}: the statements of the pending migrations (or {@code --all}, or the {@code --file}s)
 * that are risky on a live database, by the rules of the target's database, as {@code cairn lint} prints
 * them: each at its file and line, with the rule's why and fix at its first finding. A finding at error
 * level fails the build. Runs nothing and changes nothing.
 */
public abstract class LintTask extends CairnTask {

    /** Creates the task; Gradle does. */
    public LintTask() {}

    /** Lint every migration, applied or not; needs no database when the URL names it. */
    @Internal
    @Option(option = "all", description = "Lint every migration, applied or not (no database needed).")
    public abstract Property<Boolean> getAll();

    /** Lint only the migrations in these files, relative to the project directory. */
    @Internal
    @Option(option = "file", description = "Lint only this migration file (repeat for more).")
    public abstract ListProperty<String> getFiles();

    @Override
    void run(Cairn cairn) {
        boolean all = getAll().getOrElse(false);
        List<String> files = getFiles().getOrElse(List.of());
        if (all && !files.isEmpty()) {
            throw new GradleException("cairnLint takes either --file or --all, not both.");
        }
        Path project = getWorkingDirectory().get().getAsFile().toPath();
        LintResult result =
                cairn.lint(new LintOptions(files.stream().map(project::resolve).toList(), all));
        log(result, project, getLogger());
        result.requirePassed();
    }

    /**
     * Writes {@code result} to {@code log}: errors at error level and warnings at warning level (which a
     * build shows by default), files relative to {@code project}, then the totals.
     */
    static void log(LintResult result, Path project, Logger log) {
        Set<String> explained = new HashSet<>();
        for (LintFinding finding : result.findings()) {
            List<String> lines = new ArrayList<>();
            lines.add(display(finding.file(), project) + ":" + finding.line() + ": "
                    + finding.level().label() + " " + finding.rule().id());
            lines.add("  " + finding.message());
            if (explained.add(finding.rule().id())) {
                lines.add("  why: " + finding.rule().why());
                lines.add("  fix: " + finding.rule().fix());
            }
            for (String line : lines) {
                if (finding.isError()) {
                    log.error(line);
                } else {
                    log.warn(line);
                }
            }
        }
        if (result.linted() == 0) {
            log.lifecycle("No migrations to lint (none pending): cairnLint --all reads every migration.");
        } else if (result.findings().isEmpty()) {
            log.lifecycle("Linted {} migration(s) with the {} rules: no findings.", result.linted(), result.database());
        } else {
            log.lifecycle(
                    "Linted {} migration(s) with the {} rules: {}.",
                    result.linted(),
                    result.database(),
                    result.counts());
        }
    }

    private static String display(Path file, Path project) {
        Path base = project.toAbsolutePath().normalize();
        Path absolute = base.resolve(file).normalize();
        return absolute.startsWith(base) && !absolute.equals(base)
                ? base.relativize(absolute).toString()
                : absolute.toString();
    }
}
