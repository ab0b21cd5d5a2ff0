// SPDX-License-Identifier: Apache-2.0
package dev.cairn;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Set;

/**
 * The layering of the core, held by the build rather than by review: the internal packages form a
 * pipeline without cycles (command on top; sql at the bottom), the API's two entry points are the only
 * API types that reach inside, and only the packages whose job it is execute SQL.
 */
@AnalyzeClasses(packages = "dev.cairn", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String FACADES = "dev\\.cairn\\.(Cairn|CairnConfig)(\\$.*)?";

    /** Creating or executing a JDBC statement: what "executes SQL" means below. */
    private static final DescribedPredicate<JavaMethodCall> EXECUTES_SQL =
            new DescribedPredicate<>("create or execute a JDBC statement") {
                @Override
                public boolean test(JavaMethodCall call) {
                    String name = call.getTarget().getName();
                    return call.getTargetOwner().isAssignableTo(Connection.class)
                                    && Set.of("createStatement", "prepareStatement", "prepareCall")
                                            .contains(name)
                            || call.getTargetOwner().isAssignableTo(Statement.class) && name.startsWith("execute");
                }
            };

    @ArchTest
    static final ArchRule internalPackagesHaveNoCycles =
            slices().matching("dev.cairn.internal.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule internalPackagesAreLayeredAsThePipeline = layeredArchitecture()
            .consideringOnlyDependenciesInLayers()
            .layer("command")
            .definedBy("dev.cairn.internal.command..")
            .layer("run")
            .definedBy("dev.cairn.internal.run..")
            .layer("plan")
            .definedBy("dev.cairn.internal.plan..")
            .layer("history")
            .definedBy("dev.cairn.internal.history..")
            .layer("connect")
            .definedBy("dev.cairn.internal.connect..")
            .layer("config")
            .definedBy("dev.cairn.internal.config..")
            .layer("dialect")
            .definedBy("dev.cairn.internal.dialect..")
            .layer("lint")
            .definedBy("dev.cairn.internal.lint..")
            .layer("source")
            .definedBy("dev.cairn.internal.source..")
            .layer("lock")
            .definedBy("dev.cairn.internal.lock..")
            .layer("schema")
            .definedBy("dev.cairn.internal.schema..")
            .layer("sql")
            .definedBy("dev.cairn.internal.sql..")
            .whereLayer("command")
            .mayNotBeAccessedByAnyLayer()
            .whereLayer("config")
            .mayNotBeAccessedByAnyLayer()
            .whereLayer("connect")
            .mayOnlyBeAccessedByLayers("command")
            .whereLayer("run")
            .mayOnlyBeAccessedByLayers("command")
            .whereLayer("plan")
            .mayOnlyBeAccessedByLayers("command", "run")
            .whereLayer("history")
            .mayOnlyBeAccessedByLayers("command", "run", "plan")
            .whereLayer("source")
            .mayOnlyBeAccessedByLayers("command", "run", "plan", "config", "lint") // config: the syntax of a location
            .whereLayer("lint")
            .mayOnlyBeAccessedByLayers("command", "dialect", "config") // config: the rules lint.rules may name
            .whereLayer("dialect")
            .mayOnlyBeAccessedByLayers("command", "run", "history", "connect", "config")
            .whereLayer("lock")
            .mayOnlyBeAccessedByLayers("command", "dialect")
            .whereLayer("schema")
            .mayOnlyBeAccessedByLayers("command", "dialect");

    @ArchTest
    static final ArchRule dialectsDependOnlyDownward = classes()
            .that()
            .resideInAPackage("dev.cairn.internal.dialect..")
            .should()
            .onlyDependOnClassesThat()
            .resideInAnyPackage(
                    "dev.cairn",
                    "dev.cairn.internal.dialect..",
                    "dev.cairn.internal.lint..",
                    "dev.cairn.internal.lock..",
                    "dev.cairn.internal.schema..",
                    "dev.cairn.internal.sql..",
                    "java..");

    @ArchTest
    static final ArchRule onlyRunHistoryLockAndSchemaExecuteSql = noClasses()
            .that()
            .resideOutsideOfPackages(
                    "dev.cairn.internal.run..",
                    "dev.cairn.internal.history..",
                    "dev.cairn.internal.lock..",
                    "dev.cairn.internal.schema..")
            .should()
            .callMethodWhere(EXECUTES_SQL);

    @ArchTest
    static final ArchRule configOnlyReadsFiles = noClasses()
            .that()
            .resideInAPackage("dev.cairn.internal.config..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("java.sql..", "javax.sql..", "com.zaxxer..");

    @ArchTest
    static final ArchRule onlyTheEntryPointsOfTheApiReachInside = noClasses()
            .that()
            .resideInAPackage("dev.cairn")
            .and()
            .haveNameNotMatching(FACADES)
            .should()
            .dependOnClassesThat()
            .resideInAPackage("dev.cairn.internal..");

    @ArchTest
    static final ArchRule theInsideNeverCallsBackIntoTheEntryPoints = noClasses()
            .that()
            .resideInAPackage("dev.cairn.internal..")
            .should()
            .dependOnClassesThat()
            .haveNameMatching(FACADES);
}
