// SPDX-License-Identifier: Apache-2.0
package dev.cairn.cli;

import static dev.cairn.cli.Specs.flag;

import dev.cairn.Cairn;
import dev.cairn.LintResult;
import dev.cairn.ValidateResult;
import dev.cairn.ValidationException;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code cairn validate}: every disagreement between the files and the tracking table. With
 * problems it fails like a refused change (exit 1, each problem listed), so that CI can run it
 * before a deploy; notices (a down section changed since it was applied) are listed and fail nothing.
 */
final class ValidateCommand extends DatabaseCommand {

    boolean lint;

    ValidateCommand(Invocation invocation) {
        super(invocation);
    }

    @Override
    public CommandSpec spec() {
        return Specs.command(
                        this,
                        "validate",
                        "Check the files against the tracking table: edited, missing, incomplete, out of order,"
                                + " duplicate versions, unparseable files. Exit 1 if there is any problem.")
                .addOption(flag(() -> lint, value -> lint = value, "--lint")
                        .description(
                                "Also lint the pending migrations (as cairn lint does): exit 1 when a rule at error"
                                        + " level fires.")
                        .build());
    }

    @Override
    void run(Cairn cairn, Output output) {
        ValidateResult result = cairn.validate();
        // On stderr in both modes, as the notice of a waiting runner: stdout keeps its one document.
        result.lockHolder()
                .ifPresent(holder -> invocation.err.println("Note: a runner holds the migration lock and is changing"
                        + " the database now (" + holder + "); what validate read may be out of date when it has"
                        + " finished."));
        if (!result.isValid()) {
            List<String> problems = new ArrayList<>();
            result.problems().stream()
                    .filter(problem -> !problem.isNotice())
                    .forEach(problem -> problems.add(problem.message()));
            result.notices().forEach(notice -> problems.add(HumanOutput.NOTICE + notice.message()));
            throw new ValidationException(
                    "Validation found "
                            + HumanOutput.count(
                                    result.problems().size() - result.notices().size(), "problem")
                            + " in the migration files and the tracking table.",
                    problems);
        }
        if (!lint) {
            output.validated(result);
            return;
        }
        LintResult linted = cairn.lint();
        output.validated(result, linted);
        linted.requirePassed();
    }
}
