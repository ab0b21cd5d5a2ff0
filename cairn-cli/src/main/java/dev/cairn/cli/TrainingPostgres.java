// SPDX-License-Identifier: Apache-2.0
package dev.cairn.cli;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A stand-in for a PostgreSQL server, for the {@link StartupTraining} only: it speaks as much of the
 * frontend/backend protocol (version 3) as the PostgreSQL driver needs to connect and {@code status}
 * needs to read a tracking table. Then the start-up cache holds the driver's connected paths (the
 * classes they load, the call sites they link, the profiles of their methods), which a refused
 * connection never reaches: a cold {@code status} against a real server was a tenth faster with them.
 *
 * <p>Its answers are canned, chosen by the text of the query: the tracking table's rows it was given
 * for {@code SELECT *}, "it exists" for {@code to_regclass}, {@code public} for
 * {@code current_schema()}, no rows for any other query and a command tag for anything else. No
 * password is asked. It listens on a free loopback port until closed; each connection is served on a
 * thread of its own.
 */
final class TrainingPostgres implements AutoCloseable {

    private static final int SSL_REQUEST = 80877103;
    private static final int GSS_REQUEST = 80877104;
    private static final int PROTOCOL_3 = 196608;
    private static final int TEXT = 25;
    private static final int INT4 = 23;
    private static final int INT8 = 20;
    private static final int VARCHAR = 1043;
    private static final int TIMESTAMPTZ = 1184;

    private final ServerSocket server;
    private final Table history;

    /**
     * A table as the stand-in serves it.
     *
     * @param columns the column names, in order
     * @param types the PostgreSQL type of each column (its OID)
     * @param rows each row's values in PostgreSQL's text format; null for NULL
     */
    record Table(List<String> columns, List<Integer> types, List<List<String>> rows) {

