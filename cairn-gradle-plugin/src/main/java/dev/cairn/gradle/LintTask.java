// SPDX-License-Identifier: Apache-2.0
package dev.cairn.gradle;

import dev.cairn.Cairn;
import dev.cairn.LintOptions;
import dev.cairn.LintResult;
import dev.cairn.LintRule;
import java.nio.file.Path;
import java.util.List;
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
        for (LintResult.Line line : result.lines(project)) {
            if (line.level() == LintRule.Level.ERROR) {
                log.error(line.text());
            } else {
                log.warn(line.text());
            }
        }
        log.lifecycle(result.summary("cairnLint --all"));
    }
}
