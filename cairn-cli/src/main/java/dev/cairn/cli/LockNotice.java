// SPDX-License-Identifier: Apache-2.0
package dev.cairn.cli;

import dev.cairn.LintResult;
import dev.cairn.MigrationListener;
import dev.cairn.MigrationRun;
import dev.cairn.Plan;
import dev.cairn.VerifyResult;
import java.io.PrintStream;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * Says on stderr, in human and JSON mode alike, that the run waits for another runner's lock and
 * who holds it, so a waiting deploy never looks hung; everything else goes to the output's own
 * listener.
 */
final class LockNotice implements MigrationListener {

    private final MigrationListener progress;
    private final Consumer<String> say;

    LockNotice(MigrationListener progress, PrintStream err) {
        this(progress, line -> {
            err.println(line);
            err.flush();
        });
    }

    /** Tells each notice, a line, to {@code say}: a fleet's run prints it at once, with the target's name. */
    LockNotice(MigrationListener progress, Consumer<String> say) {
        this.progress = progress;
        this.say = say;
    }

    @Override
    public void waitingForLock(String holder) {
        say.accept(MigrationListener.lockWaitNotice(Terminal.printable(holder)));
    }

    @Override
    public void waitingForWriter(String situation) {
        say.accept(situation + " ...");
    }

    @Override
    public void planned(Plan plan) {
        progress.planned(plan);
    }

    @Override
    public void lockTimedOut(
            Plan.Migration migration, int statement, Duration timeout, int attempt, int attempts, Duration pause) {
        say.accept("Statement " + statement + " of " + Terminal.printable(migration.name()) + " waited "
                + HumanOutput.millis(timeout) + " for a table lock that another session holds (lock-timeout-ddl), and"
                + " gave up; nothing of it took effect. Trying again in " + HumanOutput.millis(pause) + " (attempt "
                + (attempt + 1) + " of " + attempts + ").");
        progress.lockTimedOut(migration, statement, timeout, attempt, attempts, pause);
    }

    @Override
    public void linted(LintResult result) {
        progress.linted(result);
    }

    @Override
    public void migrationStarting(Plan.Migration migration) {
        progress.migrationStarting(migration);
    }

    @Override
    public void statementStarting(Plan.Migration migration, int number) {
        progress.statementStarting(migration, number);
    }

    @Override
    public void migrationFinished(MigrationRun run) {
        progress.migrationFinished(run);
    }

    @Override
    public void verified(VerifyResult.Checked checked) {
        progress.verified(checked);
    }
}
