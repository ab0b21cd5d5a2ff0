// SPDX-License-Identifier: Apache-2.0

/**
 * JMH benchmarks of Cairn's in-process work per migration (scanning, splitting, planning, and the API on
 * SQLite) at 1,000 and 10,000 migrations; see {@code bench/jmh/README.md}.
 */
package dev.cairn.bench;
