// SPDX-License-Identifier: Apache-2.0
package dev.cairn.internal.schema;

import static dev.cairn.internal.schema.SchemaSnapshotScenario.Change.showing;

import dev.cairn.testing.Engine;
import java.util.List;
import java.util.Map;

/**
 * {@link MysqlSchemaReader} on MariaDB, through {@link SchemaSnapshotScenario}: MariaDB's generated
 * constraint names replaced by ones made from the table, and the index InnoDB makes for a foreign key
 * kept with the key.
 */
class MysqlSnapshotIT extends SchemaSnapshotScenario {

    private static final List<String> SCHEMA = List.of(
            "CREATE TABLE users (id int AUTO_INCREMENT PRIMARY KEY, email varchar(255) NOT NULL,"
                    + " name varchar(100) DEFAULT 'anon', bio varchar(100), score decimal(10,2) NOT NULL DEFAULT 0,"
                    + " created timestamp NULL DEFAULT CURRENT_TIMESTAMP, nickname varchar(30) DEFAULT NULL,"
                    + " status enum('active','Closed') NOT NULL DEFAULT 'active',"
                    + " updated timestamp NULL DEFAULT NULL ON UPDATE CURRENT_TIMESTAMP,"
                    + " code varchar(10) COLLATE utf8mb4_bin, email_domain varchar(255)"
                    + " AS (substring_index(email, '@', -1)) VIRTUAL,"
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
            "CREATE FULLTEXT INDEX posts_title_ft ON posts (title)",
            "CREATE SEQUENCE invoice_numbers START WITH 1000 INCREMENT BY 10",
            "CREATE VIEW user_posts AS SELECT u.email, p.title FROM users u JOIN posts p ON p.user_id = u.id",
            "CREATE SQL SECURITY INVOKER VIEW active_users AS SELECT id, email FROM users WHERE status = 'active'"
                    + " WITH CHECK OPTION",
            "CREATE TRIGGER users_lower_email BEFORE INSERT ON users FOR EACH ROW SET NEW.email = lower(NEW.email)",
            "CREATE FUNCTION post_count(p_user int) RETURNS int READS SQL DATA"
                    + " RETURN (SELECT count(*) FROM posts WHERE user_id = p_user)",
            "CREATE FUNCTION add_one(n int) RETURNS int DETERMINISTIC NO SQL SQL SECURITY INVOKER RETURN n + 1",
            "CREATE PROCEDURE rename_user(IN p_id int, INOUT p_name varchar(100))\n"
                    + "BEGIN\n  UPDATE users SET name = p_name WHERE id = p_id;\nEND");

    private static final String USERS_COLUMNS =
            "id, email, name, bio, score, created, nickname, status, updated, code, email_domain";

    private static final Change COLUMN_TYPE_CHANGE = showing(
            "a column type changed",
            List.of("ALTER TABLE users MODIFY bio text"),
            "table users / column bio: type varchar(100) -> text");

    @Override
    Engine engine() {
        return Engine.MARIADB;
    }

    @Override
    SchemaReader reader() {
        return new MysqlSchemaReader();
    }

    @Override
    List<String> schema() {
        return SCHEMA;
    }

    @Override
    List<String> expectedLines() {
        return List.of(
                "table users: column order=id, email, name, bio, score, created, nickname, status, updated, code,"
                        + " email_domain",
                "table users / column id: identity=by default; nullable=no; type=int",
                "table users / column email: nullable=no; type=varchar(255)",
                "table users / column name: default='anon'; nullable=yes; type=varchar(100)",
                "table users / column score: default=0.00; nullable=no; type=decimal(10,2)",
                "table users / column created: default=current_timestamp(); nullable=yes; type=timestamp",
                // DEFAULT NULL is no default, as a nullable column without one.
                "table users / column nickname: nullable=yes; type=varchar(30)",
                // An enum's values keep their case.
                "table users / column status: default='active'; nullable=no; type=enum('active','Closed')",
                "table users / column updated: nullable=yes; on update=current_timestamp(); type=timestamp",
                "table users / column code: collation=utf8mb4_bin; nullable=yes; type=varchar(10)",
                "table users / column email_domain: generated=substring_index(`email`,'@',-1); nullable=yes;"
                        + " storage=virtual; type=varchar(255)",
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
                "table posts / index posts_title_ft: columns=title; method=fulltext; unique=no",
                "sequence invoice_numbers: cycle=no; increment=10; max=9223372036854775806; min=1; start=1000",
                "table post_tags / foreign key post_tags_user_id_slug_fkey: columns=user_id, slug;"
                        + " on delete=no action; on update=no action; references=posts(user_id, slug)",
                "view user_posts: definition=select `u`.`email` AS `email`,`p`.`title` AS `title` from"
                        + " (`users` `u` join `posts` `p` on(`p`.`user_id` = `u`.`id`))",
                "view active_users: check option=cascaded; definition=select `users`.`id` AS `id`,`users`.`email`"
                        + " AS `email` from `users` where `users`.`status` = 'active'; security=invoker",
                "trigger users_lower_email: body=SET NEW.email = lower(NEW.email); events=insert; level=row;"
                        + " table=users; timing=before",
                "routine post_count(int): body=RETURN (SELECT count(*) FROM posts WHERE user_id = p_user);"
                        + " deterministic=no; kind=function; language=sql; returns=int;"
                        + " sql data access=reads sql data",
                "routine add_one(int): body=RETURN n + 1; deterministic=yes; kind=function; language=sql;"
                        + " returns=int; security=invoker; sql data access=no sql",
                "routine rename_user(int, inout varchar(100)): body=BEGIN UPDATE users SET name = p_name"
                        + " WHERE id = p_id; END; deterministic=no; kind=procedure; language=sql;"
                        + " sql data access=contains sql");
    }

