package org.caseflow.streams.runtime.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PeerClientTest {
    @Test
    void shouldForwardCharactersThatUriRefusesPercentEncoded() {
        String raw = "/api/v1/cases/a|1{x}^ y\\z(2026)湘0211民初1号?withinDays=3&x=a|b";

        String escaped = PeerClient.escapeIllegal(raw);

        assertThat(URI.create("http://peer:8080" + escaped).getRawPath()).doesNotContain("|", "{", " ", "湘");
        assertThat(URLDecoder.decode(escaped.replace("+", "%2B"), StandardCharsets.UTF_8)).isEqualTo(raw);
    }

    @Test
    void shouldLeaveAnAlreadyEncodedRequestAlone() {
        String raw = "/api/v1/courts/%E6%B9%9802/at-risk?withinDays=15";

        assertThat(PeerClient.escapeIllegal(raw)).isEqualTo(raw);
    }
}
