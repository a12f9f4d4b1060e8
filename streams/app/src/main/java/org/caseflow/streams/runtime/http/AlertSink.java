package org.caseflow.streams.runtime.http;

/** One alert-stream client as the broadcaster sees it; {@link SseSink} over Javalin, a recording one in tests. */
interface AlertSink {
    /** Sends one event; {@code id} may be null (the client keeps its last id). */
    void send(String event, String id, String data);

    /** Sends a comment line ({@code : text}), which clients ignore and proxies see as traffic. */
    void comment(String text);

    boolean closed();
}
