// SPDX-License-Identifier: Apache-2.0
package dev.cairn.spring;

import javax.sql.DataSource;
import org.springframework.boot.jdbc.SchemaManagement;
import org.springframework.boot.jdbc.SchemaManagementProvider;

/**
 * Tells Spring Boot that Cairn manages the schema of the data source it migrates, as Boot's own
 * Flyway and Liquibase support do: Hibernate's {@code ddl-auto}, when the application does not set it,
 * then defaults to {@code none} for that data source instead of {@code create-drop} for an embedded
 * database, so that Hibernate never drops or changes what the migrations made.
 */
public class CairnSchemaManagementProvider implements SchemaManagementProvider {

    private final DataSource migrated;

    /**
     * Creates the provider.
     *
     * @param migrated the application's data source whose database Cairn migrates (also when it migrates
     *     as another user through {@code cairn.url}: the database is the same)
     */
    public CairnSchemaManagementProvider(DataSource migrated) {
        this.migrated = migrated;
    }

    @Override
    public SchemaManagement getSchemaManagement(DataSource dataSource) {
        return migrated != null && (migrated == dataSource || migrated.equals(dataSource))
                ? SchemaManagement.MANAGED
                : SchemaManagement.UNMANAGED;
    }
}
