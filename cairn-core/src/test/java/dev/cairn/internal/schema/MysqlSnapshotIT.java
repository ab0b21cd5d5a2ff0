// SPDX-License-Identifier: Apache-2.0
package dev.cairn.internal.schema;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.SchemaSnapshot;
import dev.cairn.testing.Engine;
import dev.cairn.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * MysqlSchemaReader on MariaDB: what a realistic schema reads as, each change that verify must catch
 * named by object and attribute, and the database's name kept out of the snapshot.
 */
class MysqlSnapshotIT {

    private static final List<String> SCHEMA = List.of(
            "CREATE TABLE users (id int AUTO_INCREMENT PRIMARY KEY, email varchar(255) NOT NULL,"
                    + " name varchar(100) DEFAULT 'anon', bio varchar(100), score decimal(10,2) NOT NULL DEFAULT 0,"
                    + " created timestamp NULL DEFAULT CURRENT_TIMESTAMP, nickname varchar(30) DEFAULT NULL,"
                    + " CONSTRAINT users_email_key UNIQUE (email), CONSTRAINT users_score_check CHECK (score >= 0))",
            "CREATE TABLE posts (user_id int NOT NULL, slug varchar(50) NOT NULL, title varchar(200) NOT NULL,"
                    + " body text, PRIMARY KEY (user_id, slug),"
                    + " CONSTRAINT posts_user_id_fkey FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE,"
                    + " CHECK (char_length(title) > 0))",
            // Unnamed: MariaDB names the key post_tags_ibfk_1 and its index after the first column.
            "CREATE TABLE post_tags (user_id int NOT NULL, slug varchar(50) NOT NULL, tag varchar(30) NOT NULL,"
                    + " FOREIGN KEY (user_id, slug) REFERENCES posts (user_id, slug))",
            "CREATE INDEX posts_title_idx ON posts (title)",
            "CREATE INDEX posts_body_idx ON posts (body(20))",
            "CREATE UNIQUE INDEX users_name_uq ON users (name)",
            "CREATE INDEX users_created_idx ON users (created DESC, id)",
            "CREATE VIEW user_posts AS SELECT u.email, p.title FROM users u JOIN posts p ON p.user_id = u.id",
            "CREATE TRIGGER users_lower_email BEFORE INSERT ON users FOR EACH ROW SET NEW.email = lower(NEW.email)",
            "CREATE FUNCTION post_count(p_user int) RETURNS int READS SQL DATA"
                    + " RETURN (SELECT count(*) FROM posts WHERE user_id = p_user)",
            "CREATE PROCEDURE rename_user(IN p_id int, INOUT p_name varchar(100))\n"
                    + "BEGIN\n  UPDATE users SET name = p_name WHERE id = p_id;\nEND");

