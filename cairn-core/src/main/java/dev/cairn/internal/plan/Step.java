// SPDX-License-Identifier: Apache-2.0
package dev.cairn.internal.plan;

import dev.cairn.Direction;
import dev.cairn.Plan;
import dev.cairn.internal.history.HistoryRow;
import dev.cairn.internal.source.Migration;
import dev.cairn.internal.source.Section;
import dev.cairn.internal.sql.Statement;
import java.util.List;
import java.util.Optional;

/**
 * One migration section to run, already split into statements.
 *
 * @param migration the migration
 * @param direction up or down
 * @param section the section that runs
 * @param statements its statements, in order
 * @param batch the batch it goes into (up) or comes out of (down)
 * @param row its tracking row: for down, and for an up that resumes; null for an up that starts
 * @param resumeAt how many of {@code statements} ran before, when the section stopped part-way on an
 *     earlier run; the step runs the rest
 */
public record Step(
        Migration migration,
        Direction direction,
        Section section,
        List<Statement> statements,
        int batch,
        HistoryRow row,
        int resumeAt) {

    /** The step as the public API shows it. */
    public Plan.Migration toPlanned() {
        return new Plan.Migration(
                migration.name(),
                migration.version().text(),
                direction,
                section.file(),
                section.transactional(),
                statements.subList(resumeAt, statements.size()).stream()
                        .filter(s -> !s.isCode())
                        .map(s -> new Plan.Statement(s.sql(), s.line()))
                        .toList(),
                resumeAt,
                Optional.ofNullable(migration.java())
                        .map(java -> java.getClass().getName()));
    }
}
