package org.caseflow.streams.runtime.http.auth;

import java.time.Instant;
import java.util.Set;
import org.caseflow.streams.runtime.config.ApiTokens;

/**
 * Who a request is: the court scopes its token names ({@code roots}), those widened to every subordinate court
 * ({@code courts}, what the routes check), whether it may read {@code /metrics}, when it stops being valid, and the
 * {@code Authorization} header to send when the request is forwarded to the instance that owns the data.
 *
 * @param expiresAt null for a token without expiry
 * @param forwardAuthorization a secret (a bearer header): {@link #toString} leaves it out
 */
public record Principal(Set<String> roots, Set<String> courts, boolean metrics, Instant expiresAt, String forwardAuthorization) {
    /** Everyone, when {@code caseflow.http.auth=none}. */
    public static final Principal ANYONE = new Principal(Set.of(ApiTokens.ALL_COURTS), Set.of(ApiTokens.ALL_COURTS), true,
            null, null);

    public Principal {
        roots = Set.copyOf(roots);
        courts = Set.copyOf(courts);
    }

    Principal withForwarding(String authorization) {
        return new Principal(roots, courts, metrics, expiresAt, authorization);
    }

    @Override
    public String toString() {
        return "Principal[roots=" + roots + ", metrics=" + metrics + ", expiresAt=" + expiresAt + "]";
    }
}
