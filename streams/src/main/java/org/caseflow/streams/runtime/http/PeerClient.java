package org.caseflow.streams.runtime.http;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.apache.kafka.streams.state.HostInfo;

/**
 * Calls another Caseflow instance's API on behalf of a request that reached this one. The call is
 * marked {@link #FORWARDED_HEADER} so the peer answers from its own stores and never forwards again,
 * and carries the caller's Authorization header so the peer applies the same court limits.
 */
final class PeerClient {
    static final String FORWARDED_HEADER = "X-Caseflow-Forwarded";

    private final HttpClient client = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(2))
            .version(HttpClient.Version.HTTP_1_1)
            .build();

    record PeerResponse(int status, String body) {
    }

    PeerResponse get(HostInfo host, String rawPathAndQuery, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://" + host.host() + ":" + host.port() + rawPathAndQuery))
                .timeout(Duration.ofSeconds(10))
                .header(FORWARDED_HEADER, "1")
                .header("Accept", "application/json")
                .GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new PeerResponse(response.statusCode(), response.body());
        } catch (IOException e) {
            throw ApiException.notReady("instance " + host.host() + ":" + host.port() + " unreachable: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ApiException.notReady("interrupted while asking instance " + host.host() + ":" + host.port());
        }
    }
}
