// SPDX-License-Identifier: Apache-2.0

/**
 * The Maven plugin: one goal per {@code cairn} command ({@code migrate}, {@code status}, {@code rollback},
 * {@code validate}, {@code verify}, {@code schema}), each a small mojo over {@code CairnMojo}, which
 * configures {@link dev.cairn.Cairn} from {@code cairn.yml} and the plugin's parameters on the project's
 * class path and maps Cairn's exceptions to Maven's. It uses the public API of {@code dev.cairn} only.
 */
package dev.cairn.maven;