    @Test
    void readsEveryKindOfObject() throws SQLException {
        try (TestDatabase db = TestDatabase.create(Engine.MARIADB)) {
            create(db);
            List<String> lines = lines(read(db, Set.of()));

            assertThat(lines)
                    .contains(
                            "table users",
                            "table users / column id: auto increment=yes; nullable=no; type=int",
                            "table users / column email: nullable=no; type=varchar(255)",
                            "table users / column name: default='anon'; nullable=yes; type=varchar(100)",
                            "table users / column score: default=0.00; nullable=no; type=decimal(10,2)",
                            "table users / column created: default=current_timestamp(); nullable=yes; type=timestamp",
                            // DEFAULT NULL is no default, as a nullable column without one.
                            "table users / column nickname: nullable=yes; type=varchar(30)",
                            "table users / primary key: columns=id",
                            "table users / unique users_email_key: columns=email",
                            "table users / unique users_name_uq: columns=name",
                            "table users / check users_score_check: expression=`score` >= 0",
                            "table users / index users_created_idx: columns=created desc, id; unique=no",
                            "table posts / primary key: columns=user_id, slug",
                            "table posts / foreign key posts_user_id_fkey: columns=user_id; on delete=cascade;"
                                    + " on update=no action; references=users(id)",
                            "table posts / index posts_title_idx: columns=title; unique=no",
                            "table posts / index posts_body_idx: columns=body(20); unique=no",
                            "table post_tags / foreign key post_tags_user_id_slug_fkey: columns=user_id, slug;"
                                    + " on delete=no action; on update=no action; references=posts(user_id, slug)",
                            "view user_posts: definition=select `u`.`email` AS `email`,`p`.`title` AS `title` from"
                                    + " (`users` `u` join `posts` `p` on(`p`.`user_id` = `u`.`id`))",
                            "trigger users_lower_email: definition=SET NEW.email = lower(NEW.email); event=insert;"
                                    + " table=users; timing=before",
                            "routine post_count(int): definition=RETURN (SELECT count(*) FROM posts WHERE user_id ="
                                    + " p_user);"
                                    + " kind=function; returns=int",
                            "routine rename_user(int, inout varchar(100)): definition=BEGIN UPDATE users SET name ="
                                    + " p_name"
                                    + " WHERE id = p_id; END; kind=procedure");
            // MariaDB's generated check name is replaced by one made from the table and expression.
            assertThat(lines)
                    .filteredOn(l -> l.startsWith("table posts / check "))
                    .singleElement()
                    .asString()
                    .matches("table posts / check posts_check_[0-9a-f]{8}: expression=char_length\\(`title`\\) > 0");
            // The index InnoDB made for the unnamed foreign key is the key's, not an index of its own.
            assertThat(lines).noneMatch(l -> l.startsWith("table post_tags / index"));
        }
    }

