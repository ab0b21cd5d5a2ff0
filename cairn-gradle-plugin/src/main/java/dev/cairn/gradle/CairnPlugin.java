// SPDX-License-Identifier: Apache-2.0
package dev.cairn.gradle;

import org.gradle.api.Plugin;
import org.gradle.api.Project;
import org.gradle.api.plugins.JavaPlugin;
import org.gradle.api.tasks.SourceSet;
import org.gradle.api.tasks.SourceSetContainer;

/**
 * The plugin {@code dev.cairn.migrations}: adds the extension {@code cairn} and one task per command,
 * each taking its settings from the extension. In a Java project the {@code main} source set's
 * runtime class path (the project's classes, resources and dependencies, so its Java migrations and
 * its JDBC driver) is Cairn's class path, and the tasks run after it is built.
 */
public class CairnPlugin implements Plugin<Project> {

    /** Creates the plugin; Gradle does. */
    public CairnPlugin() {}

    @Override
    public void apply(Project project) {
        CairnExtension cairn = project.getExtensions().create("cairn", CairnExtension.class);
        cairn.getConfigFile()
                .convention(project.getLayout().getProjectDirectory().file("cairn.yml"));
        project.getPlugins().withType(JavaPlugin.class, java -> {
            SourceSet main = project.getExtensions()
                    .getByType(SourceSetContainer.class)
                    .getByName(SourceSet.MAIN_SOURCE_SET_NAME);
            cairn.getClasspath().from(main.getRuntimeClasspath());
        });

        register(project, cairn, "cairnMigrate", MigrateTask.class, "Applies the pending migrations as one batch.");
        register(project, cairn, "cairnStatus", StatusTask.class, "Shows applied and pending migrations.");
        register(
                project,
                cairn,
                "cairnRollback",
                RollbackTask.class,
                "Rolls back the last batch (--to VERSION, --to-batch N, --all).");
        register(project, cairn, "cairnValidate", ValidateTask.class, "Checks the history against the files.");
        register(
                project,
                cairn,
                "cairnVerify",
                VerifyTask.class,
                "Proves each down on a scratch database; fails when one does not restore the schema.");
        register(
                project,
                cairn,
                "cairnLint",
                LintTask.class,
                "Shows the risky statements of the pending migrations (--all, --file); fails on an error.");
        register(project, cairn, "cairnSchema", SchemaTask.class, "Prints the database's schema, normalised.");
    }

    private static <T extends CairnTask> void register(
            Project project, CairnExtension cairn, String name, Class<T> type, String description) {
        project.getTasks().register(name, type, task -> {
            task.setDescription(description);
            task.getConfigFile().convention(cairn.getConfigFile());
            task.getEnvironment().convention(cairn.getEnvironment());
            task.getUrl().convention(cairn.getUrl());
            task.getUser().convention(cairn.getUser());
            task.getPassword().convention(cairn.getPassword());
            task.getLocations().convention(cairn.getLocations());
            task.getTable().convention(cairn.getTable());
            task.getSchema().convention(cairn.getSchema());
            task.getLockTimeout().convention(cairn.getLockTimeout());
            task.getClasspath().from(cairn.getClasspath());
            task.getWorkingDirectory().convention(project.getLayout().getProjectDirectory());
            // Built classes for classpath: locations and Java migrations.
            task.dependsOn(cairn.getClasspath());
        });
    }
}
