// SPDX-License-Identifier: Apache-2.0
package dev.cairn.javamigrations.given;

/** An application service that a Java migration calls. */
public interface EmailAddresses {
    /** The address of user {@code id}. */
    String of(int id);
}
