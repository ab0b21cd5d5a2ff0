// SPDX-License-Identifier: Apache-2.0
package dev.cairn.internal.run;

import dev.cairn.internal.dialect.Dialect;
import dev.cairn.internal.sql.SqlToken;
import dev.cairn.internal.sql.SqlTokens;
import dev.cairn.internal.sql.Statement;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Runs a section's statements one at a time on a scratch database for {@code lint --observe}, and says
 * what each did there: the table locks it took (those its session holds after it that it did not hold
 * before, in the section's transaction), the tables whose storage it replaced, and for an {@code ALTER
 * TABLE} the least algorithm the server accepted. It runs the migration's own statements only, with an
 * algorithm clause appended while it probes: a probe the server refuses changed nothing.
 */
public final class Observer {

    /**
     * What one statement did.
     *
     * @param statement the statement
     * @param locks each table lock it took, {@code MODE on table}
     * @param held the table locks that earlier statements of its transaction took and that it ran under
     * @param rewritten the tables whose storage it replaced
     * @param algorithm for an {@code ALTER TABLE} where the database has algorithm clauses: the label of
     *     the first it accepted, or {@code COPY} if none
     * @param tables the tables it locked, rewrote or altered, for finding their size in the target
     * @param duration how long it ran
     */
    public record Observed(
            Statement statement,
            List<String> locks,
            List<String> held,
            List<String> rewritten,
            Optional<String> algorithm,
            List<String> tables,
            Duration duration) {}

    private final Connection connection;
    private final Dialect dialect;
    private final Dialect.Observing observing;
    private final StatementRunner runner;

    /** Observes statements run on {@code connection}, as {@code dialect} can. */
    public Observer(Connection connection, Dialect dialect, Canceller canceller) {
        this.connection = connection;
        this.dialect = dialect;
        this.observing = dialect.observing().orElseThrow();
        this.runner = new StatementRunner(connection, dialect, canceller);
    }

    /**
     * Runs {@code statements}, in one transaction if {@code transactional} and the database's DDL is
     * transactional (committed at the end, as a migration's would be), observing each.
     *
     * @throws StatementFailedException if a statement fails; the transaction, if any, is rolled back
     */
    public List<Observed> run(List<Statement> statements, boolean transactional)
            throws StatementFailedException, SQLException {
        boolean inTransaction = transactional && dialect.transactionalDdl();
        List<Observed> observed = new ArrayList<>();
        if (inTransaction) {
            connection.setAutoCommit(false);
        }
        boolean done = false;
        try (StatementRunner.Cursor cursor = runner.cursor()) {
            Set<String> held = inTransaction ? locks() : new LinkedHashSet<>();
            for (int i = 0; i < statements.size(); i++) {
                Statement statement = statements.get(i);
                Map<String, Long> storage = storage();
                long start = System.nanoTime();
                Optional<String> algorithm = statement.isCode() ? Optional.empty() : probe(statement);
                if (algorithm.isEmpty() || algorithm.get().equals(COPY)) {
                    cursor.run(statement, i);
                }
                Duration duration = Duration.ofNanos(System.nanoTime() - start);
                Set<String> now = inTransaction ? locks() : Set.of();
                List<String> taken =
                        now.stream().filter(lock -> !held.contains(lock)).toList();
                List<String> before = List.copyOf(held);
                held.addAll(taken);
                List<String> rewritten = rewritten(storage, storage());
                Set<String> tables = new LinkedHashSet<>();
                taken.forEach(lock -> tables.add(lock.substring(lock.indexOf(" on ") + 4)));
                tables.addAll(rewritten);
                alteredTable(statement).ifPresent(tables::add);
                observed.add(
                        new Observed(statement, taken, before, rewritten, algorithm, List.copyOf(tables), duration));
            }
            if (inTransaction) {
                connection.commit();
            }
            done = true;
        } finally {
            if (inTransaction) {
                if (!done) {
                    connection.rollback();
                }
                connection.setAutoCommit(true);
            }
        }
        return observed;
    }

    /** What {@code algorithm} says when the server accepted none of the algorithm clauses. */
    public static final String COPY = "COPY";

    /**
     * For an {@code ALTER TABLE} without an algorithm clause of its own, on a database that has them: runs
     * it with each clause in turn until the server accepts one (which runs it), and says which; {@link
     * #COPY} if it accepted none (the caller then runs the statement as written). Empty for any other
     * statement, which the caller runs.
     */
    private Optional<String> probe(Statement statement) {
        if (observing.algorithms().isEmpty() || alteredTable(statement).isEmpty()) {
            return Optional.empty();
        }
        List<SqlToken> tokens = SqlTokens.of(statement, dialect.splitRules());
        if (tokens.stream().anyMatch(token -> token.is("ALGORITHM"))) {
            return Optional.empty();
        }
        for (Dialect.Algorithm algorithm : observing.algorithms()) {
            try {
                runner.execute(statement.sql() + algorithm.clause());
                return Optional.of(algorithm.label());
            } catch (SQLException refused) {
                // The server would need more than this algorithm allows; try the next.
            }
        }
        return Optional.of(COPY);
    }

    /** The table an {@code ALTER TABLE} statement names, if it is one. */
    private Optional<String> alteredTable(Statement statement) {
        if (statement.isCode()) {
            return Optional.empty();
        }
        List<SqlToken> tokens = SqlTokens.of(statement, dialect.splitRules());
        int at = 0;
        if (tokens.isEmpty() || !tokens.get(at++).is("ALTER")) {
            return Optional.empty();
        }
        while (at < tokens.size()
                && (tokens.get(at).is("ONLINE") || tokens.get(at).is("IGNORE"))) {
            at++;
        }
        if (at >= tokens.size() || !tokens.get(at++).is("TABLE")) {
            return Optional.empty();
        }
        while (at < tokens.size()
                && (tokens.get(at).is("IF")
                        || tokens.get(at).is("EXISTS")
                        || tokens.get(at).is("ONLY"))) {
            at++;
        }
        String name = null;
        while (at < tokens.size() && tokens.get(at).isName()) {
            name = tokens.get(at).name();
            if (at + 1 < tokens.size() && tokens.get(at + 1).isSymbol('.')) {
                at += 2;
            } else {
                break;
            }
        }
        return Optional.ofNullable(name);
    }

    /** The table locks the session holds, each {@code MODE on table}. */
    private Set<String> locks() throws SQLException {
        Set<String> locks = new LinkedHashSet<>();
        if (observing.locksQuery().isPresent()) {
            try (java.sql.Statement query = connection.createStatement();
                    ResultSet rows = query.executeQuery(observing.locksQuery().get())) {
                while (rows.next()) {
                    locks.add(rows.getString(2) + " on " + rows.getString(1));
                }
            }
        }
        return locks;
    }

    /** Each table's storage identity, by name. */
    private Map<String, Long> storage() throws SQLException {
        Map<String, Long> storage = new HashMap<>();
        if (observing.storageQuery().isPresent()) {
            try (java.sql.Statement query = connection.createStatement();
                    ResultSet rows = query.executeQuery(observing.storageQuery().get())) {
                while (rows.next()) {
                    storage.put(rows.getString(1), rows.getLong(2));
                }
            }
        }
        return storage;
    }

    private static List<String> rewritten(Map<String, Long> before, Map<String, Long> after) {
        return before.entrySet().stream()
                .filter(entry -> after.containsKey(entry.getKey())
                        && !after.get(entry.getKey()).equals(entry.getValue()))
                .map(Map.Entry::getKey)
                .sorted()
                .toList();
    }
}
