package org.caseflow.streams.runtime.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.sse.SseClient;
import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.caseflow.streams.runtime.config.ApiTokens;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fans alerts out to the server-sent-event clients of {@code /api/v1/alerts/stream}. The app calls
 * {@link #publish} with the alert JSON form (DESIGN.md section 7); each client receives the alerts of
 * the courts its token allows.
 */
public final class AlertBroadcaster {
    private static final Logger LOG = LoggerFactory.getLogger(AlertBroadcaster.class);
    private final ObjectMapper mapper = new ObjectMapper();
    private final Map<SseClient, Set<String>> clients = new ConcurrentHashMap<>();

    /** Sends one alert ({@code {"alertId",...,"court",...}}) to every client allowed to see its court. */
    public void publish(String alertJson) {
        if (clients.isEmpty()) {
            return;
        }
        String court;
        try {
            court = mapper.readTree(alertJson).path("court").asText("");
        } catch (IOException e) {
            LOG.warn("not publishing malformed alert JSON: {}", e.getMessage());
            return;
        }
        clients.forEach((client, courts) -> {
            if (client.terminated()) {
                clients.remove(client);
            } else if (ApiTokens.allows(courts, court)) {
                client.sendEvent("alert", alertJson);
            }
        });
    }

    public int clientCount() {
        return clients.size();
    }

    void register(SseClient client, Set<String> courts) {
        clients.put(client, courts);
        client.onClose(() -> clients.remove(client));
        // Keeps the handler's request open until the client goes away.
        client.keepAlive();
    }

    void closeAll() {
        clients.keySet().forEach(SseClient::close);
        clients.clear();
    }
}
