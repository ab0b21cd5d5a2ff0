// SPDX-License-Identifier: Apache-2.0
package dev.cairn.internal.dialect;

import dev.cairn.Targets;
import dev.cairn.internal.lint.LintRules;
import dev.cairn.internal.lock.ConnectionOpener;
import dev.cairn.internal.lock.Lock;
import dev.cairn.internal.lock.RowLock;
import dev.cairn.internal.schema.H2SchemaReader;
import dev.cairn.internal.schema.H2SchemaScript;
import dev.cairn.internal.schema.SchemaReader;
import dev.cairn.internal.schema.SchemaScript;
import dev.cairn.internal.sql.SplitRules;
import dev.cairn.internal.sql.TableName;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * H2 2.x, embedded (file or in-memory) or as a server. Every DDL statement commits the open
 * transaction, as on MySQL, so migrations run statement by statement ({@link #transactionalDdl()} is
 * false), and the lock is a row lock held on a connection of its own ({@link RowLock}), where no DDL
 * commit can release it. Names are not quoted, so that H2 folds them to upper case as it does the
 * user's own unquoted names: the tracking table is {@code CAIRN_MIGRATIONS}.
 */
public final class H2Dialect implements Dialect {

    static final H2Dialect INSTANCE = new H2Dialect();

    private static final String PREFIX = "jdbc:h2:";
    private static final String FILE = "file:";

    /** Where H2 marks a syntax error in the statement it quotes back. */
    private static final String MARK = "[*]";

    /** H2 quotes the statement back with line breaks written as this escape. */
    private static final String ESCAPED_NEWLINE = "\\000a";

    private final List<Client> clients =
            List.of(new Client("h2", "H2", PREFIX, "org.h2.Driver", "com.h2database:h2", List.of(), this));

    private H2Dialect() {}

    @Override
    public String name() {
        return "H2";
    }

    @Override
    public List<Client> clients() {
        return clients;
    }

    @Override
    public boolean isProduct(String product) {
        return product.equals("h2");
    }

    @Override
    public Kind kind() {
        return Kind.FILE;
    }

    /** {@code database:} is the file's path without {@code .mv.db}, or {@code :memory:}. */
    @Override
    public String fileUrl(Client client, String database, Path directory) {
        // In memory, kept until the JVM ends, so that an application and its migrations share it.
        return database.equals(MEMORY)
                ? PREFIX + "mem:cairn;DB_CLOSE_DELAY=-1"
                : PREFIX + FILE + directory.resolve(database).normalize();
    }

    /**
     * A relative file ({@code jdbc:h2:./db}, {@code jdbc:h2:file:db}); in-memory, server and other URL
     * forms, absolute paths and {@code ~/} paths stay as they are; settings after {@code ;} are kept.
     */
    @Override
    public String withAbsoluteFile(String url, Path directory) {
        if (!url.startsWith(PREFIX)) {
            return url;
        }
        String rest = url.substring(PREFIX.length());
        boolean explicit = rest.startsWith(FILE);
        if (explicit) {
            rest = rest.substring(FILE.length());
        }
        int settings = rest.indexOf(';');
        String file = settings < 0 ? rest : rest.substring(0, settings);
        boolean relative = file.startsWith("./")
                || file.startsWith("../")
                || explicit
                        && !file.isEmpty()
                        && !file.startsWith("~")
                        && !Path.of(file).isAbsolute();
        if (!relative) {
            return url;
        }
        return PREFIX
                + (explicit ? FILE : "")
                + directory.resolve(file).normalize()
                + (settings < 0 ? "" : rest.substring(settings));
    }

    @Override
    public boolean isMissing(String url) {
        String rest = url.substring(PREFIX.length());
        int parameters = rest.indexOf(';');
        String path = parameters < 0 ? rest : rest.substring(0, parameters);
        if (path.regionMatches(true, 0, FILE, 0, FILE.length())) {
            path = path.substring(FILE.length());
        } else if (!(path.startsWith("/") || path.startsWith("./") || path.startsWith("../") || path.startsWith("~"))) {
            return false; // in memory, a server, or a form this check does not try to interpret
        }
        if (path.startsWith("~")) {
            path = System.getProperty("user.home") + path.substring(1);
        }
        try {
            return !Files.exists(Path.of(path + ".mv.db")) && !Files.exists(Path.of(path + ".h2.db"));
        } catch (InvalidPathException e) {
            return false;
        }
    }

    /** A private database in memory, with the target's settings: it ends when its last connection closes. */
    @Override
    public String scratchUrl(String targetUrl, String name, Path directory) {
        int settings = targetUrl.indexOf(';');
        return PREFIX + "mem:" + name + (settings < 0 ? "" : targetUrl.substring(settings));
    }

    @Override
    public Optional<String> targetsQuery(Targets.Kind kind) {
        return kind == Targets.Kind.SCHEMAS
                ? Optional.of("SELECT SCHEMA_NAME FROM INFORMATION_SCHEMA.SCHEMATA WHERE SCHEMA_NAME LIKE ?"
                        + " ORDER BY SCHEMA_NAME")
                : Optional.empty();
    }

    @Override
    public String useSchema(String schema) {
        return "SET SCHEMA " + quote(schema);
    }

    @Override
    public String defaultSchema(String database) {
        return "PUBLIC";
    }

    @Override
    public LintRules lintRules() {
        return LintRules.H2;
    }

    @Override
    public SplitRules splitRules() {
        return SplitRules.H2;
    }

    @Override
    public boolean transactionalDdl() {
        return false;
    }

    @Override
    public String quote(String identifier) {
        return identifier; // checked plain by TableName; see the class comment for why it stays unquoted
    }

    @Override
    public Query tableExists(TableName table) {
        return new Query(
                "SELECT count(*) FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = COALESCE(?, CURRENT_SCHEMA)"
                        + " AND TABLE_NAME = ?",
                table.schema().map(H2Dialect::folded).orElse(null),
                folded(table.table()));
    }

    @Override
    public Lock lock(Connection connection, TableName table, ConnectionOpener another) {
        String lockTable = qualify(new TableName(table.schema(), table.table() + "_lock"));
        List<String> create = new ArrayList<>();
        table.schema().ifPresent(schema -> create.add("CREATE SCHEMA IF NOT EXISTS " + quote(schema)));
        create.add("CREATE TABLE IF NOT EXISTS " + lockTable + " (id integer NOT NULL PRIMARY KEY)");
        return new RowLock(another, table, lockTable, create);
    }

    @Override
    public String stopLockHolder() {
        return "end the process that holds that session";
    }

    @Override
    public SchemaReader schemaReader() {
        return new H2SchemaReader();
    }

    @Override
    public SchemaScript schemaScript() {
        return new H2SchemaScript();
    }

    @Override
    public int errorLineOffset(SQLException e, String sql) {
        String message = String.valueOf(e.getMessage());
        int mark = message.indexOf(MARK);
        int quoted = message.indexOf('"');
        if (mark < 0 || quoted < 0 || quoted > mark) {
            return 0;
        }
        int lines = 0;
        for (int at = message.indexOf(ESCAPED_NEWLINE, quoted);
                at >= 0 && at < mark;
                at = message.indexOf(ESCAPED_NEWLINE, at + 1)) {
            lines++;
        }
        return lines;
    }

    @Override
    public String message(SQLException e) {
        // "Table "T" already exists; SQL statement:\ncreate table t … [42101-240]": Cairn reports the
        // statement itself, with its file and line.
        String message = Dialect.super.message(e);
        int statement = message.indexOf("; SQL statement:");
        if (statement >= 0) {
            message = message.substring(0, statement);
        }
        return message.replace(ESCAPED_NEWLINE, " ").strip();
    }

    /** How H2 stores an unquoted name. */
    private static String folded(String identifier) {
        return identifier.toUpperCase(Locale.ROOT);
    }
}
