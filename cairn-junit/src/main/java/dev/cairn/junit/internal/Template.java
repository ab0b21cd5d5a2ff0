// SPDX-License-Identifier: Apache-2.0
package dev.cairn.junit.internal;

import dev.cairn.Cairn;
import dev.cairn.CairnException;
import dev.cairn.ConnectionException;
import dev.cairn.MigrateResult;
import dev.cairn.junit.MigratedDatabase;
import dev.cairn.junit.TestDatabaseException;
import java.security.SecureRandom;
import java.util.regex.Pattern;

/**
 * A database migrated once per test run, and the way its product copies it for each test class. One
 * subclass per product says how to make, migrate, copy and drop; JUnit keeps each template in its root
 * store, under its {@link Settings}, and closes it (dropping it) at the end of the run.
 *
 * <p>Names are {@value #COPY_PREFIX} or {@value #TEMPLATE_PREFIX} and 12 random characters: unique on a
 * shared server, plain identifiers for SQL, and recognisable if a killed JVM leaves one behind.
 */
public abstract class Template implements AutoCloseable {
    /** The prefix of every test class's database. */
    public static final String COPY_PREFIX = "cairn_test_";
    /** The prefix of every template database. */
    public static final String TEMPLATE_PREFIX = "cairn_tpl_";

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789".toCharArray();
    private static final Pattern NAME = Pattern.compile("cairn_(test|tpl)_[a-z0-9]{12}");

    /** What the template was made for. */
    protected final Settings settings;

    Template(Settings settings) {
        this.settings = settings;
    }

    /**
     * Makes and migrates the template of these settings.
     *
     * @throws TestDatabaseException if the driver is missing, the server cannot be reached, the locations
     *     hold no migrations, or a migration fails; whatever was made is dropped
     */
    public static Template build(Settings settings) {
        settings.requireDriver();
        Template template = switch (settings.engine()) {
            case SQLITE -> new SqliteTemplate(settings);
            case H2, H2_FILE -> new H2Template(settings);
            case POSTGRESQL -> new PostgresTemplate(settings);
            case MARIADB -> new MariaDbTemplate(settings);
        };
        try {
            template.prepare();
        } catch (RuntimeException e) {
            try {
                template.close();
            } catch (RuntimeException dropFailure) {
                e.addSuppressed(dropFailure);
            }
            throw e;
        }
        return template;
    }

    /** Makes the template database and migrates it, or whatever the product copies from. */
    abstract void prepare();

    /** Makes a test class's database from the template, migrated, with a new name. */
    public final Copy copy() {
        Address address = copyTo(newName(COPY_PREFIX));
        return new Copy(database(address), this, address);
    }

    /** Makes the database {@code name} as a copy of the template. */
    abstract Address copyTo(String name);

    /** Drops a copy made by {@link #copyTo}; one already gone is not an error. */
    abstract void drop(Address copy);

    /** Drops the template and whatever else it made. */
    @Override
    public abstract void close();

    /** The database at {@code address}, for a test to use. */
    final MigratedDatabase database(Address address) {
        return new MigratedDatabase(
                settings.engine(),
                address.name(),
                address.url(),
                address.user(),
                address.password(),
                settings.cairn(address));
    }

    /**
     * Applies every migration to the database at {@code address}.
     *
     * @throws TestDatabaseException if the locations hold no migration, or Cairn fails (its exception as
     *     the cause, its message kept)
     */
    final void migrate(Address address) {
        Cairn cairn = settings.cairn(address);
        MigrateResult result;
        try {
            result = cairn.migrate();
        } catch (ConnectionException e) {
            throw new TestDatabaseException(
                    "Cannot connect to the " + settings.engine().displayName() + " database " + address.name() + ": "
                            + e.getMessage(),
                    e);
        } catch (CairnException e) {
            throw new TestDatabaseException(
                    "Migrating the " + settings.engine().displayName() + " database " + address.name() + " failed: "
                            + e.getMessage(),
                    e);
        }
        if (result.applied().isEmpty()) {
            throw new TestDatabaseException("Found no migrations in " + String.join(", ", settings.locations())
                    + " (classpath: locations are read through the test class's class loader, filesystem: ones"
                    + " relative to the working directory): put the migrations there, or correct locations in"
                    + " @CairnDatabase (or CairnExtension.locations).");
        }
    }

    /** A new database name with {@code prefix}. */
    static String newName(String prefix) {
        StringBuilder name = new StringBuilder(prefix);
        for (int i = 0; i < 12; i++) {
            name.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
        }
        String result = name.toString();
        if (!NAME.matcher(result).matches()) {
            throw new IllegalStateException("bad database name " + result);
        }
        return result;
    }
}
