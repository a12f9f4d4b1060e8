package org.caseflow.streams.runtime.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.caseflow.streams.runtime.Ports;
import org.caseflow.streams.runtime.Waits;
import org.caseflow.streams.runtime.app.CaseflowRuntime;
import org.caseflow.streams.runtime.config.CaseflowConfig;
import org.caseflow.streams.runtime.config.InvalidConfigException;
import org.caseflow.streams.runtime.config.TokenHash;
import org.caseflow.streams.runtime.http.tls.ServerTls;
import org.caseflow.streams.runtime.kafka.OverdueInstance;
import org.caseflow.streams.runtime.tls.TestCertificates;
import org.caseflow.streams.topology.StoreNames;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * HTTPS end to end: two instances on one broker, one with a PEM certificate and key, the other with the same key pair in
 * a PKCS12 key store, both made in the test by the JDK's keytool (no private key is committed). Queries that reach the
 * instance not owning the case are forwarded over HTTPS, with the caller's token.
 */
@Tag("integration")
class TlsApiIT {
    private static final String PASSWORD = TestCertificates.PASSWORD;

    @TempDir
    Path dir;

    @Test
    void shouldServeHttpsAndForwardToPeersOverHttpsWithTheCallersToken() throws Exception {
        Path p12 = selfSigned(dir);
        Path[] pem = exportPem(p12, dir);
        String token = TokenHash.newToken();
        CaseflowConfig base = OverdueInstance.config("tls", dir.resolve("unused")).with(Map.of(
                "caseflow.http.auth", "token", "caseflow.api.tokens", TokenHash.of(token, 1_000).written() + ":湘02",
                "caseflow.shutdown.timeout.ms", "10000"));
        List<String> cases = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            cases.add("(2024)湘0211民初" + (500 + i) + "号");
            OverdueInstance.fileOverdueCase(base, cases.get(i));
        }
        CaseflowConfig configA = base.with(Map.of("caseflow.http.port", String.valueOf(Ports.freePort()),
                "caseflow.state.dir", dir.resolve("a").toString(),
                "caseflow.http.tls.cert", pem[0].toString(), "caseflow.http.tls.key", pem[1].toString()));
        CaseflowConfig configB = base.with(Map.of("caseflow.http.port", String.valueOf(Ports.freePort()),
                "caseflow.state.dir", dir.resolve("b").toString(),
                "caseflow.http.tls.keystore", p12.toString(), "caseflow.http.tls.keystore.password", PASSWORD));
        assertThat(configA.describe()).contains("https");
        assertThat(configB.describe() + configB.http().security()).doesNotContain(PASSWORD);

        HttpClient trusting = HttpClient.newBuilder().sslContext(trusting(p12)).build();
        try (CaseflowRuntime a = CaseflowRuntime.start(configA); CaseflowRuntime b = CaseflowRuntime.start(configB)) {
            awaitTwoRunningInstances(a, b);
            String baseA = "https://localhost:" + configA.http().port();
            int forwarded = 0;
            for (String caseId : cases) {
                HttpResponse<String> answer = awaitCase(trusting, baseA + "/api/v1/cases/" + enc(caseId), token);
                assertThat(answer.statusCode()).as(caseId).isEqualTo(200);
                assertThat(answer.body()).contains(caseId);
                KeyQueryMetadata owner = a.app().kafkaStreams().queryMetadataForKey(StoreNames.CASES, caseId,
                        Serdes.String().serializer());
                if (!owner.activeHost().equals(a.app().thisHost())) {
                    forwarded++;
                }
            }
            assertThat(forwarded).as("some cases are owned by B and were forwarded over HTTPS").isPositive();
            HttpResponse<String> merged = trusting.send(HttpRequest.newBuilder(URI.create("https://localhost:"
                    + configB.http().port() + "/api/v1/courts/" + enc("湘0211") + "/at-risk?withinDays=0"))
                    .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(merged.statusCode()).isEqualTo(200);
            for (String caseId : cases) {
                assertThat(merged.body()).contains(caseId);
            }

            // The login cookie is Secure on HTTPS.
            HttpResponse<String> login = trusting.send(HttpRequest.newBuilder(URI.create(baseA + "/api/v1/session"))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"token\":\"" + token + "\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(login.statusCode()).isEqualTo(204);
            assertThat(login.headers().firstValue("Set-Cookie")).hasValueSatisfying(c -> assertThat(c).endsWith("; Secure"));

            // A client that does not trust the certificate, or speaks plain HTTP, gets nothing.
            assertThatThrownBy(() -> HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(baseA + "/health/live"))
                    .build(), HttpResponse.BodyHandlers.ofString())).isInstanceOf(SSLHandshakeException.class);
            assertThat(plainHttpStatus("http://localhost:" + configA.http().port() + "/health/live")).isNotEqualTo(200);
        }
    }

    @Test
    void shouldRefuseAWrongKeyStorePasswordOrAKeyThatIsNotPkcs8WithoutShowingTheSecret() throws Exception {
        Path p12 = selfSigned(dir);
        CaseflowConfig config = CaseflowConfig.of(Map.of("kafka.bootstrap.servers", "unused:9092"));
        assertThatThrownBy(() -> ServerTls.load(config.with(Map.of("caseflow.http.tls.keystore", p12.toString(),
                "caseflow.http.tls.keystore.password", "not-the-password")).http().security()))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageContaining("caseflow.http.tls.keystore: " + p12 + " cannot read it as PKCS12")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("not-the-password"));
        Path rsa = dir.resolve("rsa.key");
        Files.writeString(rsa, "-----BEGIN RSA PRIVATE KEY-----\nAAAA\n-----END RSA PRIVATE KEY-----\n");
        Path[] pem = exportPem(p12, dir);
        assertThatThrownBy(() -> ServerTls.load(config.with(Map.of("caseflow.http.tls.cert", pem[0].toString(),
                "caseflow.http.tls.key", rsa.toString())).http().security()))
                .isInstanceOf(InvalidConfigException.class).hasMessageContaining("must be an unencrypted PKCS8 PEM key");
        assertThatThrownBy(() -> CaseflowConfig.of(Map.of("kafka.bootstrap.servers", "b:9092", "caseflow.http.tls.cert",
                pem[0].toString()))).hasMessageContaining("caseflow.http.tls.key: required with caseflow.http.tls.cert");
    }

    private static Path selfSigned(Path dir) throws Exception {
        return TestCertificates.selfSigned(dir, "server");
    }

    private static Path[] exportPem(Path p12, Path dir) throws Exception {
        return TestCertificates.exportPem(p12, dir);
    }

    private static SSLContext trusting(Path p12) throws Exception {
        return TestCertificates.trusting(p12);
    }

    private static int plainHttpStatus(String url) throws InterruptedException {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                    .build(), HttpResponse.BodyHandlers.ofString()).statusCode();
        } catch (IOException refused) {
            return -1;
        }
    }

    private static void awaitTwoRunningInstances(CaseflowRuntime a, CaseflowRuntime b) {
        Waits.await("both instances ready, each knowing both hosts").until(() -> a.app().ready() && b.app().ready()
                && a.app().kafkaStreams().metadataForAllStreamsClients().size() == 2
                && b.app().kafkaStreams().metadataForAllStreamsClients().size() == 2);
    }

    private static HttpResponse<String> awaitCase(HttpClient client, String url, String token) {
        return Waits.await("200 from " + url).until(() -> client.send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString()),
                response -> response.statusCode() == 200);
    }

    private static String enc(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
