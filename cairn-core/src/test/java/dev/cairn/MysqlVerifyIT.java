// SPDX-License-Identifier: Apache-2.0
package dev.cairn;

import static dev.cairn.VerifyProject.checked;
import static dev.cairn.VerifyProject.differences;
import static dev.cairn.VerifyProject.verdicts;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.testing.Engine;
import dev.cairn.testing.TestDatabases;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code verify} on the shapes real MySQL and MariaDB projects have: triggers and routines with
 * bodies, enum columns, and DDL that commits at once, so that a bad down is recovered by rebuilding
 * the scratch database.
 */
class MysqlVerifyIT {

    @TempDir
    Path directory;

    @RegisterExtension
    final TestDatabases databases = new TestDatabases();

    private VerifyProject project;

    @BeforeEach
    void project() {
        project = new VerifyProject(databases.create(Engine.MARIADB), directory)
                .migration(
                        "1_orders",
                        "CREATE TABLE orders (id int PRIMARY KEY, status ENUM('new', 'paid') NOT NULL,"
                                + " total decimal(10,2) NOT NULL DEFAULT 0);",
                        "DROP TABLE orders;");
    }

    @Test
    void anEnumValueTheDownDoesNotRemoveDiffers() {
        project.migration(
                "2_shipped", "ALTER TABLE orders MODIFY status ENUM('new', 'paid', 'shipped') NOT NULL;", "SELECT 1;");

        VerifyResult result = project.cairn().verify();

        assertThat(verdicts(result)).containsExactly("1_orders reversible", "2_shipped differs");
        assertThat(differences(result, "2_shipped"))
                .containsExactly(
                        "table orders / column status: type enum('new','paid') -> enum('new','paid','shipped')");
    }

    @Test
    void aTriggerBodyRestoredDifferentlyDiffers() {
        String trigger =
                "CREATE TRIGGER orders_total BEFORE INSERT ON orders FOR EACH ROW SET NEW.total = NEW.total" + " * 1;";
        project.migration("2_trigger", trigger, "DROP TRIGGER orders_total;")
                .migration("3_drop_trigger", "DROP TRIGGER orders_total;", trigger.replace("* 1;", "* 2;"))
                .migration("4_after", "CREATE TABLE later (id int);", "DROP TABLE later;");

        VerifyResult result = project.cairn().verify();

        assertThat(verdicts(result))
                .containsExactly(
                        "1_orders reversible", "2_trigger reversible", "3_drop_trigger differs", "4_after reversible");
        assertThat(differences(result, "3_drop_trigger"))
                .containsExactly("trigger orders_total: body SET NEW.total = NEW.total * 1 -> SET NEW.total ="
                        + " NEW.total * 2");
    }

    @Test
    void aRoutineBodyRestoredDifferentlyDiffers() {
        String function = "CREATE FUNCTION with_tax(amount decimal(10,2)) RETURNS decimal(10,2) DETERMINISTIC"
                + " RETURN amount * 1.20;";
        project.migration("2_tax", function, "DROP FUNCTION with_tax;")
                .migration(
                        "3_tax_change",
                        "DROP FUNCTION with_tax;\n" + function.replace("1.20", "1.25"),
                        "DROP FUNCTION with_tax;\n" + function.replace("1.20", "1.19"));

        VerifyResult result = project.cairn().verify();

        assertThat(verdicts(result)).containsExactly("1_orders reversible", "2_tax reversible", "3_tax_change differs");
        assertThat(checked(result, "3_tax_change").differences())
                .singleElement()
                .satisfies(finding -> {
                    assertThat(finding.attribute()).isEqualTo("body");
                    assertThat(finding.before()).contains("1.20");
                    assertThat(finding.after()).contains("1.19");
                });
    }
}
