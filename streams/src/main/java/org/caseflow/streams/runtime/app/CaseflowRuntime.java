package org.caseflow.streams.runtime.app;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.concurrent.atomic.AtomicBoolean;
import java.time.Instant;
import java.util.function.Function;
import org.caseflow.streams.domain.seeds.Seeds;
import org.apache.kafka.streams.KafkaStreams;
import org.caseflow.streams.runtime.config.CaseflowConfig;
import org.caseflow.streams.runtime.http.AlertBroadcaster;
import org.caseflow.streams.runtime.http.HttpApi;
import org.caseflow.streams.runtime.http.LocalQueries;
import org.caseflow.streams.runtime.metrics.Metrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running Caseflow instance: registry + streams app + HTTP API, started in that order (HTTP first
 * answers liveness while Streams restores state) and closed in reverse. Used by {@code run} and {@code demo}.
 */
public final class CaseflowRuntime implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CaseflowRuntime.class);

    private final PrometheusMeterRegistry registry;
    private final CaseflowApp app;
    private final HttpApi http;
    private final AlertBroadcaster alerts;
    private final AlertTopicTail alertTail;
    private final AtomicBoolean closed = new AtomicBoolean();

    private CaseflowRuntime(PrometheusMeterRegistry registry, CaseflowApp app, HttpApi http, AlertBroadcaster alerts,
            AlertTopicTail alertTail) {
        this.registry = registry;
        this.app = app;
        this.http = http;
        this.alerts = alerts;
        this.alertTail = alertTail;
    }

    /** Starts with the store queries on the wall clock (live operation). */
    public static CaseflowRuntime start(CaseflowConfig config) {
        Seeds seeds = Seeds.load(config.seedsDir());
        return start(config, streams -> new StoreQueries(streams, seeds, Instant::now));
    }

    /** @param queries builds this instance's local store reads over its KafkaStreams client */
    public static CaseflowRuntime start(CaseflowConfig config, Function<KafkaStreams, LocalQueries> queries) {
        PrometheusMeterRegistry registry = Metrics.newRegistry();
        CaseflowApp app = CaseflowApp.create(config, registry);
        AlertBroadcaster alerts = new AlertBroadcaster(config.sseReplayEvents(), config.sseHeartbeat());
        HttpApi http = new HttpApi(config, registry, app, queries.apply(app.kafkaStreams()), alerts);
        AlertTopicTail tail;
        try {
            http.start();
            app.start();
            tail = new AlertTopicTail(config, alerts, registry).start();
        } catch (RuntimeException e) {
            // Whatever started is stopped, so a failed start exits instead of hanging.
            http.close();
            app.close();
            alerts.close();
            throw e;
        }
        return new CaseflowRuntime(registry, app, http, alerts, tail);
    }

    public PrometheusMeterRegistry registry() {
        return registry;
    }

    public CaseflowApp app() {
        return app;
    }

    public HttpApi http() {
        return http;
    }

    public AlertBroadcaster alerts() {
        return alerts;
    }

    /** True once {@link #close} has begun (e.g. from the SIGTERM hook). */
    public boolean closing() {
        return closed.get();
    }

    /** Idempotent: the shutdown hook and try-with-resources may both call it. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            LOG.info("shutting down");
            try {
                alertTail.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            app.close();
            alerts.close();
            http.close();
            registry.close();
        }
    }
}
