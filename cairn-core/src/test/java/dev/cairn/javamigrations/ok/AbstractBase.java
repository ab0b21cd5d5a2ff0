// SPDX-License-Identifier: Apache-2.0
package dev.cairn.javamigrations.ok;

import dev.cairn.JavaMigration;

/** A base class in the migrations package: abstract, so not a migration itself. */
public abstract class AbstractBase implements JavaMigration {}
