// SPDX-License-Identifier: Apache-2.0
/** Java migrations built by the application and given to the builder, not found by a scan. */
package dev.cairn.javamigrations.given;
