// SPDX-License-Identifier: Apache-2.0
package dev.cairn.junit;

import dev.cairn.Cairn;
import dev.cairn.junit.internal.Copy;
import dev.cairn.junit.internal.Settings;
import dev.cairn.junit.internal.Template;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The JUnit Jupiter extension behind {@link CairnDatabase}, and its programmatic form for a static field:
 *
 * <pre>{@code
 * @RegisterExtension
 * static final CairnExtension db = CairnExtension.postgres().locations("classpath:db/migrations");
 *
 * @Test
 * void findsAccounts() {
 *     var repository = new AccountRepository(db.dataSource());
 * }
 * }</pre>
 *
 * <p>Before a class's first callback, it gives the class a copy of a template migrated once per run
 * (per engine, locations, table and server, in JUnit's root store, dropped at the end of the run); the
 * copy is dropped when the class ends. It resolves parameters of type {@link DataSource},
 * {@link MigratedDatabase} and {@link Cairn} for the class's constructor, lifecycle methods and tests.
 * Registered in an instance field, it fails: a class's database must exist before its instances.
 */
public final class CairnExtension implements BeforeAllCallback, BeforeEachCallback, ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(CairnExtension.class);
    private static final List<Class<?>> RESOLVED = List.of(DataSource.class, MigratedDatabase.class, Cairn.class);

    private final Engine engine;
    private final List<String> locations;
    private final String url;
    private final String table;
    // The database of the class being run, for the accessors of a registered instance.
    private volatile MigratedDatabase current;

    /** The extension as {@link CairnDatabase} registers it: its settings come from the annotation. */
    public CairnExtension() {
        this(null, List.of(), "", "");
    }

    private CairnExtension(Engine engine, List<String> locations, String url, String table) {
        this.engine = engine;
        this.locations = List.copyOf(locations);
        this.url = url;
        this.table = table;
    }

    /** An extension for {@code engine}, reading {@code classpath:db/migrations}. */
    public static CairnExtension of(Engine engine) {
        return new CairnExtension(engine, List.of("classpath:db/migrations"), "", "");
    }

    /** {@link #of}({@link Engine#SQLITE}). */
    public static CairnExtension sqlite() {
        return of(Engine.SQLITE);
    }

    /** {@link #of}({@link Engine#H2}), in memory. */
    public static CairnExtension h2() {
        return of(Engine.H2);
    }

    /** {@link #of}({@link Engine#POSTGRESQL}): a server from the environment, else embedded. */
    public static CairnExtension postgres() {
        return of(Engine.POSTGRESQL);
    }

    /** {@link #of}({@link Engine#MARIADB}): a server from the environment. */
    public static CairnExtension mariaDb() {
        return of(Engine.MARIADB);
    }

    /** This extension reading the migrations from these locations, as {@link CairnDatabase#locations()}. */
    public CairnExtension locations(String... newLocations) {
        return new CairnExtension(requireProgrammatic(), List.of(newLocations), url, table);
    }

    /** This extension on the server of this admin URL, as {@link CairnDatabase#url()}. */
    public CairnExtension url(String adminUrl) {
        return new CairnExtension(requireProgrammatic(), locations, adminUrl, table);
    }

    /** This extension with this tracking table, as {@link CairnDatabase#table()}. */
    public CairnExtension table(String trackingTable) {
        return new CairnExtension(requireProgrammatic(), locations, url, trackingTable);
    }

    /**
     * The database of the class being run.
     *
     * @throws IllegalStateException outside a class this extension is registered on
     */
    public MigratedDatabase database() {
        MigratedDatabase database = current;
        if (database == null) {
            throw new IllegalStateException("No database yet: register CairnExtension in a static field with"
                    + " @RegisterExtension, and use it from the class's tests and lifecycle methods.");
        }
        return database;
    }

    /** {@link #database()}'s data source. */
    public DataSource dataSource() {
        return database().dataSource();
    }

    /** {@link #database()}'s JDBC URL. */
    public String url() {
        return database().url();
    }

    /** {@link #database()}'s {@link Cairn}. */
    public Cairn cairn() {
        return database().cairn();
    }

    /** Gives the class its copy, or finds the one an enclosing class of a {@code @Nested} class has. */
    @Override
    public void beforeAll(ExtensionContext context) {
        Settings settings = settings(context);
        ExtensionContext.Store store = context.getStore(NAMESPACE);
        Copy copy = store.get(new CopyKey(settings), Copy.class); // also finds an enclosing class's
        if (copy == null) {
            Template template = context.getRoot()
                    .getStore(NAMESPACE)
                    .computeIfAbsent(new TemplateKey(settings), key -> Template.build(settings), Template.class);
            copy = template.copy();
            store.put(new CopyKey(settings), copy); // closed, so dropped, when the class's context closes
        }
        current = copy.database();
    }

    /** Refuses an instance field, where the class's database would come too late. */
    @Override
    public void beforeEach(ExtensionContext context) {
        if (context.getStore(NAMESPACE).get(new CopyKey(settings(context)), Copy.class) == null) {
            throw new ExtensionConfigurationException("CairnExtension must be registered in a static field"
                    + " (@RegisterExtension static final CairnExtension db = ...): each test class gets its"
                    + " database before its first test, and an instance field is registered too late.");
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return RESOLVED.contains(parameter.getParameter().getType());
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Copy copy = context.getStore(NAMESPACE).get(new CopyKey(settings(context)), Copy.class);
        if (copy == null) {
            throw new ExtensionConfigurationException("No database for " + parameter.getParameter()
                    + ": register CairnExtension in a static field, or annotate the class with @CairnDatabase.");
        }
        MigratedDatabase database = copy.database();
        Class<?> type = parameter.getParameter().getType();
        if (type == DataSource.class) {
            return database.dataSource();
        }
        return type == Cairn.class ? database.cairn() : database;
    }

    /** The key of the run's template of these settings, in the root store. */
    private record TemplateKey(Settings settings) {}

    /**
     * The key of a class's copy, in the class's store; a different type from {@link TemplateKey}, as a
     * store's lookup goes on into the stores above it, up to the root.
     */
    private record CopyKey(Settings settings) {}

    private Settings settings(ExtensionContext context) {
        Class<?> testClass = context.getRequiredTestClass();
        ClassLoader loader = testClass.getClassLoader();
        if (engine != null) {
            return Settings.resolve(engine, locations, url, table, loader, System.getenv());
        }
        CairnDatabase annotation = annotation(testClass)
                .orElseThrow(() -> new ExtensionConfigurationException(
                        "CairnExtension registered without settings: annotate the class with @CairnDatabase, or"
                                + " register CairnExtension.of(engine) in a static field."));
        return Settings.resolve(
                annotation.engine(),
                List.of(annotation.locations()),
                annotation.url(),
                annotation.table(),
                loader,
                System.getenv());
    }

    /** The annotation on the class, its superclasses, or a class enclosing a {@code @Nested} one. */
    private static Optional<CairnDatabase> annotation(Class<?> testClass) {
        for (Class<?> c = testClass; c != null; c = c.getEnclosingClass()) {
            CairnDatabase annotation = c.getAnnotation(CairnDatabase.class);
            if (annotation != null) {
                return Optional.of(annotation);
            }
        }
        return Optional.empty();
    }

    private Engine requireProgrammatic() {
        if (engine == null) {
            throw new IllegalStateException(
                    "Start from CairnExtension.of(engine), sqlite(), h2(), postgres() or" + " mariaDb().");
        }
        return engine;
    }
}
