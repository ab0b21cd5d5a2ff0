// SPDX-License-Identifier: Apache-2.0

/**
 * Cairn: database schema migrations in batches, with rollbacks. Only {@code dev.cairn} is API;
 * everything under {@code dev.cairn.internal} may change in any release.
 */
module dev.cairn {
    requires transitive java.sql;
    requires transitive com.zaxxer.hikari;
    requires org.slf4j;
    requires org.yaml.snakeyaml;

    exports dev.cairn;
}
