// SPDX-License-Identifier: Apache-2.0
package dev.cairn.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.spring.jpa.Book;
import dev.cairn.testing.Engine;
import dev.cairn.testing.TestDatabase;
import dev.cairn.testing.TestDatabases;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The starter with real Hibernate behind Boot's own {@code DataSource} and Hibernate JPA
 * auto-configuration, as an application with {@code spring-boot-starter-data-jpa} has them: the
 * migration runs before the {@code EntityManagerFactory} is made, and Hibernate leaves the schema to
 * Cairn. Boot 4 moved the Hibernate auto-configuration into a module of its own
 * ({@code spring-boot-hibernate}), so it is named by string, as in {@link BootDataSourceIT}.
 *
 * <p>H2 runs in memory here, not as the file database {@link TestDatabases} makes: Boot's default
 * {@code ddl-auto} is {@code create-drop} only for an embedded database, and Boot counts H2 as embedded
 * only with a {@code jdbc:h2:mem:} URL. A file database would make "Hibernate created nothing" true by
 * chance.
 */
class JpaIT {

    private static final String MIGRATED_TITLE = "Migrated by Cairn";

    // What the drivers call a table: "TABLE" (PostgreSQL), "BASE TABLE" (H2 2.x).
    private static final String[] TABLE_TYPES = {"TABLE", "BASE TABLE"};

    @RegisterExtension
    final TestDatabases databases = new TestDatabases();

    /** An application on {@code engine}'s database with Boot's DataSource and Hibernate JPA, and Cairn. */
    private ApplicationContextRunner application(Engine engine) {
        List<String> properties = new ArrayList<>(List.of("cairn.locations=classpath:cairn/spring/jpa"));
        if (engine == Engine.H2) {
            // No DB_CLOSE_DELAY: the database is gone when the pool closes its last connection, with the context.
            String name =
                    TestDatabase.NAME_PREFIX + UUID.randomUUID().toString().replace("-", "");
            properties.add("spring.datasource.url=jdbc:h2:mem:" + name);
            properties.add("spring.datasource.username=sa");
        } else {
            TestDatabase db = databases.create(engine);
            properties.add("spring.datasource.url=" + db.url());
            if (db.user() != null) {
                properties.add("spring.datasource.username=" + db.user());
            }
            if (db.password() != null) {
                properties.add("spring.datasource.password=" + db.password());
            }
        }
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(
                        BootClasses.either(
                                "org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration",
                                "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration"),
                        BootClasses.either(
                                "org.springframework.boot.autoconfigure.orm.jpa.HibernateJpaAutoConfiguration",
                                "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration"),
                        CairnAutoConfiguration.class))
                .withPropertyValues(properties.toArray(String[]::new))
                .withUserConfiguration(Entities.class);
    }

    @ParameterizedTest
    @EnumSource(
            value = Engine.class,
            names = {"H2", "POSTGRESQL"})
    void hibernateFindsWhatTheMigrationMadeAtStartAndLeavesTheSchemaToCairn(Engine engine) {
        application(engine)
                .withUserConfiguration(TitleAtStartConfiguration.class)
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    // A query at start would fail on a missing table; create-drop would have emptied the table.
                    assertThat(context.getBean(TitleAtStart.class).title)
                            .as("the migration's row, read through Hibernate while the context started")
                            .isEqualTo(MIGRATED_TITLE);

                    DataSource dataSource = context.getBean(DataSource.class);
                    JdbcTemplate jdbc = new JdbcTemplate(dataSource);
                    assertThat(tables(dataSource))
                            .as("ddl-auto defaulted to none: the table of the entity no migration makes is absent")
                            .contains("books", "cairn_migrations")
                            .doesNotContain("loans");
                    assertThat(jdbc.queryForList("SELECT name FROM cairn_migrations", String.class))
                            .containsExactly("20260101000000_create_books");

                    // A write through Hibernate lands in the migration's table, whose unmapped column (and its
                    // default) is still there.
                    EntityManager entityManager =
                            context.getBean(EntityManagerFactory.class).createEntityManager();
                    try {
                        entityManager.getTransaction().begin();
                        entityManager.persist(new Book(2, "Written by Hibernate"));
                        entityManager.getTransaction().commit();
                        assertThat(entityManager
                                        .createQuery("SELECT b.title FROM Book b ORDER BY b.id", String.class)
                                        .getResultList())
                                .containsExactly(MIGRATED_TITLE, "Written by Hibernate");
                    } finally {
                        entityManager.close();
                    }
                    assertThat(jdbc.query(
                                    "SELECT title, shelf_mark FROM books ORDER BY id",
                                    (row, number) -> row.getString(1) + " @ " + row.getString(2)))
                            .containsExactly(MIGRATED_TITLE + " @ A-1", "Written by Hibernate @ new");
                });
    }

    /**
     * The control: without Cairn, Boot's default for an in-memory H2 is create-drop, so Hibernate makes
     * both tables from the entities. That the test above finds no {@code loans} is Cairn's doing.
     */
    @Test
    void withCairnOffHibernateCreatesTheSchemaOnAnInMemoryH2() {
        application(Engine.H2).withPropertyValues("cairn.enabled=false").run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).doesNotHaveBean(CairnMigrationInitializer.class);
            DataSource dataSource = context.getBean(DataSource.class);
            assertThat(tables(dataSource)).contains("books", "loans").doesNotContain("cairn_migrations");
            assertThat(columns(dataSource, "books")).contains("id", "title").doesNotContain("shelf_mark");
        });
    }

    /** The tables of the connection's schema, in lower case (H2 answers unquoted names in upper case). */
    private static Set<String> tables(DataSource dataSource) throws SQLException {
        Set<String> tables = new TreeSet<>();
        try (Connection connection = dataSource.getConnection();
                ResultSet rows = connection
                        .getMetaData()
                        .getTables(connection.getCatalog(), connection.getSchema(), "%", TABLE_TYPES)) {
            while (rows.next()) {
                tables.add(rows.getString("TABLE_NAME").toLowerCase(Locale.ROOT));
            }
        }
        return tables;
    }

    /** The columns of {@code table}, in lower case. */
    private static List<String> columns(DataSource dataSource, String table) {
        return new JdbcTemplate(dataSource).query("SELECT * FROM " + table + " WHERE 1 = 0", rows -> {
            ResultSetMetaData meta = rows.getMetaData();
            List<String> columns = new ArrayList<>();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                columns.add(meta.getColumnLabel(i).toLowerCase(Locale.ROOT));
            }
            return columns;
        });
    }

    /** The application's entities: scanned from their package, as Boot does from the application's. */
    @Configuration(proxyBeanMethods = false)
    @AutoConfigurationPackage(basePackageClasses = Book.class)
    static class Entities {}

    /** An application bean that reads a book through Hibernate while it is created. */
    static final class TitleAtStart {
        final String title;

        TitleAtStart(EntityManagerFactory entityManagerFactory) {
            EntityManager entityManager = entityManagerFactory.createEntityManager();
            try {
                Book book = entityManager.find(Book.class, 1);
                title = book == null ? null : book.getTitle();
            } finally {
                entityManager.close();
            }
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class TitleAtStartConfiguration {
        @Bean
        TitleAtStart titleAtStart(EntityManagerFactory entityManagerFactory) {
            return new TitleAtStart(entityManagerFactory);
        }
    }
}
