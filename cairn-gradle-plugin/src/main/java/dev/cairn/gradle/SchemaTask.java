// SPDX-License-Identifier: Apache-2.0
package dev.cairn.gradle;

import dev.cairn.Cairn;

/** {@code cairnSchema}: the database's schema, normalised and sorted, one object per line. */
public abstract class SchemaTask extends CairnTask {

    /** Creates the task; Gradle does. */
    public SchemaTask() {}

    @Override
    void run(Cairn cairn) {
        getLogger().quiet(cairn.schema().text());
    }
}
