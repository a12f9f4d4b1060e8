package org.caseflow.streams.runtime.http.auth;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.caseflow.streams.runtime.config.TokenHash;

/**
 * Login sessions of the page, in this instance's memory: a random 256-bit id (the cookie) maps to the principal of the
 * token that logged in. Only the SHA-256 of an id is kept, so a heap dump holds no usable cookie; a session ends with
 * its token's expiry or after the configured time to live, whichever is first. At most {@link #MAX_SESSIONS} live at
 * once: the oldest goes first, so logins in a loop cannot fill the heap.
 */
public final class SessionStore {
    static final int MAX_SESSIONS = 10_000;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A live session. */
    public record Session(Principal principal, Instant createdAt, Instant expiresAt) {
    }

    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final Duration ttl;
    private final Clock clock;

    public SessionStore(Duration ttl, Clock clock) {
        this.ttl = ttl;
        this.clock = clock;
    }

    /** Starts a session; returns the cookie value (base64url of 32 random bytes). */
    public String create(Principal principal) {
        Instant now = clock.instant();
        Instant expires = now.plus(ttl);
        if (principal.expiresAt() != null && principal.expiresAt().isBefore(expires)) {
            expires = principal.expiresAt();
        }
        byte[] id = new byte[32];
        RANDOM.nextBytes(id);
        String cookie = Base64.getUrlEncoder().withoutPadding().encodeToString(id);
        purge(now);
        while (sessions.size() >= MAX_SESSIONS) {
            sessions.entrySet().stream().min(Comparator.comparing(e -> e.getValue().createdAt()))
                    .ifPresent(oldest -> sessions.remove(oldest.getKey()));
        }
        sessions.put(key(cookie), new Session(principal, now, expires));
        return cookie;
    }

    public Optional<Session> find(String cookie) {
        if (cookie == null || cookie.isEmpty()) {
            return Optional.empty();
        }
        String key = key(cookie);
        Session session = sessions.get(key);
        if (session != null && !clock.instant().isBefore(session.expiresAt())) {
            sessions.remove(key);
            return Optional.empty();
        }
        return Optional.ofNullable(session);
    }

    public void remove(String cookie) {
        if (cookie != null) {
            sessions.remove(key(cookie));
        }
    }

    public int size() {
        return sessions.size();
    }

    private void purge(Instant now) {
        sessions.values().removeIf(s -> !now.isBefore(s.expiresAt()));
    }

    /** The map key: SHA-256 of the id, never the id itself. */
    private static String key(String cookie) {
        return Base64.getEncoder().encodeToString(TokenHash.digest(cookie));
    }
}