        /**
         * The rows of the tracking table {@code table} that {@code connection} reads, with each
         * column's type as Cairn's PostgreSQL table has it, and times in PostgreSQL's text format.
         */
        static Table trackingTable(java.sql.Connection connection, String table) throws java.sql.SQLException {
            try (java.sql.Statement statement = connection.createStatement();
                    java.sql.ResultSet result = statement.executeQuery("SELECT * FROM " + table + " ORDER BY id")) {
                java.sql.ResultSetMetaData meta = result.getMetaData();
                List<String> columns = new ArrayList<>();
                List<Integer> types = new ArrayList<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    String name = meta.getColumnName(i).toLowerCase(Locale.ROOT);
                    String declared = meta.getColumnTypeName(i).toLowerCase(Locale.ROOT);
                    columns.add(name);
                    types.add(
                            name.equals("applied_at")
                                    ? TIMESTAMPTZ
                                    : declared.startsWith("bigint")
                                            ? INT8
                                            : declared.startsWith("int") ? INT4 : VARCHAR);
                }
                List<List<String>> rows = new ArrayList<>();
                while (result.next()) {
                    List<String> row = new ArrayList<>();
                    for (int i = 1; i <= columns.size(); i++) {
                        String value = result.getString(i);
                        row.add(
                                value == null || types.get(i - 1) != TIMESTAMPTZ
                                        ? value
                                        : "2026-01-01 00:00:00.123+00");
                    }
                    rows.add(row);
                }
                return new Table(List.copyOf(columns), List.copyOf(types), List.copyOf(rows));
            }
        }
    }

    private TrainingPostgres(ServerSocket server, Table history) {
        this.server = server;
        this.history = history;
    }

    /** Starts listening on a free loopback port; {@code history} is what a tracking table holds. */
    static TrainingPostgres start(Table history) throws IOException {
        TrainingPostgres postgres =
                new TrainingPostgres(new ServerSocket(0, 8, InetAddress.getLoopbackAddress()), history);
        Thread acceptor = new Thread(postgres::accept, "cairn-training-postgres");
        acceptor.setDaemon(true);
        acceptor.start();
        return postgres;
    }

    /** The JDBC URL of its one database. */
    String url() {
        return "jdbc:postgresql://127.0.0.1:" + server.getLocalPort() + "/training";
    }

    @Override
    public void close() throws IOException {
        server.close();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Thread session = new Thread(() -> serve(client), "cairn-training-postgres-session");
                session.setDaemon(true);
                session.start();
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void serve(Socket client) {
        try (client) {
            new Session(
                            new DataInputStream(new BufferedInputStream(client.getInputStream())),
                            new DataOutputStream(new BufferedOutputStream(client.getOutputStream())))
                    .run();
        } catch (IOException e) {
            // The driver hung up: the training goes on without this connection.
        }
    }

    /** One connection: the start-up, then messages until the driver ends it. */
    private final class Session {
        private final DataInputStream in;
        private final DataOutputStream out;
        private final Map<String, String> statements = new HashMap<>();
        private final Map<String, Integer> parameterCounts = new HashMap<>();
        private final Map<String, String> portals = new HashMap<>();
        private char transaction = 'I';

        Session(DataInputStream in, DataOutputStream out) {
            this.in = in;
            this.out = out;
        }

        void run() throws IOException {
            if (!startUp()) {
                return;
            }
            while (true) {
                int type = in.read();
                if (type < 0) {
                    return;
                }
                ByteBuffer body = ByteBuffer.wrap(in.readNBytes(in.readInt() - 4));
                switch (type) {
                    case 'Q' -> {
                        String sql = cstring(body);
                        answer(sql, true);
                        ready();
                    }
                    case 'P' -> {
                        String name = cstring(body);
                        statements.put(name, cstring(body));
                        parameterCounts.put(name, (int) body.getShort());
                        message('1');
                    }
                    case 'B' -> {
                        String portal = cstring(body);
                        portals.put(portal, statements.getOrDefault(cstring(body), ""));
                        message('2');
                    }
                    case 'D' -> {
                        char kind = (char) body.get();
                        String name = cstring(body);
                        if (kind == 'S') {
                            Payload parameters = new Payload();
                            int count = parameterCounts.getOrDefault(name, 0);
                            parameters.int16(count);
                            for (int i = 0; i < count; i++) {
                                parameters.int32(TEXT);
                            }
                            message('t', parameters);
                            describe(statements.getOrDefault(name, ""));
                        } else {
                            describe(portals.getOrDefault(name, ""));
                        }
                    }
                    case 'E' -> answer(portals.getOrDefault(cstring(body), ""), false);
                    case 'C' -> message('3');
                    case 'S' -> ready();
                    case 'H' -> out.flush();
                    case 'X' -> {
                        return;
                    }
                    default -> {
                        // Not needed by the training (a copy, a function call): ignored.
                    }
                }
            }
        }

        /** The start-up: no TLS, no password, then the settings the driver insists on. */
        private boolean startUp() throws IOException {
            while (true) {
                int length;
                try {
                    length = in.readInt();
                } catch (EOFException e) {
                    return false;
                }
                int code = in.readInt();
                in.readNBytes(length - 8);
                if (code == SSL_REQUEST || code == GSS_REQUEST) {
                    out.write('N');
                    out.flush();
                } else if (code == PROTOCOL_3) {
                    break;
                } else {
                    return false; // a cancel request, or a protocol this stand-in does not speak
                }
            }
            message('R', new Payload().int32(0));
            for (String[] setting : new String[][] {
                {"server_version", "15.0"},
                {"server_encoding", "UTF8"},
                {"client_encoding", "UTF8"},
                {"DateStyle", "ISO, MDY"},
                {"TimeZone", "UTC"},
                {"integer_datetimes", "on"},
                {"standard_conforming_strings", "on"},
                {"application_name", "cairn"},
                {"is_superuser", "off"},
                {"session_authorization", "training"}
            }) {
                message('S', new Payload().cstring(setting[0]).cstring(setting[1]));
            }
            message('K', new Payload().int32(1).int32(1));
            ready();
            return true;
        }

        /** The row description of {@code sql}'s result, or none for a statement that returns no rows. */
        private void describe(String sql) throws IOException {
            Table result = result(sql);
            if (result == null) {
                message('n');
                return;
            }
            Payload description = new Payload().int16(result.columns().size());
            for (int i = 0; i < result.columns().size(); i++) {
                int type = result.types().get(i);
                description
                        .cstring(result.columns().get(i))
                        .int32(0)
                        .int16(0)
                        .int32(type)
                        .int16(type == INT4 ? 4 : type == INT8 || type == TIMESTAMPTZ ? 8 : -1)
                        .int32(-1)
                        .int16(0);
            }
            message('T', description);
        }

        /** Runs {@code sql}: its rows (after a row description in the simple protocol) and its command tag. */
        private void answer(String sql, boolean simple) throws IOException {
            Table result = result(sql);
            if (simple && result != null) {
                describe(sql); // the simple protocol describes rows only, and without being asked
            }
            if (result == null) {
                String word = sql.strip().split("\\s+", 2)[0].toUpperCase(Locale.ROOT);
                if (word.equals("BEGIN") || word.equals("START")) {
                    transaction = 'T';
                } else if (word.equals("COMMIT") || word.equals("ROLLBACK") || word.equals("END")) {
                    transaction = 'I';
                }
                message('C', new Payload().cstring(word.isEmpty() ? "EMPTY" : word));
                return;
            }
            for (List<String> row : result.rows()) {
                Payload data = new Payload().int16(row.size());
                for (String value : row) {
                    if (value == null) {
                        data.int32(-1);
                    } else {
                        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
                        data.int32(bytes.length).bytes(bytes);
                    }
                }
                message('D', data);
            }
            message('C', new Payload().cstring("SELECT " + result.rows().size()));
        }

        /** The canned result of a query, or null for a statement that returns no rows. */
        private Table result(String sql) {
            String text = sql.strip();
            if (!text.regionMatches(true, 0, "SELECT", 0, 6) && !text.regionMatches(true, 0, "WITH", 0, 4)) {
                return null;
            }
            if (text.contains("to_regclass")) {
                return new Table(List.of("exists"), List.of(INT4), List.of(List.of("1")));
            }
            if (text.contains("current_schema()")) {
                return new Table(List.of("current_schema"), List.of(TEXT), List.of(List.of("public")));
            }
            if (text.regionMatches(true, 0, "SELECT * FROM", 0, 13)) {
                return history;
            }
            return new Table(List.of("value"), List.of(TEXT), List.of());
        }

        private void ready() throws IOException {
            message('Z', new Payload().bytes(new byte[] {(byte) transaction}));
            out.flush();
        }

        private void message(char type) throws IOException {
            message(type, new Payload());
        }

        private void message(char type, Payload payload) throws IOException {
            out.write(type);
            out.writeInt(payload.size() + 4);
            payload.writeTo(out);
        }

        private String cstring(ByteBuffer body) {
            int start = body.position();
            while (body.get() != 0) {
                // up to the terminating NUL
            }
            return new String(body.array(), start, body.position() - start - 1, StandardCharsets.UTF_8);
        }
    }

    /** A message's body, in the protocol's network byte order. */
    private static final class Payload extends ByteArrayOutputStream {
        Payload int16(int value) {
            write(value >>> 8);
            write(value);
            return this;
        }

        Payload int32(int value) {
            int16(value >>> 16);
            return int16(value & 0xFFFF);
        }

        Payload cstring(String value) {
            bytes(value.getBytes(StandardCharsets.UTF_8));
            write(0);
            return this;
        }

        Payload bytes(byte[] value) {
            write(value, 0, value.length);
            return this;
        }
    }
}
