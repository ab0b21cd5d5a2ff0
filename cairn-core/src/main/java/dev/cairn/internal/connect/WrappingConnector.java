// SPDX-License-Identifier: Apache-2.0
package dev.cairn.internal.connect;

import java.util.Optional;

/**
 * A connector that changes how another's connections are opened (or handed on) and nothing else:
 * where they go, other databases' URLs and verify's scratch URL stay the wrapped one's.
 */
public abstract class WrappingConnector extends Connector {

    /** The connector whose connections this one opens. */
    protected final Connector connections;

    protected WrappingConnector(Connector connections) {
        this.connections = connections;
    }

    @Override
    public String target() {
        return connections.target();
    }

    /** The wrapped connector's, as it is: a scratch or other database gets nothing of this one's. */
    @Override
    public Connector forUrl(String otherUrl) {
        return connections.forUrl(otherUrl);
    }

    @Override
    public Optional<String> url() {
        return connections.url();
    }

    @Override
    public String verifyUrl() {
        return connections.verifyUrl();
    }
}
