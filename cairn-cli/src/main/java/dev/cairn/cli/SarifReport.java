// SPDX-License-Identifier: Apache-2.0
package dev.cairn.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.cairn.LintFinding;
import dev.cairn.LintResult;
import dev.cairn.LintRule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code cairn lint --format sarif}: the findings as one SARIF 2.1.0 log on stdout, the format that code
 * scanning reads (GitHub's {@code upload-sarif}, GitLab, IDE viewers). Each rule is a reporting descriptor
 * with its title, why and fix; each finding a result at its file (relative to the working directory,
 * which is the checkout's root when run there, under {@code %SRCROOT%}) and line.
 */
final class SarifReport {

    /** Where the schema of the format is published; code-scanning tools check the log against it. */
    static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";

    private static final String ROOT = "%SRCROOT%";

    private final Invocation invocation;

    SarifReport(Invocation invocation) {
        this.invocation = invocation;
    }

    /** Writes {@code result} to stdout. */
    void write(LintResult result) {
        try (JsonGenerator json = new JsonFactory().createGenerator(invocation.out)) {
            json.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
            json.useDefaultPrettyPrinter();
            json.writeStartObject();
            json.writeStringField("$schema", SCHEMA);
            json.writeStringField("version", "2.1.0");
            json.writeArrayFieldStart("runs");
            json.writeStartObject();
            Map<String, Integer> index = tool(json, result.rules());
            json.writeObjectFieldStart("originalUriBaseIds");
            json.writeObjectFieldStart(ROOT);
            json.writeStringField("uri", invocation.workingDirectory.toUri().toString());
            json.writeEndObject();
            json.writeEndObject();
            json.writeArrayFieldStart("results");
            for (LintFinding finding : result.findings()) {
                result(json, finding, index.get(finding.rule().id()));
            }
            json.writeEndArray();
            json.writeEndObject();
            json.writeEndArray();
            json.writeEndObject();
            json.flush();
            invocation.out.println();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The tool and its rules; the index of each rule by id, which results refer to. */
    private static Map<String, Integer> tool(JsonGenerator json, List<LintRule> rules) throws IOException {
        Map<String, Integer> index = new HashMap<>();
        json.writeObjectFieldStart("tool");
        json.writeObjectFieldStart("driver");
        json.writeStringField("name", "cairn");
        json.writeStringField("semanticVersion", Version.number());
        json.writeArrayFieldStart("rules");
        for (LintRule rule : rules) {
            index.put(rule.id(), index.size());
            json.writeStartObject();
            json.writeStringField("id", rule.id());
            json.writeObjectFieldStart("shortDescription");
            json.writeStringField("text", rule.title());
            json.writeEndObject();
            json.writeObjectFieldStart("fullDescription");
            json.writeStringField("text", rule.why());
            json.writeEndObject();
            json.writeObjectFieldStart("help");
            json.writeStringField("text", rule.fix());
            json.writeEndObject();
            json.writeObjectFieldStart("defaultConfiguration");
            json.writeStringField("level", level(rule.level()));
            json.writeEndObject();
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
        json.writeEndObject();
        return index;
    }

    private void result(JsonGenerator json, LintFinding finding, Integer ruleIndex) throws IOException {
        json.writeStartObject();
        json.writeStringField("ruleId", finding.rule().id());
        if (ruleIndex != null) {
            json.writeNumberField("ruleIndex", ruleIndex);
        }
        json.writeStringField("level", level(finding.level()));
        json.writeObjectFieldStart("message");
        json.writeStringField(
                "text",
                "The migration " + finding.migration() + " " + finding.message() + ". "
                        + finding.rule().fix());
        json.writeEndObject();
        json.writeArrayFieldStart("locations");
        json.writeStartObject();
        json.writeObjectFieldStart("physicalLocation");
        json.writeObjectFieldStart("artifactLocation");
        Path shown = Path.of(invocation.display(finding.file()));
        if (shown.isAbsolute()) {
            json.writeStringField("uri", finding.file().toUri().toString());
        } else {
            json.writeStringField("uri", relativeUri(shown));
            json.writeStringField("uriBaseId", ROOT);
        }
        json.writeEndObject();
        json.writeObjectFieldStart("region");
        json.writeNumberField("startLine", Math.max(1, finding.line()));
        json.writeEndObject();
        json.writeEndObject();
        json.writeEndObject();
        json.writeEndArray();
        json.writeEndObject();
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

    private static String level(LintRule.Level level) {
        return level.name().toLowerCase(Locale.ROOT);
    }
}
