// SPDX-License-Identifier: Apache-2.0
package dev.cairn;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The SARIF log of {@link LintResult#toSarif}, written by hand without a JSON library: its whole text for
 * a small result (the shape code scanning reads), and the escaping of every string in it.
 */
class LintSarifTest {

    private static final Path ROOT = Path.of("/work/app").toAbsolutePath();

    private static final LintRule EMPTY_DOWN = new LintRule(
            "empty-down", LintRule.Level.ERROR, "An empty down", "Rolling back runs nothing.", "Write the down.");

    private static final LintRule DROP_TABLE =
            new LintRule("drop-table", LintRule.Level.WARNING, "Dropping a table", "Data goes.", "Drop it later.");

    @Test
    void aFindingInsideTheRootIsNamedRelativeToItUnderSrcroot() {
        LintResult result = new LintResult(
                "SQLite",
                1,
                List.of(new LintFinding(
                        "20260101000200_drop",
                        ROOT.resolve("database/migrations/20260101000200_drop.sql"),
                        4,
                        EMPTY_DOWN,
                        LintRule.Level.ERROR,
                        "table users is destroyed by the up, and the down is empty")),
                List.of(DROP_TABLE, EMPTY_DOWN));

        assertThat(result.toSarif(ROOT, "1.2.3"))
                .isEqualTo("""
                        {
                          "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
                          "version": "2.1.0",
                          "runs": [
                            {
                              "tool": {
                                "driver": {
                                  "name": "cairn",
                                  "semanticVersion": "1.2.3",
                                  "rules": [
                                    {
                                      "id": "drop-table",
                                      "shortDescription": {
                                        "text": "Dropping a table"
                                      },
                                      "fullDescription": {
                                        "text": "Data goes."
                                      },
                                      "help": {
                                        "text": "Drop it later."
                                      },
                                      "defaultConfiguration": {
                                        "level": "warning"
                                      }
                                    },
                                    {
                                      "id": "empty-down",
                                      "shortDescription": {
                                        "text": "An empty down"
                                      },
                                      "fullDescription": {
                                        "text": "Rolling back runs nothing."
                                      },
                                      "help": {
                                        "text": "Write the down."
                                      },
                                      "defaultConfiguration": {
                                        "level": "error"
                                      }
                                    }
                                  ]
                                }
                              },
                              "originalUriBaseIds": {
                                "%SRCROOT%": {
                                  "uri": "ROOT_URI"
                                }
                              },
                              "results": [
                                {
                                  "ruleId": "empty-down",
                                  "ruleIndex": 1,
                                  "level": "error",
                                  "message": {
                                    "text": "Table users is destroyed by the up, \
                        and the down is empty. Write the down."
                                  },
                                  "locations": [
                                    {
                                      "physicalLocation": {
                                        "artifactLocation": {
                                          "uri": "database/migrations/20260101000200_drop.sql",
                                          "uriBaseId": "%SRCROOT%"
                                        },
                                        "region": {
                                          "startLine": 4
                                        }
                                      }
                                    }
                                  ]
                                }
                              ]
                            }
                          ]
                        }
                        """.replace("ROOT_URI", ROOT.toUri().toString()));
    }

    @Test
    void aFileOutsideTheRootIsItsAbsoluteUriAndAnUnknownVersionIsLeftOut() {
        Path elsewhere = ROOT.resolveSibling("shared/my migrations/001_drop.sql");
        LintResult result = new LintResult(
                "SQLite",
                1,
                List.of(new LintFinding("001_drop", elsewhere, 0, DROP_TABLE, LintRule.Level.WARNING, "drops t")),
                List.of(EMPTY_DOWN));

        String sarif = result.toSarif(ROOT, null);

        assertThat(sarif)
                .contains("\"uri\": \"" + elsewhere.toUri() + "\"")
                .contains("%20")
                .doesNotContain("\"uriBaseId\"")
                .doesNotContain("semanticVersion")
                // A rule turned off since has no index; a finding without a line points at line 1.
                .doesNotContain("ruleIndex")
                .contains("\"startLine\": 1")
                .contains("\"results\": [\n");
        assertThat(new LintResult("SQLite", 0, List.of(), List.of()).toSarif(ROOT, "1"))
                .contains("\"rules\": []")
                .contains("\"results\": []");
    }

    @Test
    void everyStringIsEscapedAndTheLogIsAscii() {
        StringBuilder out = new StringBuilder();

        LintSarif.string("a \"q\" \\ b\n\r\t\b\f\u0001 é \u2028 \ud83d\ude00 \ud800", out);

        assertThat(out.toString())
                .isEqualTo("\"a \\\"q\\\" \\\\ b\\n\\r\\t\\b\\f\\u0001 \\u00e9 \\u2028 \\ud83d\\ude00 \\ud800\"");
        LintResult result = new LintResult(
                "SQLite",
                1,
                List.of(new LintFinding(
                        "001_café",
                        ROOT.resolve("001_café.sql"),
                        2,
                        DROP_TABLE,
                        LintRule.Level.WARNING,
                        "drops \"t\"")),
                List.of(DROP_TABLE));
        assertThat(result.toSarif(ROOT, "1"))
                .matches("\\p{ASCII}*")
                .contains("Drops \\\"t\\\". Drop it later.")
                .contains("\"uri\": \"001_caf%C3%A9.sql\"");
    }
}
