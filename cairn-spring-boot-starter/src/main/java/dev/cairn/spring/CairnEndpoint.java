// SPDX-License-Identifier: Apache-2.0
package dev.cairn.spring;

import dev.cairn.Cairn;
import dev.cairn.Status;
import java.util.List;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;

/**
 * The actuator endpoint {@code cairn}: the migration status of the application's database, as
 * {@code cairn status} shows it. Its value holds only strings, numbers, booleans, lists and records of
 * those, so that any JSON mapper Boot uses (Jackson 2 on 3.5, Jackson 3 on 4.0) writes it.
 */
@Endpoint(id = "cairn")
public class CairnEndpoint {

    private final Cairn cairn;

    /**
     * Creates the endpoint on the application's {@code Cairn}.
     *
     * @param cairn the {@code Cairn} whose status it reports
     */
    public CairnEndpoint(Cairn cairn) {
        this.cairn = cairn;
    }

    /**
     * Reads the status from the database now.
     *
     * @return where Cairn migrates, every migration known to it or to the database, and the problems
     */
    @ReadOperation
    public CairnStatus status() {
        Status status = cairn.status();
        List<MigrationEntry> migrations =
                status.migrations().stream().map(CairnEndpoint::entry).toList();
        List<ProblemEntry> problems = status.problems().stream()
                .map(p -> new ProblemEntry(p.kind().name(), p.migration(), p.message(), p.isNotice()))
                .toList();
        return new CairnStatus(
                cairn.environmentName(),
                cairn.target(),
                status.currentVersion().orElse(null),
                status.currentBatch(),
                status.applied().size(),
                status.pending().size(),
                status.lockHolder().orElse(null),
                migrations,
                problems);
    }

    private static MigrationEntry entry(Status.Migration m) {
        return new MigrationEntry(
                m.name(),
                m.version(),
                m.state().name(),
                m.batch().orElse(null),
                m.appliedAt().map(Object::toString).orElse(null),
                m.description());
    }

    /**
     * What the endpoint returns.
     *
     * @param environment the environment's name ({@code custom} when configured from {@code cairn.*})
     * @param target where migrations run: a JDBC URL without its password, or the data source's description
     * @param currentVersion the version of the last applied migration, or {@code null} when none is
     * @param currentBatch the number of the last batch applied (0 when none is)
     * @param applied how many migrations are applied (those whose file is missing included)
     * @param pending how many migrations are not applied yet
     * @param lockHolder who holds Cairn's lock now, or {@code null} when nobody does
     * @param migrations every migration, in version order
     * @param problems what {@code cairn validate} would report, notices included
     */
    public record CairnStatus(
            String environment,
            String target,
            String currentVersion,
            int currentBatch,
            int applied,
            int pending,
            String lockHolder,
            List<MigrationEntry> migrations,
            List<ProblemEntry> problems) {}

    /**
     * One migration.
     *
     * @param name the migration's name, e.g. {@code 20260101000000_create_users}
     * @param version its version, e.g. {@code 20260101000000}
     * @param state {@code APPLIED}, {@code PENDING}, {@code MISSING}, {@code INCOMPLETE} or {@code RUNNING}
     * @param batch the batch it was applied in, or {@code null} when it is not applied
     * @param appliedAt when it was applied, as ISO-8601 text in UTC, or {@code null}
     * @param description the comment lines above {@code -- migrate:up}, joined by newlines; empty if none
     */
    public record MigrationEntry(
            String name, String version, String state, Integer batch, String appliedAt, String description) {}

    /**
     * One problem.
     *
     * @param kind the kind, e.g. {@code EDITED} or {@code OUT_OF_ORDER}
     * @param migration the migration it is about
     * @param message what is wrong and what to do
     * @param notice {@code true} for a notice, which does not fail {@code validate}
     */
    public record ProblemEntry(String kind, String migration, String message, boolean notice) {}
}
