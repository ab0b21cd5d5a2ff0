// SPDX-License-Identifier: Apache-2.0

/**
 * Cairn: database schema migrations in batches, with rollbacks. Only {@code dev.cairn} is API;
 * everything under {@code dev.cairn.internal} may change in any release.
 */
// java-diff-utils is an automatic module (its jar names itself io.github.javadiffutils but has no
// descriptor); requiring it is deliberate, so the compiler's warning about that is not wanted here.
@SuppressWarnings("requires-automatic")
module dev.cairn {
    requires transitive java.sql;
    // Optional (CairnConfig.dataSource() only), and in its signature, so transitive for those who use it.
    requires static transitive com.zaxxer.hikari;
    requires org.slf4j;
    requires org.yaml.snakeyaml;
    requires io.github.javadiffutils;
    requires io.github.classgraph;

    exports dev.cairn;

    // JdbcDrivers: the drivers of an application's class path, which DriverManager does not hand out.
    uses java.sql.Driver;
}
