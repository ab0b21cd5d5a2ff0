// SPDX-License-Identifier: Apache-2.0
package dev.cairn.junit.internal;

/**
 * The database {@code verify} is pointed at. Verify never changes it: it only makes its scratch
 * database beside it (on the same server, or a temporary file or memory for SQLite and H2). So on a
 * server it is the admin URL itself; embedded, a name that nothing is written to.
 */
final class VerifyTarget implements AutoCloseable {
    private final Address address;
    private final TemporaryDirectory directory;

    private VerifyTarget(Address address, TemporaryDirectory directory) {
        this.address = address;
        this.directory = directory;
    }

    /**
     * The target for these settings; for a server, after connecting once.
     *
     * @throws dev.cairn.junit.TestDatabaseException if the driver is missing or the server cannot be reached
     */
    static VerifyTarget of(Settings settings) {
        settings.requireDriver();
        String name = Template.newName(Template.COPY_PREFIX);
        return switch (settings.engine()) {
            case SQLITE -> {
                TemporaryDirectory directory = new TemporaryDirectory("cairn-junit-verify-");
                String url = "jdbc:sqlite:" + directory.path().resolve(name + ".sqlite3");
                yield new VerifyTarget(new Address(name, url, null, null), directory);
            }
            case H2, H2_FILE -> new VerifyTarget(new Address(name, "jdbc:h2:mem:" + name, H2Template.USER, null), null);
            case POSTGRESQL -> server(new PostgresTemplate(settings));
            case MARIADB -> server(new MariaDbTemplate(settings));
        };
    }

    private static VerifyTarget server(ServerTemplate template) {
        ServerUrl server = template.server();
        return new VerifyTarget(server.address(server.database()), null);
    }

    Address address() {
        return address;
    }

    /** Deletes what the target left on disk. */
    @Override
    public void close() {
        if (directory != null) {
            directory.delete();
        }
    }
}
