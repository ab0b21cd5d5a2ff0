// SPDX-License-Identifier: Apache-2.0
package dev.cairn.javamigrations.problems;

import dev.cairn.JavaMigration;

/** An abstract base class with a migration's name: skipped by a scan, not an error. */
public abstract class V10__abstract_base implements JavaMigration {}
