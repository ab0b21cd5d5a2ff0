// SPDX-License-Identifier: Apache-2.0

/** The build's generator of the distribution's man pages and shell completion; not shipped in the archives. */
package dev.cairn.dist;
