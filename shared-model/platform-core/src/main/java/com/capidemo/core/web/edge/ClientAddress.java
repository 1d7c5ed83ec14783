package com.capidemo.core.web.edge;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;

/**
 * The client a request comes from, as rate limits count it: the peer address (behind a proxy such as Cloud Run's
 * front end, Quarkus' quarkus.http.proxy.proxy-address-forwarding makes it the forwarded client).
 */
public final class ClientAddress {

    private ClientAddress() {}

    public static String of(HttpServerRequest request) {
        SocketAddress remote = request == null ? null : request.remoteAddress();
        if (remote == null) {
            return "unknown";
        }
        return remote.hostAddress() != null ? remote.hostAddress() : String.valueOf(remote.host());
    }
}
