package org.caseflow.streams.runtime.http.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.caseflow.streams.domain.courts.CourtId;
import org.caseflow.streams.domain.courts.CourtRegistry;
import org.caseflow.streams.domain.seeds.TestSeeds;
import org.caseflow.streams.runtime.config.ApiTokens;
import org.caseflow.streams.runtime.config.CaseflowConfig;
import org.caseflow.streams.runtime.config.InvalidConfigException;
import org.caseflow.streams.runtime.config.TokenHash;
import org.junit.jupiter.api.Test;

class TokenVerifierTest {
    private static final CourtRegistry COURTS = CourtRegistry.load(Path.of("seeds", "courts"), TestSeeds.DISK);
    private static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");

    private static ApiTokens tokens(String... entries) {
        return CaseflowConfig.of(Map.of("kafka.bootstrap.servers", "b:9092", "caseflow.api.tokens", String.join(";", entries)))
                .http().apiTokens();
    }

    private static TokenVerifier verifier(ApiTokens tokens) {
        return new TokenVerifier(tokens, COURTS, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void shouldWidenACourtScopeToEveryCourtBelowIt() {
        String token = TokenHash.newToken();
        TokenVerifier verifier = verifier(tokens(TokenHash.of(token, 1_000).written() + ":湘02"));
        Principal principal = ((TokenVerifier.Verified) verifier.verify(token)).principal();
        assertThat(principal.roots()).containsExactly("湘02");
        List<String> city = COURTS.withSubordinates(new CourtId("湘02")).stream().map(CourtId::value).toList();
        assertThat(principal.courts()).containsAll(city).contains("湘0211", "湘0281")
                .doesNotContain("湘");
        assertThat(principal.metrics()).isFalse();
        assertThat(principal.forwardAuthorization()).isEqualTo("Bearer " + token);
        assertThat(principal.toString()).doesNotContain(token);
    }

    @Test
    void shouldRefuseUnknownWrongAndExpiredTokens() {
        String token = TokenHash.newToken();
        String old = TokenHash.newToken();
        TokenVerifier verifier = verifier(tokens(TokenHash.of(token, 1_000).written() + ":*",
                TokenHash.of(old, 1_000).written() + ":*:2026-05-31"));
        assertThat(verifier.verify(null)).isEqualTo(new TokenVerifier.Refused("a bearer token is required"));
        String wrong = token.substring(0, token.length() - 1) + (token.endsWith("A") ? "B" : "A");
        assertThat(verifier.verify(wrong)).isInstanceOf(TokenVerifier.Refused.class);
        assertThat(verifier.verify("cft_00000000_" + token.substring(13))).isInstanceOf(TokenVerifier.Refused.class);
        assertThat(verifier.verify(old)).isEqualTo(new TokenVerifier.Refused("token expired at 2026-05-31T00:00:00Z"));
        assertThat(verifier.verify(token)).isInstanceOf(TokenVerifier.Verified.class);
    }

    @Test
    void shouldVerifyATokenOfTheOperatorsOwnMakingAndRememberOnlyItsDigest() {
        String own = "an operator's own long passphrase";
        TokenVerifier verifier = verifier(tokens(TokenHash.of(own, 1_000).written() + ":湘0211,metrics"));
        for (int i = 0; i < 3; i++) { // the first check derives PBKDF2, the later ones compare the remembered digest
            Principal p = ((TokenVerifier.Verified) verifier.verify(own)).principal();
            assertThat(p.courts()).isEqualTo(Set.of("湘0211"));
            assertThat(p.metrics()).isTrue();
        }
        assertThat(verifier.verify(own + " ")).isInstanceOf(TokenVerifier.Refused.class);
    }

    @Test
    void shouldRefuseAScopeNamingNoCourt() {
        assertThatThrownBy(() -> verifier(tokens(TokenHash.of("whatever-token-1", 1_000).written() + ":湘0299,湘02")))
                .isInstanceOf(InvalidConfigException.class)
                .satisfies(e -> assertThat(((InvalidConfigException) e).problems()).singleElement().asString()
                        .startsWith("caseflow.api.tokens: entry 1: unknown court '湘0299'; did you mean 湘02"));
    }

    @Test
    void shouldEndASessionWithItsTokensExpiryOrItsTimeToLive() {
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        SessionStore sessions = new SessionStore(Duration.ofHours(8), clock);
        Principal lasting = new Principal(Set.of("*"), Set.of("*"), true, null, "Bearer x");
        Principal soon = new Principal(Set.of("*"), Set.of("*"), true, NOW.plusSeconds(60), "Bearer y");
        String a = sessions.create(lasting);
        String b = sessions.create(soon);
        assertThat(a).matches("[A-Za-z0-9_-]{43}").isNotEqualTo(b);
        assertThat(sessions.find(a).orElseThrow().expiresAt()).isEqualTo(NOW.plus(Duration.ofHours(8)));
        assertThat(sessions.find(b).orElseThrow().expiresAt()).isEqualTo(NOW.plusSeconds(60));
        SessionStore later = new SessionStore(Duration.ofHours(8), Clock.fixed(NOW.plusSeconds(61), ZoneOffset.UTC));
        assertThat(later.find(b)).isEmpty();
        sessions.remove(a);
        assertThat(sessions.find(a)).isEmpty();
        assertThat(sessions.find("")).isEmpty();
        assertThat(List.of(sessions.size())).containsExactly(1);
    }
}
