package org.caseflow.streams.runtime.app;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.time.Instant;
import java.util.function.Function;
import org.caseflow.streams.domain.courts.CourtId;
import org.caseflow.streams.domain.courts.Court;
import org.caseflow.streams.topology.ReferenceHolder;
import org.apache.kafka.streams.KafkaStreams;
import org.caseflow.streams.runtime.config.CaseflowConfig;
import org.caseflow.streams.runtime.http.AlertBroadcaster;
import org.caseflow.streams.runtime.http.HttpApi;
import org.caseflow.streams.runtime.http.LocalQueries;
import org.caseflow.streams.runtime.metrics.AtRiskGauges;
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
    private final AtRiskGauges atRisk;
    private final AtomicBoolean closed = new AtomicBoolean();

    private CaseflowRuntime(PrometheusMeterRegistry registry, CaseflowApp app, HttpApi http, AlertBroadcaster alerts,
            AlertTopicTail alertTail, AtRiskGauges atRisk) {
        this.registry = registry;
        this.app = app;
        this.http = http;
        this.alerts = alerts;
        this.alertTail = alertTail;
        this.atRisk = atRisk;
    }

    /** Starts with the store queries on the wall clock (live operation). */
    public static CaseflowRuntime start(CaseflowConfig config) {
        return start(config, (streams, reference) -> new StoreQueries(streams, reference, Instant::now));
    }

    /** @param queries builds this instance's local store reads over its KafkaStreams client */
    public static CaseflowRuntime start(CaseflowConfig config, Function<KafkaStreams, LocalQueries> queries) {
        return start(config, (streams, reference) -> queries.apply(streams));
    }

    /**
     * @param queries builds this instance's local store reads over its KafkaStreams client and the reference data it
     *                computes with (issue 15: a case's deadline follows a calendar published live)
     */
    public static CaseflowRuntime start(CaseflowConfig config,
            java.util.function.BiFunction<KafkaStreams, ReferenceHolder, LocalQueries> queries) {
        return start(CompositionRoot.of(config), queries);
    }

    /** Live operation over a root already built ({@code caseflow run} checked its tokens against the root's courts). */
    public static CaseflowRuntime start(CompositionRoot root) {
        return start(root, (streams, reference) -> new StoreQueries(streams, reference, Instant::now));
    }

    /** {@link #start(CaseflowConfig, java.util.function.BiFunction)} over the root's seeds and settings. */
    public static CaseflowRuntime start(CompositionRoot root,
            java.util.function.BiFunction<KafkaStreams, ReferenceHolder, LocalQueries> queries) {
        CaseflowConfig config = root.config();
        PrometheusMeterRegistry registry = Metrics.newRegistry(config);
        CaseflowApp app = CaseflowApp.create(root, registry);
        // The gauge follows the readiness rule (RUNNING, Kafka answering, caught up), as /health/ready does.
        Metrics.bindReadiness(registry, () -> app.readiness().ready());
        AlertBroadcaster alerts = new AlertBroadcaster(config.http().sseReplayEvents(), config.http().sseHeartbeat());
        LocalQueries local = queries.apply(app.kafkaStreams(), app.reference());
        HttpApi http;
        try {
            http = new HttpApi(config, root.seeds().courts(), registry, app, local, alerts);
        } catch (RuntimeException e) {
            app.close(); // refused settings (tokens, TLS): release the state directory before reporting
            alerts.close();
            throw e;
        }
        AtRiskGauges atRisk = new AtRiskGauges(registry, courtCodes(root), local);
        AlertTopicTail tail;
        try {
            http.start();
            app.start();
            tail = new AlertTopicTail(config, alerts, registry).start();
            atRisk.start(AT_RISK_COUNT_INTERVAL);
        } catch (RuntimeException e) {
            // Whatever started is stopped, so a failed start exits instead of hanging.
            http.close();
            app.close();
            alerts.close();
            throw e;
        }
        return new CaseflowRuntime(registry, app, http, alerts, tail, atRisk);
    }

    /** How often the at-risk gauges count (a range read of the deadline index per court). */
    static final Duration AT_RISK_COUNT_INTERVAL = Duration.ofSeconds(30);

    private static List<String> courtCodes(CompositionRoot root) {
        return root.seeds().courts().all().stream().map(Court::code).sorted().map(CourtId::value).toList();
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
            atRisk.close();
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
