// SPDX-License-Identifier: Apache-2.0
package dev.cairn.internal.config;

import dev.cairn.ConfigurationException;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.ReaderException;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Parses YAML text into SnakeYAML's node tree, which keeps the line of every key and value. Only
 * the composer runs: no Java object is ever constructed from a tag, and the tree is read by
 * {@link YamlMap} against the expected shape.
 *
 * <p>Errors are rebuilt from SnakeYAML's problem text and position only. Its own messages quote
 * the offending source line, which could be the line that holds a password.
 */
final class YamlDocument {

    /**
     * Aliases to mappings or lists allowed in one file. A real configuration needs a handful; the cap
     * stops a small file from expanding into an enormous tree ("billion laughs").
     */
    static final int MAX_ALIASES = 50;

    /** Standard tags that a plain configuration value may carry (all implicit, resolved from text). */
    private static final Set<Tag> PLAIN_TAGS =
            Set.of(Tag.STR, Tag.INT, Tag.FLOAT, Tag.BOOL, Tag.NULL, Tag.TIMESTAMP, Tag.MAP, Tag.SEQ, Tag.MERGE);

    private YamlDocument() {}

    /**
     * The root node of {@code text}, or null if the text holds no document (empty, or only comments).
     *
     * @throws ConfigurationException if the text is not valid YAML, or holds more than one
     *     document, with the line and column of the problem
     */
    static Node parse(String text, SourceFile source) {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(MAX_ALIASES);
        options.setAllowRecursiveKeys(false);
        options.setNestingDepthLimit(20);
        options.setCodePointLimit(1 << 20);
        options.setProcessComments(false);
        options.setMergeOnCompose(false);
        try {
            Composer composer = new Composer(new ParserImpl(new StreamReader(text), options), new Resolver(), options);
            return composer.getSingleNode();
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String message = sentence(problem(e)) + " " + hint(e.getProblem());
            if (mark == null) {
                throw new ConfigurationException(source.label() + ": " + message);
            }
            throw source.error(mark.getLine() + 1, mark.getColumn() + 1, message);
        } catch (ReaderException e) {
            // Raised for characters YAML does not allow, such as control characters; never quote it.
            throw source.error(
                    lineAt(text, e.getPosition()),
                    String.format(
                            "the character U+%04X is not allowed in YAML. Remove it, or write it as an escape"
                                    + " inside a double-quoted string.",
                            e.getCodePoint()));
        } catch (YAMLException e) {
            // Unmarked problems are limits (aliases, size, depth); their message names the limit only.
            throw new ConfigurationException(source.label() + ": " + sentence(firstLine(e.getMessage()))
                    + " Simplify the file: it needs no more than a few aliases and levels.");
        }
    }

    /** Whether {@code node} carries a tag that a plain value may have; see {@link YamlMap}. */
    static boolean hasPlainTag(Node node) {
        return PLAIN_TAGS.contains(node.getTag());
    }

    /** The tag as it is written in YAML, such as {@code !!binary} or {@code !secret}. */
    static String tagText(Node node) {
        String tag = node.getTag().getValue();
        return tag.startsWith(Tag.PREFIX) ? "!!" + tag.substring(Tag.PREFIX.length()) : tag;
    }

    /** The 1-based line of {@code node}. */
    static int line(Node node) {
        return node.getStartMark() == null ? 1 : node.getStartMark().getLine() + 1;
    }

    /** SnakeYAML's context and problem, such as "while scanning a quoted scalar, found unexpected end". */
    private static String problem(MarkedYAMLException e) {
        if (e.getContext() == null) {
            return e.getProblem();
        }
        return e.getProblem() == null ? e.getContext() : e.getContext() + ", " + e.getProblem();
    }

    private static String hint(String problem) {
        if (problem != null && problem.contains("tag")) {
            return "Remove the tag; cairn.yml holds plain values.";
        }
        return "Fix the YAML there (quote a value that contains ': ' or ' #', ends with ':', or starts with"
                + " a character such as { [ * & ! % @ or `).";
    }

    private static int lineAt(String text, int position) {
        int line = 1;
        int end = Math.min(position, text.length());
        for (int i = 0; i < end; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "the YAML cannot be read";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    private static String sentence(String text) {
        String trimmed = text == null ? "invalid YAML" : text.trim();
        return trimmed.endsWith(".") ? trimmed : trimmed + ".";
    }
}
