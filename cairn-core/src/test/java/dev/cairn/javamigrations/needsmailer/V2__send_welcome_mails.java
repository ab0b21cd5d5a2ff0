// SPDX-License-Identifier: Apache-2.0
package dev.cairn.javamigrations.needsmailer;

import dev.cairn.JavaMigration;
import java.sql.Connection;

/**
 * A migration applied from an instance the application built; a later scan of its package cannot make
 * one (its constructor takes the mailer).
 */
public class V2__send_welcome_mails implements JavaMigration {
    private final Runnable mailer;

    public V2__send_welcome_mails(Runnable mailer) {
        this.mailer = mailer;
    }

    @Override
    public void up(Connection connection) {
        mailer.run();
    }

    @Override
    public void down(Connection connection) {}
}
