// SPDX-License-Identifier: Apache-2.0
package dev.cairn.testing;

import java.util.Optional;
import java.util.Properties;

/**
 * What {@link Discovery} needs to know to find a server for one engine. Tests of the discovery
 * logic build their own, e.g. with a default URL that points at a closed port.
 *
 * @param product the product's name for messages, e.g. {@code PostgreSQL}
 * @param urlVariable the environment variable that names an admin JDBC URL, e.g.
 *     {@code CAIRN_TEST_POSTGRES_URL}
 * @param defaultUrl the admin JDBC URL tried when the variable is not set
 * @param urlExample how a user writes the variable's value, for messages
 * @param startHint how to start the server the default URL points at, for messages
 * @param probeProperties driver properties that bound how long an unreachable server can stall a probe
 * @param embedded how to start an embedded server, or empty when the engine has none
 */
record ServerSpec(
        String product,
        String urlVariable,
        String defaultUrl,
        String urlExample,
        String startHint,
        Properties probeProperties,
        Optional<EmbeddedServer> embedded) {

    /** Starts a private server for this JVM; it must arrange for its own stop at JVM exit. */
    @FunctionalInterface
    interface EmbeddedServer {
        /**
         * Starts the server and returns its admin address and a description such as
         * "embedded PostgreSQL 15.19".
         *
         * @throws Exception if it cannot start; the message says why, for the end-of-run banner
         */
        Discovery.Found start() throws Exception;
    }
}
