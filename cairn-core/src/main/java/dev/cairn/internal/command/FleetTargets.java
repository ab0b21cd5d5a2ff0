// SPDX-License-Identifier: Apache-2.0
package dev.cairn.internal.command;

import dev.cairn.ConfigurationException;
import dev.cairn.Targets;
import dev.cairn.internal.connect.ConnectionFailures;
import dev.cairn.internal.connect.Connector;
import dev.cairn.internal.dialect.Dialect;
import dev.cairn.internal.schema.TargetCatalog;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * The names of a fleet's targets, read from the environment's own database: by the {@code LIKE}
 * pattern over the schemas or databases the server has, by the query's first column, or the list
 * as written, each of which must exist there. SQLite's databases are files, which {@link TargetFiles}
 * lists.
 */
public final class FleetTargets {

    private FleetTargets() {}

    /**
     * The targets' names, in order: the list's order, or by name for a pattern, or the query's.
     *
     * @throws ConfigurationException if the database cannot list such targets, or a listed one is not there
     * @throws dev.cairn.ConnectionException if the database cannot be reached
     */
    public static List<String> names(Settings settings) {
        Targets targets = settings.targets().orElseThrow();
        if (targets.kind() == Targets.Kind.DATABASES && targets.query().isEmpty()) {
            Optional<Path> files = settings.urlDialect()
                    .targetDirectory(settings.connector().url().orElseThrow());
            if (files.isPresent()) {
                return TargetFiles.names(files.get(), targets);
            }
        }
        Connector.Opened opened = settings.connector().open(true, settings.lockTimeout());
        if (opened.connection() == null) {
            throw new ConfigurationException("The database " + settings.target() + " does not exist yet, so it has no "
                    + targets.kind().key() + " to be the fleet's targets.");
        }
        Dialect dialect = opened.dialect();
        try (Connection connection = opened.connection()) {
            if (targets.query().isPresent()) {
                return TargetCatalog.names(connection, targets.query().get());
            }
            String listing = dialect.targetsQuery(targets.kind())
                    .orElseThrow(() -> new ConfigurationException(dialect.name() + " has no "
                            + targets.kind().key() + " to be a fleet's targets; "
                            + (targets.kind() == Targets.Kind.SCHEMAS
                                    ? "name its databases under targets.databases instead."
                                    : "name its schemas under targets.schemas instead.")));
            if (targets.pattern().isPresent()) {
                return TargetCatalog.names(
                        connection, listing, targets.pattern().get());
            }
            List<String> present = TargetCatalog.names(connection, listing, "%");
            List<String> missing = targets.names().stream()
                    .filter(name -> !present.contains(name))
                    .toList();
            if (!missing.isEmpty()) {
                throw new ConfigurationException("targets." + targets.kind().key() + " names "
                        + String.join(", ", missing) + ", which " + (missing.size() == 1 ? "is" : "are")
                        + " not on " + settings.target() + ". Create " + (missing.size() == 1 ? "it" : "them")
                        + " first, or take " + (missing.size() == 1 ? "it" : "them") + " out of the list.");
            }
            return targets.names();
        } catch (SQLException e) {
            throw ConnectionFailures.working(
                    settings.target(),
                    "listing the fleet's targets (" + targets.describe() + ")",
                    dialect,
                    e,
                    targets.query().isPresent()
                            ? "Check targets." + targets.kind().key() + ".query: its first column gives the names."
                            : "Check that this user may read the server's catalog.");
        }
    }
}
