// SPDX-License-Identifier: Apache-2.0
package dev.cairn;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@link LintResult#toSarif}: the findings as one SARIF 2.1.0 log, the format that code scanning reads
 * (GitHub's {@code upload-sarif}, GitLab, IDE viewers). Each rule is a reporting descriptor with its
 * title, why and fix; each finding a result at its file (relative to a root, under {@code %SRCROOT%},
 * when it lies inside it) and line. The one SARIF writer of the codebase: the {@code cairn} tool and
 * the Maven plugin both write through it.
 *
 * <p>The JSON is written here by hand because the core has no JSON library (and should not take one
 * for a report): the log is first built as maps and lists, then printed by {@link #json}, which escapes
 * every string.
 */
final class LintSarif {

    /** Where the schema of the format is published; code-scanning tools check the log against it. */
    static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";

    private static final String ROOT = "%SRCROOT%";

    private LintSarif() {}

    /** The log of {@code result}; see {@link LintResult#toSarif}. */
    static String of(LintResult result, Path root, String toolVersion) {
        Path base = root.toAbsolutePath().normalize();
        Map<String, Integer> index = new HashMap<>();
        List<Object> rules = new ArrayList<>();
        for (LintRule rule : result.rules()) {
            index.put(rule.id(), index.size());
            rules.add(object(
                    "id", rule.id(),
                    "shortDescription", object("text", rule.title()),
                    "fullDescription", object("text", rule.why()),
                    "help", object("text", rule.fix()),
                    "defaultConfiguration", object("level", rule.level().label())));
        }
        Map<String, Object> driver = object("name", "cairn");
        if (toolVersion != null) {
            driver.put("semanticVersion", toolVersion);
        }
        driver.put("rules", rules);
        List<Object> results = new ArrayList<>();
        for (LintFinding finding : result.findings()) {
            results.add(result(finding, index.get(finding.rule().id()), base));
        }
        Map<String, Object> run = object(
                "tool", object("driver", driver),
                "originalUriBaseIds", object(ROOT, object("uri", base.toUri().toString())),
                "results", results);
        Map<String, Object> log = object("$schema", SCHEMA, "version", "2.1.0", "runs", List.of(run));
        StringBuilder out = new StringBuilder();
        json(log, "", out);
        return out.append('\n').toString();
    }

    private static Map<String, Object> result(LintFinding finding, Integer ruleIndex, Path base) {
        Map<String, Object> result = object("ruleId", finding.rule().id());
        if (ruleIndex != null) {
            result.put("ruleIndex", ruleIndex);
        }
        result.put("level", finding.level().label());
        result.put(
                "message",
                object(
                        "text",
                        Character.toUpperCase(finding.message().charAt(0))
                                + finding.message().substring(1) + ". "
                                + finding.rule().fix()));
        Path absolute = base.resolve(finding.file()).normalize();
        Map<String, Object> artifact;
        if (absolute.startsWith(base) && !absolute.equals(base)) {
            artifact = object("uri", relativeUri(base.relativize(absolute)), "uriBaseId", ROOT);
        } else {
            artifact = object("uri", absolute.toUri().toString());
        }
        Map<String, Object> physical =
                object("artifactLocation", artifact, "region", object("startLine", Math.max(1, finding.line())));
        result.put("locations", List.of(object("physicalLocation", physical)));
        return result;
    }

    /** A relative path as a URI reference: its names joined by {@code /}, with what a URI cannot hold escaped. */
    private static String relativeUri(Path relative) {
        try {
            return new URI(
                            null,
                            null,
                            relative.toString().replace(relative.getFileSystem().getSeparator(), "/"),
                            null)
                    .toASCIIString();
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** A JSON object of the keys and values given in turn, in that order. */
    private static Map<String, Object> object(Object... keysAndValues) {
        Map<String, Object> object = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            object.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return object;
    }

    /**
     * Prints {@code value} (a map, list, string or number) as JSON, two spaces an indent, each member and
     * element on a line of its own.
     */
    private static void json(Object value, String indent, StringBuilder out) {
        if (value instanceof Map<?, ?> map) {
            if (map.isEmpty()) {
                out.append("{}");
                return;
            }
            out.append("{\n");
            String inner = indent + "  ";
            int left = map.size();
            for (Map.Entry<?, ?> member : map.entrySet()) {
                out.append(inner);
                string((String) member.getKey(), out);
                out.append(": ");
                json(member.getValue(), inner, out);
                out.append(--left > 0 ? ",\n" : "\n");
            }
            out.append(indent).append('}');
        } else if (value instanceof List<?> list) {
            if (list.isEmpty()) {
                out.append("[]");
                return;
            }
            out.append("[\n");
            String inner = indent + "  ";
            for (int i = 0; i < list.size(); i++) {
                out.append(inner);
                json(list.get(i), inner, out);
                out.append(i < list.size() - 1 ? ",\n" : "\n");
            }
            out.append(indent).append(']');
        } else if (value instanceof Integer number) {
            out.append(number.intValue());
        } else {
            string((String) value, out);
        }
    }

    /**
     * A JSON string. Beyond what JSON requires (the quote, the backslash, control characters), every
     * character outside ASCII is written as its {@code \}{@code uXXXX} escape: the log is then the same
     * bytes in any charset (the tool prints it in the console's), and a lone surrogate in a file name
     * stays valid JSON instead of turning into {@code ?}.
     */
    static void string(String text, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20 || c > 0x7e) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