    static Stream<Arguments> changes() {
        return Stream.of(
                change(
                        "a dropped column",
                        List.of("ALTER TABLE users DROP COLUMN bio"),
                        "table users / column bio: missing (was nullable=yes; type=varchar(100))"),
                change(
                        "a column type changed",
                        List.of("ALTER TABLE users MODIFY bio text"),
                        "table users / column bio: type varchar(100) -> text"),
                change(
                        "a default changed",
                        List.of("ALTER TABLE users ALTER COLUMN name SET DEFAULT 'nobody'"),
                        "table users / column name: default 'anon' -> 'nobody'"),
                change(
                        "a unique index that came back non-unique",
                        List.of("DROP INDEX users_name_uq ON users", "CREATE INDEX users_name_uq ON users (name)"),
                        "table users / index users_name_uq: added (columns=name; unique=no)",
                        "table users / unique users_name_uq: missing (was columns=name)"),
                change(
                        "a dropped foreign key",
                        List.of("ALTER TABLE posts DROP FOREIGN KEY posts_user_id_fkey"),
                        "table posts / foreign key posts_user_id_fkey: missing (was columns=user_id; on delete=cascade;"
                                + " on update=no action; references=users(id))"),
                // InnoDB keeps the index it made for the key: the down did not restore the schema.
                change(
                        "a dropped foreign key whose index stays",
                        List.of("ALTER TABLE post_tags DROP FOREIGN KEY post_tags_ibfk_1"),
                        "table post_tags / foreign key post_tags_user_id_slug_fkey: missing (was columns=user_id, slug;"
                                + " on delete=no action; on update=no action; references=posts(user_id, slug))",
                        "table post_tags / index user_id: added (columns=user_id, slug; unique=no)"),
                change(
                        "a dropped view",
                        List.of("DROP VIEW user_posts"),
                        "view user_posts: missing (was definition=select `u`.`email` AS `email`,`p`.`title` AS"
                                + " `title` from (`users` `u` join `posts` `p` on(`p`.`user_id` = `u`.`id`)))"),
                change(
                        "a check changed",
                        List.of(
                                "ALTER TABLE users DROP CONSTRAINT users_score_check",
                                "ALTER TABLE users ADD CONSTRAINT users_score_check CHECK (score > 0)"),
                        "table users / check users_score_check: expression `score` >= 0 -> `score` > 0"),
                change(
                        "a dropped trigger",
                        List.of("DROP TRIGGER users_lower_email"),
                        "trigger users_lower_email: missing (was definition=SET NEW.email = lower(NEW.email);"
                                + " event=insert; table=users; timing=before)"),
                // A down that puts back what the up took, unnamed again, restores the schema.
                change(
                        "an unnamed foreign key and check recreated",
                        List.of(
                                "ALTER TABLE post_tags DROP FOREIGN KEY post_tags_ibfk_1",
                                "ALTER TABLE post_tags ADD FOREIGN KEY (user_id, slug)"
                                        + " REFERENCES posts (user_id, slug)",
                                "ALTER TABLE posts DROP CONSTRAINT CONSTRAINT_1",
                                "ALTER TABLE posts ADD CHECK (char_length(title) > 0)")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("changes")
    void namesWhatChanged(String description, List<String> statements, List<String> expected) throws SQLException {
        try (TestDatabase db = TestDatabase.create(Engine.MARIADB)) {
            create(db);
            SchemaSnapshot before = read(db, Set.of());
            statements.forEach(db::execute);
            SchemaSnapshot after = read(db, Set.of());

            assertThat(after.since(before))
                    .map(SchemaSnapshot.Difference::toString)
                    .containsExactlyElementsOf(expected);
        }
    }

    @Test
    void theSameSchemaInTwoDatabasesReadsAlike() throws SQLException {
        try (TestDatabase one = TestDatabase.create(Engine.MARIADB);
                TestDatabase two = TestDatabase.create(Engine.MARIADB)) {
            create(one);
            create(two);
            String text = read(one, Set.of()).text();

            assertThat(read(two, Set.of()).text()).isEqualTo(text);
            assertThat(text).doesNotContain(one.name()).doesNotContain(TestDatabase.NAME_PREFIX);
        }
    }

    @Test
    void leavesOutIgnoredTablesAndWhatBelongsToThem() throws SQLException {
        try (TestDatabase db = TestDatabase.create(Engine.MARIADB)) {
            create(db);
            db.execute("CREATE TABLE cairn_history (version varchar(50) PRIMARY KEY, user_id int,"
                    + " CONSTRAINT history_user_fkey FOREIGN KEY (user_id) REFERENCES users (id),"
                    + " CONSTRAINT history_version_check CHECK (version <> ''), UNIQUE (user_id, version))");
            db.execute("CREATE INDEX history_user_idx ON cairn_history (version, user_id)");
            db.execute("CREATE TRIGGER history_trigger BEFORE INSERT ON cairn_history FOR EACH ROW"
                    + " SET NEW.version = trim(NEW.version)");

            assertThat(read(db, Set.of()).text()).contains("cairn_history").contains("history_trigger");
            String text = read(db, Set.of("cairn_history")).text();
            assertThat(text).doesNotContain("cairn_history").doesNotContain("history_");
            assertThat(text).isEqualTo(readWithoutHistory());
        }
    }

    private static String readWithoutHistory() throws SQLException {
        try (TestDatabase db = TestDatabase.create(Engine.MARIADB)) {
            create(db);
            return read(db, Set.of()).text();
        }
    }

    private static Arguments change(String description, List<String> statements, String... expected) {
        return Arguments.of(description, statements, List.of(expected));
    }

    private static void create(TestDatabase db) {
        SCHEMA.forEach(db::execute);
    }

    private static SchemaSnapshot read(TestDatabase db, Set<String> ignoredTables) throws SQLException {
        try (Connection connection = db.connect()) {
            return new MysqlSchemaReader().read(connection, ignoredTables);
        }
    }

    private static List<String> lines(SchemaSnapshot snapshot) {
        return Arrays.asList(snapshot.text().split("\n"));
    }
}
