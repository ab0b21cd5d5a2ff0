// SPDX-License-Identifier: Apache-2.0
package dev.cairn;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The migrations the fleet tests run on every target: a table, a table that a tenant can be made to
 * fail on (by making it there first), and a row.
 */
final class FleetMigrations {

    private FleetMigrations() {}

    /** Writes them into {@code directory}/migrations; the row's name is {@code name} (SQL, such as {@code 'a'}). */
    static Path write(Path directory, String name) throws IOException {
        Path dir = Files.createDirectories(directory.resolve("migrations"));
        Files.writeString(
                dir.resolve("1_things.sql"),
                "-- migrate:up\nCREATE TABLE things (id integer PRIMARY KEY, name varchar(20));\n"
                        + "-- migrate:down\nDROP TABLE things;\n");
        Files.writeString(
                dir.resolve("2_blocker.sql"),
                "-- migrate:up\nCREATE TABLE blocker (id integer PRIMARY KEY);\n"
                        + "-- migrate:down\nDROP TABLE blocker;\n");
        Files.writeString(
                dir.resolve("3_more.sql"),
                "-- migrate:up\nINSERT INTO things VALUES (1, " + name + ");\n-- migrate:down\nDELETE FROM things;\n");
        return dir;
    }
}
