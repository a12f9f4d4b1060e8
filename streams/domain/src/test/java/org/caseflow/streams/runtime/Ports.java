package org.caseflow.streams.runtime;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Ports for the servers a test starts (HTTP API, broker listeners, Prometheus, webhooks). */
public final class Ports {
    private Ports() {
    }

    /**
     * A port nobody listens on just now, on the loopback interface: the socket is closed again before returning, so a
     * test may also use it as an address where nothing answers.
     */
    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
