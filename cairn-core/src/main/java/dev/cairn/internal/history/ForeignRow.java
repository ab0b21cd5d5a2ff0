// SPDX-License-Identifier: Apache-2.0
package dev.cairn.internal.history;

import java.time.Instant;

/**
 * One row of another tool's history table, as read; which fields a tool fills is said per field.
 * What a row means (applied, failed, a marker) is for the importer to decide.
 *
 * @param order the tool's order of application (Knex {@code id}, Flyway {@code installed_rank},
 *     Liquibase {@code orderexecuted})
 * @param id Liquibase's change set id; null for the others
 * @param author Liquibase's change set author; null for the others
 * @param version Flyway's version (null for a repeatable migration or a marker); null for the others
 * @param name Knex's file name; Flyway's and Liquibase's description
 * @param file Flyway's script, Liquibase's changelog file; null for Knex
 * @param type Flyway's {@code type} (SQL, JDBC, BASELINE, SCHEMA, DELETE, ...), Liquibase's
 *     {@code exectype} (EXECUTED, FAILED, MARK_RAN, RERAN, SKIPPED); null for Knex
 * @param success false for Flyway's failed rows; true otherwise
 * @param group what the tool ran together: Knex's batch number, Liquibase's {@code deployment_id}; null
 *     where the tool has none
 * @param appliedAt when it was applied, as the tool wrote it; null when it is empty or unreadable
 * @param executionMillis how long it took, where the tool says (Flyway); 0 otherwise
 */
public record ForeignRow(
        int order,
        String id,
        String author,
        String version,
        String name,
        String file,
        String type,
        boolean success,
        String group,
        Instant appliedAt,
        long executionMillis) {}
