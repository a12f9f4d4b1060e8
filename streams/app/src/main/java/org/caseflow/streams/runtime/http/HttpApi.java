package org.caseflow.streams.runtime.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import org.caseflow.streams.domain.courts.CourtRegistry;
import org.caseflow.streams.runtime.config.CaseflowConfig;
import org.caseflow.streams.runtime.http.auth.HttpAuth;
import org.caseflow.streams.runtime.http.tls.HttpsConnector;
import org.caseflow.streams.runtime.http.tls.ServerTls;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP server (Javalin): {@code /health/live}, {@code /health/ready} (open; a
 * {@link Readiness} body saying why not ready), {@code /metrics} (a token with the metrics scope), the
 * court page under {@code /ui/} (static, calls the API) and the JSON API under {@code /api/v1} (routes in
 * {@link ApiRoutes}; bearer token or login session, {@link HttpAuth}). Every error is JSON
 * {@code {"error": "...", "status": N}}, never a stack trace.
 */
public final class HttpApi implements AutoCloseable {
    /**
     * Sent with every answer, the page's files included (issue 12): the page loads only its own script, style and API
     * (no inline code, no other origin), may not be framed, and no answer is sniffed into another type or leaks its URL
     * as a referrer.
     */
    static final java.util.Map<String, String> SECURITY_HEADERS = java.util.Map.of(
            "Content-Security-Policy", "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                    + "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
                    + "frame-ancestors 'none'",
            "X-Content-Type-Options", "nosniff",
            "Referrer-Policy", "no-referrer",
            "X-Frame-Options", "DENY");

    /** The open endpoints; the deploy files (probes, health checks, scrape configs) must name the same paths. */
    public static final String METRICS_PATH = "/metrics";
    public static final String LIVENESS_PATH = "/health/live";
    public static final String READINESS_PATH = "/health/ready";
    static final String COURTS_ATTRIBUTE = "caseflow.courts";
    private static final String ERROR_RENDERED = "caseflow.error-rendered";
    private static final Logger LOG = LoggerFactory.getLogger(HttpApi.class);
    private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    private final CaseflowConfig config;
    private final Javalin app;
    private final AckRoutes acks;

    /** @param courts the courts of the composition root's seeds: token scopes name them */
    public HttpApi(CaseflowConfig config, CourtRegistry courts, PrometheusMeterRegistry registry, QueryableStreams streams,
            LocalQueries queries, AlertBroadcaster alerts) {
        this.config = config;
        ObjectMapper mapper = mapper();
        ServerTls tls = config.http().security().tls() ? ServerTls.load(config.http().security()) : null;
        this.app = Javalin.create(javalin -> {
            javalin.showJavalinBanner = false;
            if (tls != null) {
                javalin.jetty.addConnector((server, http) -> HttpsConnector.create(server, http, tls, config.http().host(),
                        config.http().port()));
            }
            javalin.jsonMapper(new JavalinJackson(mapper, false));
            // The court page (plain HTML + JavaScript over the JSON API) from classpath:/web.
            javalin.staticFiles.add(files -> {
                files.hostedPath = "/ui";
                files.directory = "/web";
                files.location = Location.CLASSPATH;
                files.headers = SECURITY_HEADERS;
            });
        });
        app.before(ctx -> SECURITY_HEADERS.forEach(ctx::header));
        HttpAuth auth = HttpAuth.create(config, courts, mapper, Clock.systemUTC());
        app.before(METRICS_PATH, auth::authenticateMetrics);
        app.before("/api/*", ctx -> {
            auth.authenticate(ctx);
            ctx.attribute(COURTS_ATTRIBUTE, HttpAuth.principal(ctx).courts());
        });
        auth.registerSessionRoutes(app);
        app.get("/", ctx -> ctx.redirect("/ui/"));
        app.get(METRICS_PATH, ctx -> ctx.contentType(PROMETHEUS_TEXT).result(registry.scrape()));
        app.get(LIVENESS_PATH, ctx -> ctx.json(new Health("UP", null)));
        app.get(READINESS_PATH, ctx -> {
            Readiness readiness = streams.readiness();
            ctx.status(readiness.ready() ? 200 : 503).json(readiness);
        });
        PeerClient peers = new PeerClient(tls == null ? null : tls.peerContext());
        QueryRouter router = new QueryRouter(streams, queries, mapper, peers);
        new ApiRoutes(router, alerts, config.indicators().exportLimit(), config.indicators().digestsEnabled()).register(app);
        new BoardRoutes(router, mapper, config.clock().mode(), config.engineSettings().defaultZone()).register(app);
        new ReferenceRoutes(streams::reference, registry).register(app);
        this.acks = new AckRoutes(router, mapper, config,
                streams.reference() == null ? null : streams.reference().data().base().caseNumbers());
        acks.register(app);
        app.exception(ApiException.class, (e, ctx) -> error(ctx, e.status(), e.getMessage()));
        app.exception(HttpAuth.Denied.class, (e, ctx) -> {
            if (e.status() == 401) {
                ctx.header("WWW-Authenticate", "Bearer");
            }
            error(ctx, e.status(), e.getMessage());
        });
        app.exception(Exception.class, (e, ctx) -> {
            LOG.error("API request {} failed", ctx.path(), e);
            error(ctx, 500, "internal error: " + e.getClass().getSimpleName());
        });
        app.error(404, ctx -> {
            // Javalin's own "endpoint not found" text is replaced; our JSON 404 (unknown case) stays.
            if (ctx.attribute(ERROR_RENDERED) == null) {
                error(ctx, 404, "no such resource: " + ctx.path());
            }
        });
        app.error(405, ctx -> error(ctx, 405, "method not allowed"));
    }

    /** The JSON conventions of the API: ISO dates, no timestamps as numbers. */
    public static ObjectMapper mapper() {
        return new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);
    }

    public HttpApi start() {
        app.start(config.http().host(), config.http().port());
        LOG.info("HTTP API on {}://{}:{}/ (advertised as {})", config.http().security().tls() ? "https" : "http", config.http().host(),
                app.port(), config.http().applicationServer());
        return this;
    }

    public int port() {
        return app.port();
    }

    static void error(Context ctx, int status, String message) {
        ctx.attribute(ERROR_RENDERED, Boolean.TRUE);
        if (status == 503) {
            ctx.header("Retry-After", "1");
        }
        ctx.status(status).json(new ApiError(message, status));
    }

    /** Passes another instance's answer through unchanged (its error bodies are already JSON). */
    static void relay(Context ctx, int status, String body) {
        ctx.attribute(ERROR_RENDERED, Boolean.TRUE);
        ctx.status(status).contentType("application/json").result(body);
    }

    @Override
    public void close() {
        app.stop();
        acks.close();
    }

    /** Body of the liveness endpoint. */
    record Health(String status, String streamsState) {
    }
}
