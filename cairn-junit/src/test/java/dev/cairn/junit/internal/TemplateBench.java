// SPDX-License-Identifier: Apache-2.0
package dev.cairn.junit.internal;

import dev.cairn.junit.Engine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's figures: what 20 test classes cost with a template copied per class, against migrating
 * each class's database, for 30 migrations; each figure is the best of three rounds. Not part of the
 * build (its name matches neither *Test nor *IT); the module's README has the command that runs it. It
 * prints; it asserts nothing about time.
 */
class TemplateBench {
    private static final int CLASSES = 20;
    private static final int MIGRATIONS = 30;
    private static final int ROUNDS = 3;

    @TempDir
    Path directory;

    @Test
    void templateAgainstMigratingPerClass() throws IOException {
        writeMigrations();
        System.setProperty("cairn.test.postgres.url", "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres");
        System.setProperty("cairn.test.mariadb.url", "jdbc:mariadb://127.0.0.1:3306/?user=root");
        try {
            for (Engine engine : Engine.values()) {
                Settings settings = Settings.resolve(
                        engine,
                        List.of("filesystem:" + directory),
                        "",
                        "",
                        getClass().getClassLoader(),
                        Map.of());
                // Once each first, so that the drivers are loaded and the server's caches warm for both; then
                // the best of three, as the machine's other work makes single timings jump.
                withTemplate(settings);
                perClass(settings);
                long template = Long.MAX_VALUE;
                long migrated = Long.MAX_VALUE;
                for (int round = 0; round < ROUNDS; round++) {
                    template = Math.min(template, withTemplate(settings));
                    migrated = Math.min(migrated, perClass(settings));
                }
                if (engine == Engine.MARIADB) {
                    System.out.printf(
                            "BENCH MariaDB    %d classes: copying the template's tables into each (not used) %5d ms%n",
                            CLASSES, copyingTables(settings));
                }
                System.out.printf(
                        "BENCH %-10s %d classes, %d migrations: template + copies %5d ms, migrating per class %5d ms,"
                                + " %.1fx%n",
                        engine.displayName(), CLASSES, MIGRATIONS, template, migrated, (double) migrated / template);
            }
        } finally {
            System.clearProperty("cairn.test.postgres.url");
            System.clearProperty("cairn.test.mariadb.url");
        }
    }

    /** What the extension does: one template, a copy per class, each dropped. */
    private static long withTemplate(Settings settings) {
        long start = System.nanoTime();
        try (Template template = Template.build(settings)) {
            for (int i = 0; i < CLASSES; i++) {
                template.copy().close();
            }
        }
        return (System.nanoTime() - start) / 1_000_000;
    }

    /** The alternative: each class's database made empty and migrated, then dropped. */
    private static long perClass(Settings settings) {
        long start = System.nanoTime();
        for (int i = 0; i < CLASSES; i++) {
            // A template built and dropped is exactly one database made, migrated and dropped.
            Template.build(settings).close();
        }
        return (System.nanoTime() - start) / 1_000_000;
    }

    /**
     * The copy MariaDB could make instead of migrating: each table recreated from the template with
     * {@code CREATE TABLE … LIKE} and filled with {@code INSERT … SELECT}. Measured to show what it would
     * save; not used, since it loses foreign keys, and views, triggers and routines name the template.
     */
    private static long copyingTables(Settings settings) {
        MariaDbTemplate template = new MariaDbTemplate(settings);
        String source = Template.newName(Template.TEMPLATE_PREFIX);
        template.migrate(template.create(source));
        long start = System.nanoTime();
        try (Connection admin = template.admin();
                Statement statement = admin.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery(
                    "SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = '" + source + "'")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            for (int i = 0; i < CLASSES; i++) {
                String copy = Template.newName(Template.COPY_PREFIX);
                template.create(copy);
                for (String table : tables) {
                    statement.execute("CREATE TABLE " + copy + "." + table + " LIKE " + source + "." + table);
                    statement.execute("INSERT INTO " + copy + "." + table + " SELECT * FROM " + source + "." + table);
                }
                template.drop(copy);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        } finally {
            template.drop(source);
        }
        return (System.nanoTime() - start) / 1_000_000;
    }

    private void writeMigrations() throws IOException {
        for (int i = 0; i < MIGRATIONS; i++) {
            int table = i / 3;
            String up;
            String down;
            switch (i % 3) {
                case 0 -> {
                    up = "CREATE TABLE t" + table + " (id integer PRIMARY KEY, name varchar(100) NOT NULL,"
                            + " created_at timestamp)";
                    down = "DROP TABLE t" + table;
                }
                case 1 -> {
                    up = "CREATE INDEX t" + table + "_name_idx ON t" + table + " (name)";
                    down = "DROP INDEX t" + table + "_name_idx" + "";
                }
                default -> {
                    up = "INSERT INTO t" + table + " (id, name) VALUES (1, 'a')";
                    down = "DELETE FROM t" + table;
                }
            }
            String name = String.format("2026010100%04d_step_%d.sql", i, i);
            Files.writeString(
                    directory.resolve(name), "-- migrate:up\n" + up + ";\n\n-- migrate:down\n" + down + ";\n");
        }
    }
}
