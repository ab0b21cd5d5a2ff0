// SPDX-License-Identifier: Apache-2.0
package dev.cairn.cli;

import static dev.cairn.cli.Specs.flag;
import static dev.cairn.cli.Specs.option;
import static dev.cairn.cli.Specs.parameter;

import dev.cairn.Cairn;
import dev.cairn.ConfigurationException;
import dev.cairn.ImportOptions;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code cairn import knex|flyway|liquibase}: adopts another tool's history, matching its entries to
 * the migration files and recording them as applied; {@code import flyway --files DIR} converts a
 * Flyway project's SQL files into Cairn's instead, touching no database.
 */
final class ImportCommand extends DatabaseCommand {

    String tool;
    String table;
    String schema;
    boolean allowUnmatched;
    boolean dryRun;
    Path files;

    ImportCommand(Invocation invocation) {
        super(invocation);
    }

    @Override
    public CommandSpec spec() {
        return Specs.command(
                        this,
                        "import",
                        "Adopt another tool's history: match each entry of knex_migrations, flyway_schema_history or"
                                + " DATABASECHANGELOG to a migration file and record it as applied (keeping batches"
                                + " and times), running none. Nothing is written unless every entry matches. With"
                                + " --files (flyway only): convert Flyway's V/U SQL files into Cairn's migration"
                                + " files instead.")
                .addPositional(parameter(String.class, () -> tool, value -> tool = value)
                        .paramLabel("TOOL")
                        .description("knex, flyway or liquibase.")
                        .build())
                .addOption(option(String.class, () -> table, value -> table = value, "--table")
                        .paramLabel("NAME")
                        .description(
                                "The tool's history table, if not its default (knex_migrations, flyway_schema_history,"
                                        + " DATABASECHANGELOG; found in any letter case).")
                        .build())
                .addOption(option(String.class, () -> schema, value -> schema = value, "--schema")
                        .paramLabel("NAME")
                        .description(
                                "The schema (MySQL/MariaDB: the database) that holds it, if not the connection's own.")
                        .build())
                .addOption(flag(() -> allowUnmatched, value -> allowUnmatched = value, "--allow-unmatched")
                        .description(
                                "Record what matches and leave out, listed, every entry that matches no migration (and"
                                        + " every older migration the tool never applied); without it, any such entry"
                                        + " refuses the import.")
                        .build())
                .addOption(flag(() -> dryRun, value -> dryRun = value, "--dry-run")
                        .description("Show what would be recorded (or, with --files, written), and write nothing.")
                        .build())
                .addOption(option(Path.class, () -> files, value -> files = value, "--files")
                        .paramLabel("DIR")
                        .description(
                                "With flyway: convert the V<version>__<name>.sql files in DIR (and their U undo files)"
                                        + " into Cairn's migration files, in the migrations directory.")
                        .build());
    }

    /** Each target has a history of its own to import; converting files is done once. */
    @Override
    boolean perTarget() {
        return files == null;
    }

    @Override
    void run(Cairn cairn, Output output) {
        ImportOptions.Tool which = ImportOptions.Tool.named(tool);
        if (files != null) {
            if (which != ImportOptions.Tool.FLYWAY) {
                throw new ConfigurationException("--files converts Flyway's SQL files; " + which.label() + " keeps"
                        + " its migrations in " + which.label() + "'s own form. Import " + which.label() + "'s history"
                        + " without --files, after writing its migrations as Cairn files of the same names.");
            }
            if (table != null || schema != null || allowUnmatched) {
                throw new ConfigurationException("--files reads files, not a history table: --table, --schema and"
                        + " --allow-unmatched go with an import of the history (without --files).");
            }
            output.converted(cairn.importFlywayFiles(
                    invocation.workingDirectory.resolve(files).normalize(), dryRun));
            return;
        }
        ImportOptions options = ImportOptions.of(which).table(table).schema(schema);
        options = allowUnmatched ? options.allowingUnmatched() : options;
        output.imported(cairn.importHistory(dryRun ? options.asDryRun() : options));
    }
}
