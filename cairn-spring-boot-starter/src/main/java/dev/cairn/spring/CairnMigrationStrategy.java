// SPDX-License-Identifier: Apache-2.0
package dev.cairn.spring;

import dev.cairn.Cairn;

/**
 * What the application does with its migrations at start-up. The default migrates every pending
 * migration (honouring {@code cairn.allow-out-of-order} and {@code cairn.target}); a bean of this
 * type replaces it, for example to validate only ({@code cairn -> cairn.validate()}), to do nothing,
 * or to verify before migrating. It runs where the default would, before the beans that depend on
 * database initialisation are created; an exception it throws stops the start.
 */
@FunctionalInterface
public interface CairnMigrationStrategy {

    /**
     * Does the start-up work with this {@link Cairn}.
     *
     * @param cairn the application's {@code Cairn}, configured from {@code cairn.*}
     */
    void migrate(Cairn cairn);
}
