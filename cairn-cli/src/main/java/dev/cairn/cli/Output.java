// SPDX-License-Identifier: Apache-2.0
package dev.cairn.cli;

import dev.cairn.BaselineResult;
import dev.cairn.Cairn;
import dev.cairn.FileImportResult;
import dev.cairn.ImportResult;
import dev.cairn.LintResult;
import dev.cairn.LintRule;
import dev.cairn.MigrateResult;
import dev.cairn.MigrationListener;
import dev.cairn.Plan;
import dev.cairn.Problem;
import dev.cairn.RepairResult;
import dev.cairn.RollbackResult;
import dev.cairn.SchemaSnapshot;
import dev.cairn.SeedResult;
import dev.cairn.ServerInfo;
import dev.cairn.SquashResult;
import dev.cairn.Status;
import dev.cairn.ValidateResult;
import dev.cairn.VerifyResult;
import java.nio.file.Path;
import java.util.List;

/**
 * What a command shows the user. Two implementations: {@link HumanOutput} (text, with progress as it
 * happens) and {@link JsonOutput} (one JSON document on stdout). A command calls exactly one of the
 * result methods, or {@link #failed} when it fails; diagnostics always go to stderr.
 */
interface Output {

    /** The listener to give the {@link Cairn}, which reports progress while a change runs. */
    MigrationListener listener();

    /** The command will work on {@code cairn}'s environment and target; called once it is loaded. */
    void using(Cairn cairn);

    /** {@code migrate} or {@code up} finished. */
    void migrated(MigrateResult result);

    /** {@code rollback} or {@code down} finished. */
    void rolledBack(RollbackResult result);

    /**
     * {@code validate} found no problem, but for its notices (see {@link Problem#isNotice()}), which
     * fail nothing.
     */
    void validated(ValidateResult result);

    /** {@code seed run} ran {@code result}'s seeds. */
    void seeded(SeedResult result);

    /** {@code verify} found {@code result}; {@code strict} is how it is judged ({@code --strict}). */
    void verified(VerifyResult result, boolean strict);

    /** {@code schema} read {@code schema}. */
    void schema(SchemaSnapshot schema);

    /** {@code unlock} found the lock free; {@code message} says so. */
    void unlocked(String message);

    /** {@code repair} finished. */
    void repaired(RepairResult result);

    /** {@code baseline} recorded {@code result}'s migrations. */
    void baselined(BaselineResult result);

    /** {@code import TOOL} recorded (or, on a dry run, would record) another tool's history. */
    void imported(ImportResult result);

    /** {@code import flyway --files} converted (or, on a dry run, would convert) Flyway's files. */
    void converted(FileImportResult result);

    /** {@code validate --lint}: no problems, and what lint found in the pending migrations. */
    default void validated(ValidateResult result, LintResult lint) {
        validated(result);
        linted(lint);
    }

    /** {@code lint} read the migrations: the findings, each with its rule's why and fix. */
    void linted(LintResult result);

    /** {@code lint --rules}: the rules that are on, with their levels. */
    void lintRules(List<LintRule> rules);

    /** {@code squash} wrote (or, on a dry run, would write) one migration in place of many. */
    void squashed(SquashResult result);

    /** A dry run worked out {@code plan}; nothing was changed. */
    void dryRun(Plan plan);

    /** {@code status} read where the database stands. */
    void status(Status status);

    /** {@code ping} reached the server. */
    void pinged(ServerInfo server);

    /** {@code make} wrote {@code file}. */
    void made(Path file);

    /**
     * {@code init} wrote the configuration file and the directories.
     *
     * @param created what did not exist and was created
     * @param kept what existed already and was left as it was (directories, a {@code .gitignore} that
     *     ignores what it should)
     * @param updated files that existed and were added to (a {@code .gitignore})
     */
    void initialized(List<Path> created, List<Path> kept, List<Path> updated);

    /**
     * {@code --version}: this build of Cairn, {@code cairn}, made from git commit {@code commit} (null
     * when the build did not know it), runs on Java {@code java}.
     */
    void version(String cairn, String commit, String java);

    /** The command failed; {@code failure}'s message is already on stderr. */
    void failed(Failure failure);
}
