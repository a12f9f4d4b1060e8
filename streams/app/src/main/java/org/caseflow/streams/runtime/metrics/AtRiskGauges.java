package org.caseflow.streams.runtime.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.caseflow.streams.runtime.http.AtRiskCase;
import org.caseflow.streams.runtime.http.LocalQueries;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code caseflow_cases_at_risk{court,due}}: this instance's open cases by how soon their deadline falls, counted
 * periodically from the same local at-risk list {@code GET /api/v1/courts/{court}/at-risk} serves (so "today" is the
 * clock the API uses: the simulated day in the demo). {@code due} is {@code overdue} (deadline passed), {@code 0-3d},
 * {@code 4-7d} or {@code 8-15d} days left: the NOTICE/WARNING/CRITICAL lead times of most procedures. Registered at 0
 * for every court of the seeds; each case is counted by the one instance that keeps it, so sum across instances.
 * While the stores cannot be read (rebalancing) the last counts stay.
 */
public final class AtRiskGauges implements AutoCloseable {
    static final int HORIZON_DAYS = 15;
    static final List<String> BUCKETS = List.of("overdue", "0-3d", "4-7d", "8-15d");
    private static final Logger LOG = LoggerFactory.getLogger(AtRiskGauges.class);

    private final LocalQueries queries;
    private final Map<String, Map<String, AtomicLong>> counts = new LinkedHashMap<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "at-risk-gauges");
        thread.setDaemon(true);
        return thread;
    });

    public AtRiskGauges(MeterRegistry registry, Collection<String> courts, LocalQueries queries) {
        this.queries = queries;
        for (String court : courts) {
            Map<String, AtomicLong> byBucket = new LinkedHashMap<>();
            for (String bucket : BUCKETS) {
                AtomicLong cell = new AtomicLong();
                byBucket.put(bucket, cell);
                Gauge.builder("caseflow.cases.at.risk", cell, AtomicLong::get)
                        .description("Open cases by days left to their deadline (this instance's partitions)")
                        .tag("court", court)
                        .tag("due", bucket)
                        .strongReference(true)
                        .register(registry);
            }
            counts.put(court, byBucket);
        }
    }

    /** Counts now and then every {@code every}. */
    public AtRiskGauges start(Duration every) {
        timer.scheduleWithFixedDelay(this::refresh, 0, every.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    /** One count of every court; a court whose stores cannot be read now keeps its last counts. */
    void refresh() {
        counts.forEach((court, byBucket) -> {
            try {
                long[] n = new long[BUCKETS.size()];
                for (AtRiskCase c : queries.atRisk(court, HORIZON_DAYS)) {
                    n[bucket(c.daysRemaining())]++;
                }
                for (int i = 0; i < n.length; i++) {
                    byBucket.get(BUCKETS.get(i)).set(n[i]);
                }
            } catch (RuntimeException e) {
                // InvalidStateStoreException while rebalancing or starting: the next round counts again.
                LOG.debug("at-risk count of {} skipped: {}", court, e.toString());
            }
        });
    }

    static int bucket(int daysRemaining) {
        if (daysRemaining < 0) {
            return 0;
        }
        return daysRemaining <= 3 ? 1 : daysRemaining <= 7 ? 2 : 3;
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
