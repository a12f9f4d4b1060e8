package org.caseflow.streams.runtime.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The HTTP API and its live stream: {@code caseflow.http.host}, {@code caseflow.http.port},
 * {@code caseflow.http.advertised.host}, {@code caseflow.api.tokens}, the {@code caseflow.http.auth},
 * {@code caseflow.http.session.ttl.ms} and {@code caseflow.http.tls.*} keys ({@link HttpSecurity}),
 * {@code caseflow.sse.heartbeat.ms} and {@code caseflow.sse.replay.events}.
 *
 * @param security how people are let in (token auth, sessions, TLS)
 */
public record HttpSettings(String host, int port, String advertisedHost, ApiTokens apiTokens, HttpSecurity security,
        Duration sseHeartbeat, int sseReplayEvents) {

    /** Adds the problems of how the TLS keys combine ({@link HttpSecurity#parse}) to {@code problems}. */
    static HttpSettings parse(DefinedConfig c, List<String> problems) {
        return new HttpSettings(c.text(ConfigKeys.HTTP_HOST), c.integer(ConfigKeys.HTTP_PORT),
                c.text(ConfigKeys.HTTP_ADVERTISED_HOST),
                ApiTokens.parse(ConfigKeys.API_TOKENS, c.text(ConfigKeys.API_TOKENS), new ArrayList<>()),
                HttpSecurity.parse(c, problems), c.millis(ConfigKeys.SSE_HEARTBEAT_MS),
                c.integer(ConfigKeys.SSE_REPLAY_EVENTS));
    }

    /** {@code host:port} other instances use to reach this one (Kafka Streams {@code application.server}). */
    public String applicationServer() {
        return advertisedHost + ":" + port;
    }

    void putSettings(Map<String, String> s) {
        s.put(ConfigKeys.HTTP_HOST, host);
        s.put(ConfigKeys.HTTP_PORT, String.valueOf(port));
        s.put(ConfigKeys.HTTP_ADVERTISED_HOST, advertisedHost);
        s.put(ConfigKeys.API_TOKENS, apiTokens.written());
        security.putSettings(s);
        s.put(ConfigKeys.SSE_HEARTBEAT_MS, String.valueOf(sseHeartbeat.toMillis()));
        s.put(ConfigKeys.SSE_REPLAY_EVENTS, String.valueOf(sseReplayEvents));
    }
}
