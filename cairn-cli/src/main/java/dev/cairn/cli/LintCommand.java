// SPDX-License-Identifier: Apache-2.0
package dev.cairn.cli;

import static dev.cairn.cli.Specs.flag;
import static dev.cairn.cli.Specs.option;
import static dev.cairn.cli.Specs.parameters;

import dev.cairn.Cairn;
import dev.cairn.ConfigurationException;
import dev.cairn.LintOptions;
import dev.cairn.LintResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code cairn lint [FILE…] [--all] [--format text|json|sarif]}: the risky statements of the pending
 * migrations (or all, or the files named), each with its file, line, rule, why and the safer way. Exits
 * with 1 when a rule at error level fires.
 */
final class LintCommand extends DatabaseCommand {

    /** The output formats. */
    enum Format {
        text,
        json,
        sarif
    }

    List<Path> files = new ArrayList<>();
    boolean all;
    Format format;
    boolean observe;
    boolean rules;

    LintCommand(Invocation invocation) {
        super(invocation);
    }

    @Override
    public CommandSpec spec() {
        return Specs.command(
                        this,
                        "lint",
                        "Warn about statements that are risky on a live database before they run: an index built"
                                + " without CONCURRENTLY, a constraint validated under a lock, a table rewrite, a"
                                + " rename or drop the running application still uses, an up that destroys data its"
                                + " down cannot give back. Reads the pending migrations (or --all, or the FILEs);"
                                + " exits with 1 when a rule at error level fires.")
                .addPositional(parameters(Path.class, "0..*", () -> files, value -> files = value)
                        .paramLabel("FILE")
                        .description("Lint only these migration files.")
                        .build())
                .addOption(flag(() -> all, value -> all = value, "--all")
                        .description("Lint every migration, applied or not (no database needed).")
                        .build())
                .addOption(option(Format.class, () -> format, value -> format = value, "--format")
                        .paramLabel("FORMAT")
                        .description("text (the default), json (as --json), or sarif (SARIF 2.1.0, for code-scanning"
                                + " tools).")
                        .build())
                .addOption(flag(() -> observe, value -> observe = value, "--observe")
                        .description(
                                "Also run the migrations on a scratch database beside the target (as verify does) and"
                                        + " report what each statement locked and rewrote, or which ALTER algorithm"
                                        + " the server took, biggest table in the target first. PostgreSQL, MySQL and"
                                        + " MariaDB.")
                        .build())
                .addOption(flag(() -> rules, value -> rules = value, "--rules")
                        .description("List the rules of the database, with their levels, and lint nothing.")
                        .build());
    }

    /** Once for a fleet: it reads the files, which every target shares. */
    @Override
    boolean perTarget() {
        return false;
    }

    @Override
    void run(Cairn cairn, Output output) {
        if (format == Format.sarif && invocation.options.json) {
            throw new ConfigurationException("--json and --format sarif both choose the output; give one.");
        }
        if (all && !files.isEmpty()) {
            throw new ConfigurationException("Give lint either FILEs or --all, not both.");
        }
        if (rules) {
            output.lintRules(cairn.lintRules());
            return;
        }
        List<Path> resolved =
                files.stream().map(invocation.workingDirectory::resolve).toList();
        LintResult result = cairn.lint(new LintOptions(resolved, all, observe));
        if (format == Format.sarif) {
            // Files are named relative to the working directory: the checkout's root, where a CI job runs
            // cairn, so that code scanning finds them in the repository.
            invocation.out.print(result.toSarif(invocation.workingDirectory, Version.number()));
            invocation.out.flush();
        } else if (format == Format.json && !invocation.options.json) {
            JsonOutput json = new JsonOutput(invocation);
            json.using(cairn);
            json.linted(result);
        } else {
            output.linted(result);
        }
        result.requirePassed();
    }
}
