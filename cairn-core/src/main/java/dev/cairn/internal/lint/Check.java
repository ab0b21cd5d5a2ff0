// SPDX-License-Identifier: Apache-2.0
package dev.cairn.internal.lint;

import dev.cairn.internal.sql.Statement;

/**
 * What one rule looks at: each statement of an up section, with what the migrations before it made,
 * or each migration as a whole (its up against its down). A check reports through the {@link Report}
 * it is given, which is bound to its rule; whether a report becomes a finding (the rule is on, not
 * silenced) is the linter's to decide.
 */
interface Check {

    /** Checks one statement of an up section, before the statement's own effects are in the scope. */
    default void statement(StatementContext context, Report report) {}

    /** Checks one migration once all of its up has been read. */
    default void migration(MigrationContext context, Report report) {}

    /** Where a check reports: at a statement, at a line of the file, with a message naming what it does. */
    @FunctionalInterface
    interface Report {
        void at(Statement statement, int line, String message);
    }

    /** A check of statements. */
    @FunctionalInterface
    interface OfStatement {
        void check(StatementContext context, Report report);
    }

    /** A check of whole migrations. */
    @FunctionalInterface
    interface OfMigration {
        void check(MigrationContext context, Report report);
    }

    static Check statements(OfStatement check) {
        return new Check() {
            @Override
            public void statement(StatementContext context, Report report) {
                check.check(context, report);
            }
        };
    }

    static Check migrations(OfMigration check) {
        return new Check() {
            @Override
            public void migration(MigrationContext context, Report report) {
                check.check(context, report);
            }
        };
    }

    /** A rule that no check fires: the linter reports it itself. */
    Check NONE = new Check() {};
}
