package org.caseflow.streams.runtime.http;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import org.apache.kafka.streams.state.HostInfo;

/**
 * Calls another Caseflow instance's API on behalf of a request that reached this one. The call is
 * marked {@link #FORWARDED_HEADER} so the peer answers from its own stores and never forwards again,
 * and carries the caller's identity (its bearer token, also when the caller came with a login session) so the peer
 * applies the same court limits. With TLS configured the call is HTTPS, the peer's certificate checked against the
 * trusted peer certificates and its host name ({@link org.caseflow.streams.runtime.http.tls.ServerTls}).
 */
final class PeerClient {
    static final String FORWARDED_HEADER = "X-Caseflow-Forwarded";

    private final HttpClient client;
    private final String scheme;

    /** @param tls the peers' TLS context, null for plain HTTP */
    PeerClient(SSLContext tls) {
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).version(HttpClient.Version.HTTP_1_1);
        if (tls != null) {
            builder.sslContext(tls);
        }
        this.client = builder.build();
        this.scheme = tls == null ? "http" : "https";
    }

    record PeerResponse(int status, String body) {
    }

    /**
     * The request line as the caller sent it, with every character {@link URI} refuses (a raw '|',
     * '{', '^', '\\', a space, non-ASCII) percent-encoded: the peer decodes it back to the same path.
     */
    static String escapeIllegal(String raw) {
        StringBuilder out = new StringBuilder(raw.length());
        for (byte b : raw.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            boolean legal = c < 0x80 && (Character.isLetterOrDigit(c) || "-._~:/?#[]@!$&'()*+,;=%".indexOf(c) >= 0);
            if (legal) {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }

    PeerResponse get(HostInfo host, String rawPathAndQuery, String authorization) {
        URI uri;
        try {
            uri = URI.create(scheme + "://" + host.host() + ":" + host.port() + escapeIllegal(rawPathAndQuery));
        } catch (IllegalArgumentException e) {
            throw new ApiException(400, "malformed request URI: " + e.getMessage());
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
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
