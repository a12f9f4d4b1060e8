package org.caseflow.streams.runtime.http.auth;

import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.caseflow.streams.domain.courts.CourtId;
import org.caseflow.streams.domain.courts.CourtRegistry;
import org.caseflow.streams.runtime.config.ApiTokens;
import org.caseflow.streams.runtime.config.ConfigKeys;
import org.caseflow.streams.runtime.config.InvalidConfigException;
import org.caseflow.streams.runtime.config.NearestName;
import org.caseflow.streams.runtime.config.TokenHash;

/**
 * Checks a presented token against the configured hashes. The key id of a {@code cft_} token picks the entries to try
 * (not a secret); each try derives the PBKDF2 hash and compares it with {@link MessageDigest#isEqual}. A token once
 * verified is remembered by its SHA-256 in its entry, so later requests cost one SHA-256 and a constant-time compare
 * instead of 100,000 PBKDF2 rounds: nothing is ever looked up by the secret in a map. Court scopes are widened here to
 * every court below them in seeds/courts, since supervision runs down the tree.
 */
public final class TokenVerifier {
    /** Result of a check. */
    public sealed interface Outcome permits Verified, Refused {
    }

    public record Verified(Principal principal) implements Outcome {
    }

    public record Refused(String reason) implements Outcome {
    }

    private record Known(ApiTokens.Entry entry, Set<String> courts, AtomicReference<byte[]> verified) {
    }

    private final List<Known> known = new ArrayList<>();
    private final Clock clock;

    /** @throws InvalidConfigException when a scope names a court that seeds/courts does not have */
    public TokenVerifier(ApiTokens tokens, CourtRegistry courts, Clock clock) {
        this.clock = clock;
        List<String> problems = new ArrayList<>();
        int n = 0;
        for (ApiTokens.Entry entry : tokens.entries()) {
            n++;
            Set<String> widened = new LinkedHashSet<>();
            for (String scope : entry.courtScopes()) {
                if (scope.equals(ApiTokens.ALL_COURTS)) {
                    widened.add(scope);
                } else if (courts.contains(CourtId.ofUnchecked(scope))) {
                    courts.withSubordinates(new CourtId(scope)).forEach(c -> widened.add(c.value()));
                } else {
                    problems.add(ConfigKeys.API_TOKENS + ": entry " + n + ": unknown court '" + scope + "'"
                            + NearestName.to(scope, courts.all().stream().map(c -> c.code().value()).toList())
                                    .map(c -> "; did you mean " + c + "?").orElse(""));
                }
            }
            known.add(new Known(entry, widened, new AtomicReference<>()));
        }
        if (!problems.isEmpty()) {
            throw new InvalidConfigException(problems);
        }
    }

    public Outcome verify(String token) {
        if (token == null || token.isEmpty()) {
            return new Refused("a bearer token is required");
        }
        String keyId = TokenHash.keyIdOf(token);
        byte[] digest = TokenHash.digest(token);
        Known match = null;
        for (Known k : known) {
            if (!k.entry().hash().keyId().equals(keyId)) {
                continue;
            }
            byte[] remembered = k.verified().get();
            if (remembered != null ? MessageDigest.isEqual(remembered, digest) : verifySlowly(k, token, digest)) {
                match = k;
                break;
            }
        }
        if (match == null) {
            return new Refused("unknown bearer token");
        }
        Instant expires = match.entry().expiresAt();
        if (expires != null && !clock.instant().isBefore(expires)) {
            return new Refused("token expired at " + expires);
        }
        return new Verified(new Principal(match.entry().courtScopes(), match.courts(), match.entry().mayReadMetrics(), expires,
                "Bearer " + token));
    }

    private static boolean verifySlowly(Known k, String token, byte[] digest) {
        if (k.entry().hash().matches(token)) {
            k.verified().set(digest);
            return true;
        }
        return false;
    }
}
