package org.caseflow.streams.runtime.http.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.io.IOException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.caseflow.streams.domain.courts.CourtRegistry;
import org.caseflow.streams.runtime.config.CaseflowConfig;
import org.caseflow.streams.runtime.config.ConfigKeys;
import org.caseflow.streams.runtime.config.InvalidConfigException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Authentication of the HTTP server (docs/security.md). Every {@code /api/*} request carries
 * {@code Authorization: Bearer TOKEN} or the {@value #COOKIE} cookie of a login session ({@code /api/v1/session});
 * a state-changing request authenticated by the cookie must also carry {@value #CSRF_HEADER}{@code : 1}.
 * {@code /metrics} needs a token with the {@code metrics} scope (or {@code *}). With {@code caseflow.http.auth=none}
 * everyone is {@link Principal#ANYONE}. Routes read the caller with {@link #principal(Context)}.
 */
public final class HttpAuth {
    public static final String COOKIE = "caseflow_session";
    public static final String CSRF_HEADER = "X-Caseflow-Request";
    public static final String SESSION_PATH = "/api/v1/session";
    static final String PRINCIPAL_ATTRIBUTE = "caseflow.principal";
    private static final Logger LOG = LoggerFactory.getLogger(HttpAuth.class);
    private static final Set<HandlerType> SAFE = Set.of(HandlerType.GET, HandlerType.HEAD, HandlerType.OPTIONS);

    private final boolean required;
    private final boolean secureCookie;
    private final TokenVerifier verifier;
    private final SessionStore sessions;
    private final ObjectMapper mapper;

    /** Thrown by the handlers; the server renders it as its usual JSON error. */
    public static final class Denied extends RuntimeException {
        private final int status;

        Denied(int status, String message) {
            super(message, null, false, false);
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    private HttpAuth(boolean required, boolean secureCookie, TokenVerifier verifier, SessionStore sessions, ObjectMapper mapper) {
        this.required = required;
        this.secureCookie = secureCookie;
        this.verifier = verifier;
        this.sessions = sessions;
        this.mapper = mapper;
    }

    /**
     * @throws InvalidConfigException without tokens unless {@code caseflow.http.auth=none}, or with a token scope that
     *                                names an unknown court
     */
    public static HttpAuth create(CaseflowConfig config, CourtRegistry courts, ObjectMapper mapper, Clock clock) {
        TokenVerifier verifier = check(config, courts, clock);
        boolean required = config.http().security().tokenAuth();
        if (!required) {
            LOG.warn("caseflow.http.auth=none: the API, the alert stream and /metrics are OPEN to anyone who can reach "
                    + "{}:{} (every court's cases and figures)", config.http().host(), config.http().port());
        }
        return new HttpAuth(required, config.http().security().tls(), verifier,
                new SessionStore(config.http().security().sessionTtl(), clock), mapper);
    }

    /**
     * What {@code caseflow run} checks before it contacts Kafka: no tokens is an error unless auth is turned off, and
     * every court a token names must be in seeds/courts. {@code courts} are the composition root's (the seeds are
     * loaded once per instance).
     */
    public static TokenVerifier check(CaseflowConfig config, CourtRegistry courts, Clock clock) {
        if (config.http().security().tokenAuth() && !config.http().apiTokens().enabled()) {
            throw new InvalidConfigException(List.of(ConfigKeys.API_TOKENS + ": no tokens, so nobody could use the API;"
                    + " make one with 'caseflow token new --court CODE' (docs/security.md), or set "
                    + ConfigKeys.HTTP_AUTH + "=none to run it open on a closed network"));
        }
        return new TokenVerifier(config.http().apiTokens(), courts, clock);
    }

    public static Principal principal(Context ctx) {
        Principal principal = ctx.attribute(PRINCIPAL_ATTRIBUTE);
        return principal == null ? new Principal(Set.of(), Set.of(), false, null, null) : principal;
    }

    /** The header that carries this caller's identity to a peer instance (null when auth is off). */
    public static String forwardAuthorization(Context ctx) {
        return principal(ctx).forwardAuthorization();
    }

    /** Before-handler of {@code /api/*}. */
    public void authenticate(Context ctx) {
        if (ctx.path().equals(SESSION_PATH) && ctx.method() != HandlerType.GET) {
            return; // logging in or out needs no session; GET says who the caller is, so it does
        }
        ctx.attribute(PRINCIPAL_ATTRIBUTE, identify(ctx));
    }

    /** Before-handler of {@code /metrics}. */
    public void authenticateMetrics(Context ctx) {
        Principal principal = identify(ctx);
        if (!principal.metrics()) {
            throw new Denied(403, "this token may not read metrics (scope 'metrics' or '*')");
        }
    }

    private Principal identify(Context ctx) {
        if (!required) {
            return Principal.ANYONE;
        }
        String header = ctx.header("Authorization");
        if (header != null) {
            String token = header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7).trim() : null;
            if (token == null) {
                throw unauthorized("the Authorization header must be 'Bearer TOKEN'");
            }
            return verified(token);
        }
        String cookie = ctx.cookie(COOKIE);
        if (cookie != null) {
            SessionStore.Session session = sessions.find(cookie).orElseThrow(() -> unauthorized("session expired or unknown"));
            if (!SAFE.contains(ctx.method()) && !"1".equals(ctx.header(CSRF_HEADER))) {
                throw new Denied(403, "a request authenticated by the session cookie must carry " + CSRF_HEADER + ": 1");
            }
            Principal p = session.principal();
            return new Principal(p.roots(), p.courts(), p.metrics(), session.expiresAt(), p.forwardAuthorization());
        }
        throw unauthorized("a bearer token or a session is required");
    }

    private Principal verified(String token) {
        TokenVerifier.Outcome outcome = verifier.verify(token);
        if (outcome instanceof TokenVerifier.Verified v) {
            return v.principal();
        }
        throw unauthorized(((TokenVerifier.Refused) outcome).reason());
    }

    private static Denied unauthorized(String message) {
        return new Denied(401, message);
    }

    /** {@code POST/GET/DELETE /api/v1/session}: the page's login without a token in any URL. */
    public void registerSessionRoutes(Javalin app) {
        app.post(SESSION_PATH, this::login);
        app.get(SESSION_PATH, ctx -> ctx.json(describe(principal(ctx))));
        app.delete(SESSION_PATH, ctx -> {
            sessions.remove(ctx.cookie(COOKIE));
            ctx.header("Set-Cookie", cookie("", 0));
            ctx.status(204);
        });
    }

    private void login(Context ctx) {
        if (!required) {
            ctx.status(204);
            return;
        }
        String token;
        try {
            JsonNode body = mapper.readTree(ctx.body());
            token = body == null ? null : body.path("token").asText(null);
        } catch (IOException e) {
            throw new Denied(400, "the body must be JSON {\"token\":\"...\"}");
        }
        if (token == null || token.isBlank()) {
            throw new Denied(400, "the body must be JSON {\"token\":\"...\"}");
        }
        Principal principal = verified(token.trim());
        ctx.header("Set-Cookie", cookie(sessions.create(principal), -1));
        ctx.status(204);
    }

    private String cookie(String value, int maxAge) {
        return COOKIE + "=" + value + "; Path=/; HttpOnly; SameSite=Strict" + (secureCookie ? "; Secure" : "")
                + (maxAge >= 0 ? "; Max-Age=" + maxAge : "");
    }

    private Map<String, Object> describe(Principal principal) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("auth", required ? "token" : "none");
        body.put("courts", principal.roots().stream().sorted().toList());
        body.put("expiresAt", principal.expiresAt() == null ? null : principal.expiresAt().toString());
        return body;
    }

    public int sessionCount() {
        return sessions.size();
    }
}
