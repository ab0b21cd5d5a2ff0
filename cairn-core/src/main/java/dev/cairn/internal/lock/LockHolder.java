// SPDX-License-Identifier: Apache-2.0
package dev.cairn.internal.lock;

import java.time.Duration;
import java.util.Optional;

/**
 * Who holds a migration lock, as far as the lock can tell without taking it: the words for messages,
 * and, where the database shows them, what the holder's session is doing and how an operator ends it.
 *
 * @param description who it is, as waiters and {@code status} name it, such as {@code held by
 *     connection 42 of user deploy from 10.0.0.7:51234}
 * @param statement the statement the holder's session is running now, if it runs one and the database
 *     shows it; shortened to {@value #MAX_STATEMENT} characters on one line
 * @param runningFor how long that statement has been running, if the database says
 * @param howToEnd how an operator ends the holder, with the exact commands, as a clause such as {@code
 *     KILL QUERY 42 stops its statement; KILL 42 ends the session, and with it the lock}
 */
public record LockHolder(
        String description, Optional<String> statement, Optional<Duration> runningFor, String howToEnd) {

    /** The most of a statement that is shown. */
    static final int MAX_STATEMENT = 200;

    /** Creates the holder; {@code statement} is put on one line and shortened. */
    public LockHolder {
        statement = statement
                .map(String::strip)
                .filter(text -> !text.isEmpty())
                .map(text -> text.replaceAll("\\s+", " "))
                .map(text -> text.length() <= MAX_STATEMENT ? text : text.substring(0, MAX_STATEMENT - 1) + "…");
    }
}