    // The index InnoDB made for the unnamed foreign key is the key's, not an index of its own.
    @Override
    List<String> leftOut() {
        return List.of("table post_tags / index");
    }

    // MariaDB's generated check name is replaced by one made from the table and expression.
    @Override
    Map<String, String> madeUpNames() {
        return Map.of(
                "table posts / check ",
                "table posts / check posts_check_[0-9a-f]{8}: expression=char_length\\(`title`\\) > 0");
    }

    @Override
    List<Change> changes() {
        return List.of(
                showing(
                        "a dropped column",
                        List.of("ALTER TABLE users DROP COLUMN bio"),
                        "table users: column order " + USERS_COLUMNS + " -> " + USERS_COLUMNS.replace("bio, ", ""),
                        "table users / column bio: missing (was nullable=yes; type=varchar(100))"),
                // Only the order differs: MySQL could put it back (AFTER name), this down did not.
                showing(
                        "a column dropped and re-added last",
                        List.of("ALTER TABLE users DROP COLUMN bio", "ALTER TABLE users ADD COLUMN bio varchar(100)"),
                        "table users: column order " + USERS_COLUMNS + " -> " + USERS_COLUMNS.replace("bio, ", "")
                                + ", bio"),
                showing(
                        "an enum value not removed",
                        List.of("ALTER TABLE users MODIFY status enum('active','Closed','held') NOT NULL"
                                + " DEFAULT 'active'"),
                        "table users / column status: type enum('active','Closed') -> enum('active','Closed','held')"),
                showing(
                        "on update current_timestamp lost",
                        List.of("ALTER TABLE users MODIFY updated timestamp NULL DEFAULT NULL"),
                        "table users / column updated: on update current_timestamp() -> (none)"),
                showing(
                        "a generated column made stored",
                        List.of(
                                "ALTER TABLE users DROP COLUMN email_domain",
                                "ALTER TABLE users ADD COLUMN email_domain varchar(255)"
                                        + " AS (substring_index(email, '@', -1)) STORED"),
                        "table users / column email_domain: storage virtual -> stored"),
                showing(
                        "a collation lost",
                        List.of("ALTER TABLE users MODIFY code varchar(10)"),
                        "table users / column code: collation utf8mb4_bin -> (none)"),
                showing(
                        "a fulltext index restored as a plain one",
                        List.of("DROP INDEX posts_title_ft ON posts", "CREATE INDEX posts_title_ft ON posts (title)"),
                        "table posts / index posts_title_ft: method fulltext -> (none)"),
                showing(
                        "a trigger body restored differently",
                        List.of(
                                "DROP TRIGGER users_lower_email",
                                "CREATE TRIGGER users_lower_email BEFORE INSERT ON users FOR EACH ROW"
                                        + " SET NEW.email = upper(NEW.email)"),
                        "trigger users_lower_email: body SET NEW.email = lower(NEW.email)"
                                + " -> SET NEW.email = upper(NEW.email)"),
                showing(
                        "a routine body restored differently",
                        List.of(
                                "DROP FUNCTION post_count",
                                "CREATE FUNCTION post_count(p_user int) RETURNS int READS SQL DATA"
                                        + " RETURN (SELECT count(*) FROM posts)"),
                        "routine post_count(int): body RETURN (SELECT count(*) FROM posts WHERE user_id = p_user)"
                                + " -> RETURN (SELECT count(*) FROM posts)"),
                showing(
                        "a routine restored without its characteristics",
                        List.of("DROP FUNCTION add_one", "CREATE FUNCTION add_one(n int) RETURNS int RETURN n + 1"),
                        "routine add_one(int): deterministic yes -> no",
                        "routine add_one(int): security invoker -> (none)",
                        "routine add_one(int): sql data access no sql -> contains sql"),
                showing(
                        "a sequence changed",
                        List.of("ALTER SEQUENCE invoice_numbers INCREMENT BY 1"),
                        "sequence invoice_numbers: increment 10 -> 1"),
                showing(
                        "a view restored without its check option",
                        List.of(
                                "DROP VIEW active_users",
                                "CREATE SQL SECURITY INVOKER VIEW active_users AS SELECT id, email FROM users"
                                        + " WHERE status = 'active'"),
                        "view active_users: check option cascaded -> (none)"),
                COLUMN_TYPE_CHANGE,
                showing(
                        "a default changed",
                        List.of("ALTER TABLE users ALTER COLUMN name SET DEFAULT 'nobody'"),
                        "table users / column name: default 'anon' -> 'nobody'"),
                showing(
                        "a unique index that came back non-unique",
                        List.of("DROP INDEX users_name_uq ON users", "CREATE INDEX users_name_uq ON users (name)"),
                        "table users / index users_name_uq: added (columns=name; unique=no)",
                        "table users / unique users_name_uq: missing (was columns=name)"),
                showing(
                        "a dropped foreign key",
                        List.of("ALTER TABLE posts DROP FOREIGN KEY posts_user_id_fkey"),
                        "table posts / foreign key posts_user_id_fkey: missing (was columns=user_id; on delete=cascade;"
                                + " on update=no action; references=users(id))"),
                // InnoDB keeps the index it made for the key: the down did not restore the schema.
                showing(
                        "a dropped foreign key whose index stays",
                        List.of("ALTER TABLE post_tags DROP FOREIGN KEY post_tags_ibfk_1"),
                        "table post_tags / foreign key post_tags_user_id_slug_fkey: missing (was columns=user_id, slug;"
                                + " on delete=no action; on update=no action; references=posts(user_id, slug))",
                        "table post_tags / index user_id: added (columns=user_id, slug; unique=no)"),
                showing(
                        "a dropped view",
                        List.of("DROP VIEW user_posts"),
                        "view user_posts: missing (was definition=select `u`.`email` AS `email`,`p`.`title` AS"
                                + " `title` from (`users` `u` join `posts` `p` on(`p`.`user_id` = `u`.`id`)))"),
                showing(
                        "a check changed",
                        List.of(
                                "ALTER TABLE users DROP CONSTRAINT users_score_check",
                                "ALTER TABLE users ADD CONSTRAINT users_score_check CHECK (score > 0)"),
                        "table users / check users_score_check: expression `score` >= 0 -> `score` > 0"),
                showing(
                        "a dropped trigger",
                        List.of("DROP TRIGGER users_lower_email"),
                        "trigger users_lower_email: missing (was body=SET NEW.email = lower(NEW.email);"
                                + " events=insert; level=row; table=users; timing=before)"),
                // A down that puts back what the up took, unnamed again, restores the schema.
                showing(
                        "an unnamed foreign key and check recreated",
                        List.of(
                                "ALTER TABLE post_tags DROP FOREIGN KEY post_tags_ibfk_1",
                                "ALTER TABLE post_tags ADD FOREIGN KEY (user_id, slug)"
                                        + " REFERENCES posts (user_id, slug)",
                                "ALTER TABLE posts DROP CONSTRAINT CONSTRAINT_1",
                                "ALTER TABLE posts ADD CHECK (char_length(title) > 0)")));
    }

    @Override
    Change columnTypeChange() {
        return COLUMN_TYPE_CHANGE;
    }

    @Override
    List<String> ignoredTable() {
        return List.of(
                "CREATE TABLE cairn_history (version varchar(50) PRIMARY KEY, user_id int,"
                        + " CONSTRAINT history_user_fkey FOREIGN KEY (user_id) REFERENCES users (id),"
                        + " CONSTRAINT history_version_check CHECK (version <> ''), UNIQUE (user_id, version))",
                "CREATE INDEX history_user_idx ON cairn_history (version, user_id)",
                "CREATE TRIGGER history_trigger BEFORE INSERT ON cairn_history FOR EACH ROW"
                        + " SET NEW.version = trim(NEW.version)");
    }

    @Override
    List<String> ignoredTableShows() {
        return List.of("cairn_history", "history_trigger");
    }

    @Override
    List<String> ignoredTableTraces() {
        return List.of("history_");
    }
}
