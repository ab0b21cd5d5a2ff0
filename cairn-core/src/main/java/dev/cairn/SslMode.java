// SPDX-License-Identifier: Apache-2.0
package dev.cairn;

/** The {@code ssl:} setting of an environment. */
public enum SslMode {
    /** Never use TLS. */
    DISABLE("disable"),
    /** Use TLS, without checking the server's certificate. */
    REQUIRE("require"),
    /** Use TLS, check the certificate's chain and that it names the host. */
    VERIFY_FULL("verify-full");

    private final String label;

    SslMode(String label) {
        this.label = label;
    }

    /** The value as written in {@code cairn.yml}. */
    public String label() {
        return label;
    }
}
