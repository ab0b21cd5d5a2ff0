// SPDX-License-Identifier: Apache-2.0
package dev.cairn.internal.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.Direction;
import dev.cairn.internal.history.HistoryRow;
import dev.cairn.internal.source.Migration;
import dev.cairn.internal.source.MigrationDirectory;
import dev.cairn.internal.sql.SplitRules;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** When the rows of migrations a squash replaced read as the squashed migration, and when not. */
class SquashesTest {

    private static final Instant AT = Instant.parse("2026-01-01T00:00:00Z");

    @TempDir
    Path dir;

    private List<Migration> files() throws IOException {
        Files.writeString(
                dir.resolve("3_squashed.sql"), "-- migrate:up squashed\nSELECT 1;\n-- migrate:down\nSELECT 2;\n");
        Files.writeString(dir.resolve("4_tags.sql"), "-- migrate:up\nSELECT 4;\n");
        return MigrationDirectory.scan(dir);
    }

    private static HistoryRow row(int id, String name, int batch) {
        return new HistoryRow(id, name.substring(0, name.indexOf('_')), name, batch, "c", 2, "d", AT, 5, null);
    }

    @Test
    void theReplacedRowsReadAsTheSquashedMigrationInTheBatchOfTheNewest() throws IOException {
        List<Migration> migrations = files();
        List<HistoryRow> history = List.of(
                row(1, "1_users", 1),
                row(2, "2_posts", 1),
                row(3, "3_titles", 2),
                AppliedRow.of(4, migrations.get(1), 3, SplitRules.SQLITE, AT, 0, null));

        List<HistoryRow> collapsed = Squashes.collapse(migrations, history);

        assertThat(collapsed)
                .extracting(r -> r.id() + " " + r.name() + "@" + r.batch() + ":" + r.origin())
                .containsExactly("1 3_squashed@2:squash", "4 4_tags@3:null");
        assertThat(new Planner(migrations, history).status(SplitRules.SQLITE).problems())
                .isEmpty();
        HistoryRow recorded =
                Squashes.row(Squashes.mappings(migrations, history).get(0), SplitRules.SQLITE);
        assertThat(recorded.checksum())
                .isEqualTo(migrations.get(0).checksums(SplitRules.SQLITE).up());
        assertThat(recorded.appliedAt()).isEqualTo(AT);
    }

    @Test
    void aHistoryThatStopsShortOfTheSquashedVersionOrStoppedPartWayIsNotMapped() throws IOException {
        List<Migration> migrations = files();

        // Only part of what was squashed is applied here: the missing files say so.
        List<HistoryRow> partial = List.of(row(1, "1_users", 1), row(2, "2_posts", 1));
        assertThat(Squashes.collapse(migrations, partial)).isEqualTo(partial);
        assertThat(new Planner(migrations, partial).status(SplitRules.SQLITE).problems())
                .isNotEmpty();

        List<HistoryRow> stopped = List.of(
                row(1, "1_users", 1),
                row(2, "3_titles", 2).withProgress(new HistoryRow.Progress(Direction.UP, 1, "x")));
        assertThat(Squashes.mappings(migrations, stopped)).isEmpty();

        // Recorded for good already: nothing more to map.
        List<HistoryRow> recorded = List.of(row(1, "3_squashed", 2));
        assertThat(Squashes.collapse(migrations, recorded)).isEqualTo(recorded);
    }
}
