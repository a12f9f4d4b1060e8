package org.caseflow.streams.runtime.http.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.caseflow.streams.domain.courts.CourtRegistry;
import org.caseflow.streams.domain.seeds.TestSeeds;
import org.caseflow.streams.runtime.config.CaseflowConfig;
import org.caseflow.streams.runtime.config.InvalidConfigException;
import org.caseflow.streams.runtime.config.TokenHash;
import org.junit.jupiter.api.Test;

/**
 * {@code caseflow run} checks the tokens' courts against the courts the composition root loaded, not against a second
 * read of {@code seeds/courts}: here the configured seeds folder does not even exist, and the check still works.
 */
class HttpAuthCheckTest {
    private static final CourtRegistry COURTS = CourtRegistry.load(Path.of("seeds", "courts"), TestSeeds.DISK);

    private static CaseflowConfig config(String scope) {
        String entry = TokenHash.of(TokenHash.newToken(), 1_000).written() + ":" + scope;
        return CaseflowConfig.of(Map.of("kafka.bootstrap.servers", "b:9092", "caseflow.api.tokens", entry,
                "caseflow.seeds", "no-such-seeds-folder"));
    }

    @Test
    void shouldCheckTokenCourtsAgainstTheCourtsItIsGiven() {
        assertThat(HttpAuth.check(config("湘0211"), COURTS, Clock.systemUTC())).isNotNull();
        assertThatThrownBy(() -> HttpAuth.check(config("湘0299"), COURTS, Clock.systemUTC()))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageContaining("unknown court '湘0299'");
    }
}
