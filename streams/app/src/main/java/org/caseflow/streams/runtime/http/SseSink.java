package org.caseflow.streams.runtime.http;

import io.javalin.http.sse.SseClient;

/**
 * An {@link AlertSink} over a Javalin SSE client. Javalin's emitter writes an event in several pieces without a
 * lock, and the tail thread (alerts) and the heartbeat thread both write: one lock per client keeps events whole.
 */
final class SseSink implements AlertSink {
    private final SseClient client;

    SseSink(SseClient client) {
        this.client = client;
    }

    @Override
    public synchronized void send(String event, String id, String data) {
        client.sendEvent(event, data, id);
    }

    @Override
    public synchronized void comment(String text) {
        client.sendComment(text);
    }

    @Override
    public boolean closed() {
        return client.terminated();
    }
}
