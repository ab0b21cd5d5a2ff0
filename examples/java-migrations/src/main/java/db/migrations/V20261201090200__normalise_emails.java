// SPDX-License-Identifier: Apache-2.0
package db.migrations;

import dev.cairn.JavaMigration;
import java.net.IDN;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Fills {@code users.email_normalised}: the email trimmed, its domain in lower case and, for an
 * internationalised domain, in its ASCII form ({@code grace@Bücher.Example} becomes
 * {@code grace@xn--bcher-kva.example}). SQL has no function for the last part; the JDK has
 * {@link IDN#toASCII}. The part before {@code @} keeps its case, as mail servers may tell it apart.
 *
 * <p>The class name gives the migration's version and name: {@code V20261201090200__normalise_emails}
 * is {@code 20261201090200_normalise_emails}, between the SQL migrations that add the column and make
 * it unique. Cairn makes it with the public constructor without parameters that Java gives a class
 * without constructors.
 */
public class V20261201090200__normalise_emails implements JavaMigration {

    /** How many updates go to the database in one round trip. */
    private static final int BATCH_SIZE = 500;

    @Override
    public void up(Connection connection) throws SQLException {
        // Read first, then write: SQLite does not promise what a running SELECT sees of the rows that
        // the same connection changes under it. (For millions of rows, read and write in id ranges.)
        Map<Long, String> emails = new LinkedHashMap<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT id, email FROM users ORDER BY id");
                ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                emails.put(rows.getLong("id"), rows.getString("email"));
            }
        }
        try (PreparedStatement update =
                connection.prepareStatement("UPDATE users SET email_normalised = ? WHERE id = ?")) {
            int pending = 0;
            for (Map.Entry<Long, String> user : emails.entrySet()) {
                update.setString(1, normalise(user.getKey(), user.getValue()));
                update.setLong(2, user.getKey());
                update.addBatch();
                if (++pending == BATCH_SIZE) {
                    update.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) {
                update.executeBatch();
            }
        }
        // No commit: the migration runs in Cairn's transaction, which commits it with its tracking row.
    }

    /** Empties the column again, as it was before {@link #up} ran: an exact undo. */
    @Override
    public void down(Connection connection) throws SQLException {
        try (PreparedStatement clear = connection.prepareStatement("UPDATE users SET email_normalised = NULL")) {
            clear.executeUpdate();
        }
    }

    @Override
    public String description() {
        return "Fills users.email_normalised: trimmed, the domain in lower case and in ASCII (IDN).";
    }

    /**
     * Cairn records this with the migration. Raise it when a change to this class changes what the
     * migration does to the data; Cairn then reports the applied migration as edited, as it does an
     * edited SQL file. Without it (the default), a changed class is not noticed.
     */
    @Override
    public String checksum() {
        return "1";
    }

    /**
     * The normalised form of one address.
     *
     * @throws IllegalStateException for an address without {@code @} or with a domain that is not a
     *     valid host name: the migration fails, naming the row, and Cairn rolls the batch back
     */
    static String normalise(long id, String email) {
        String trimmed = email.strip();
        int at = trimmed.lastIndexOf('@');
        if (at <= 0 || at == trimmed.length() - 1) {
            throw new IllegalStateException("user " + id + " has the email '" + email
                    + "', which has no local part and domain around an @; correct it and migrate again");
        }
        String domain;
        try {
            domain = IDN.toASCII(trimmed.substring(at + 1), IDN.USE_STD3_ASCII_RULES);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(
                    "user " + id + " has the email '" + email + "', whose domain is not valid: " + e.getMessage(),
                    e);
        }
        return trimmed.substring(0, at) + "@" + domain.toLowerCase(Locale.ROOT);
    }
}
