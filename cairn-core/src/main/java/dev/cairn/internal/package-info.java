// SPDX-License-Identifier: Apache-2.0

/**
 * Everything behind the API; it may change in any release. A command reads as a pipeline:
 * {@code command} (one class per verb) reads migration files ({@code source}), cuts them into statements
 * ({@code sql}), merges them with the tracking table into what to do ({@code plan}) and runs it ({@code
 * run}), with {@code history} (the tracking table), {@code lock} (one runner at a time), {@code dialect}
 * (what differs per database), {@code schema} (reading a database's schema), {@code connect}
 * (drivers, URLs, pools) and {@code config} ({@code cairn.yml}) beside it. The layering is checked by
 * {@code ArchitectureTest}: no cycles between these packages, and only {@code run}, {@code history},
 * {@code lock} and {@code schema} execute SQL.
 */
package dev.cairn.internal;
