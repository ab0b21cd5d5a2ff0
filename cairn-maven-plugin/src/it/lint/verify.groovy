// SPDX-License-Identifier: Apache-2.0
import dev.cairn.maven.SampleDatabases
import groovy.json.JsonSlurper

String log = SampleDatabases.log(basedir)
String file = "database" + File.separator + "migrations" + File.separator + "20260101000200_reshape_users.sql"
// The first build: each finding as cairn lint prints it, warnings as warnings, errors as errors, with the
// rule's why and fix at its first finding.
assert log.contains("[WARNING] " + file + ":2: warning rename-table")
assert log.contains("[WARNING]   renames table users to accounts")
assert log.contains("[WARNING] " + file + ":3: warning rename-column")
assert log.contains("[WARNING] " + file + ":4: warning drop-column")
assert log.contains("[WARNING] " + file + ":5: warning drop-table")
assert log.contains("[ERROR] " + file + ":4: error empty-down")
assert log.contains("[ERROR]   column email of table accounts is destroyed by the up, and the down is empty")
assert log.contains("[ERROR]   why: Rolling back runs nothing and reports success")
assert log.contains("[INFO] Linted 2 migrations with the SQLite rules: 2 errors, 4 warnings")
// It fails the build with Cairn's message, naming each error, and no stack trace.
assert log.contains(":lint (default-cli) on project lint: lint found 2 errors in the SQLite migrations;")
assert log.contains("[ERROR]   - 20260101000200_reshape_users.sql:4 empty-down: column email of table accounts is"
        + " destroyed by the up, and the down is empty")
assert !log.contains("Caused by:")

// The second build: every migration, as a SARIF log in target/, and the same failure.
File sarif = new File(basedir, "target/cairn-lint.sarif")
assert log.contains("[INFO] Wrote the SARIF log of 6 findings to " + sarif)
def run = new JsonSlurper().parse(sarif).runs[0]
assert run.tool.driver.name == "cairn"
def emptyDown = run.results.findAll { it.ruleId == "empty-down" }
assert emptyDown*.level == ["error", "error"]
assert emptyDown*.locations*.getAt(0)*.physicalLocation*.region*.startLine == [4, 5]
def location = emptyDown[0].locations[0].physicalLocation.artifactLocation
assert location.uri == "database/migrations/20260101000200_reshape_users.sql"
assert location.uriBaseId == "%SRCROOT%"
assert run.tool.driver.rules[emptyDown[0].ruleIndex].id == "empty-down"
assert run.results*.ruleId as Set == ["rename-table", "rename-column", "drop-column", "drop-table", "empty-down"] as Set
return true
