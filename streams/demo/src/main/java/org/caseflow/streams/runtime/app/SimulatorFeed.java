package org.caseflow.streams.runtime.app;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.caseflow.events.CaseEvent;
import org.caseflow.streams.domain.seeds.Seeds;
import org.caseflow.streams.runtime.config.DiskSeedFiles;
import org.caseflow.streams.runtime.kafka.ClockTicks;
import org.caseflow.streams.runtime.simulator.Pacer;
import org.caseflow.streams.runtime.simulator.SimulationSettings;
import org.caseflow.streams.runtime.simulator.Simulator;
import org.caseflow.streams.topology.EventRouting;
import org.caseflow.streams.topology.Topic;
import org.caseflow.streams.topology.TopicNames;
import org.caseflow.streams.topology.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo's live input: the simulator's events, paced to wall time, produced to the input topics
 * (routing of DESIGN.md section 4). The first {@code warmUp} of simulated time is sent at once so the
 * courts start populated and alerts appear within seconds. Runs on its own thread until closed.
 *
 * <p>The app runs on event time, where a partition's clock moves only when a record arrives on it. So
 * that timers also fire on quiet partitions (nights, weekends, few cases), a second thread sends a
 * clock tick to every partition of the filings topic each simulated hour, stamped with the simulated
 * "now" truncated to the hour: never ahead of the events still to come.
 */
public final class SimulatorFeed implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SimulatorFeed.class);
    private static final String COURT = "湘02";

    private final KafkaProducer<String, CaseEvent> producer;
    private final Pacer pacer;
    private final Thread thread;
    private final ScheduledExecutorService ticker;
    private final AtomicLong sent = new AtomicLong();
    private Instant lastTick = Instant.EPOCH;

    private SimulatorFeed(Simulator simulator, Pacer pacer, KafkaProducer<String, CaseEvent> producer, TopicNames topics,
            double speed) {
        this.producer = producer;
        this.pacer = pacer;
        this.ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "demo-clock-ticks");
            t.setDaemon(true);
            return t;
        });
        // One simulated hour of wall time, but not more often than 10 times a second.
        long periodMs = Math.max(100, (long) (3_600_000 / speed));
        ticker.scheduleAtFixedRate(() -> tick(topics.inputs()), periodMs, periodMs, TimeUnit.MILLISECONDS);
        this.thread = new Thread(() -> {
            try {
                pacer.feed(simulator.iterator(), event -> {
                    // Stamped with its occurredAt, as EventPublisher does: on event time the record timestamp is
                    // the clock (stamped with the wall clock, the warm-up's events all arrived "late").
                    producer.send(new ProducerRecord<>(EventRouting.topicFor(event, topics), null,
                            event.getOccurredAt().toEpochMilli(), event.getCaseId(), event));
                    sent.incrementAndGet();
                });
                LOG.info("simulation finished after {} events", sent.get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "demo-simulator");
        thread.setDaemon(true);
    }

    /**
     * @param speed  simulated seconds per wall second
     * @param warmUp simulated time sent without pacing at start
     * @param scale  simulator volume (1.0 = realistic Zhuzhou volumes)
     */
    public static SimulatorFeed start(String bootstrapServers, TopicNames topics, Path seedsDir, long seed,
            double speed, Duration warmUp, double scale) {
        // Start so that the end of the warm-up is about today: dates in the API look current.
        LocalDate start = LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(warmUp.toDays());
        Simulator simulator = Simulator.ofSeeds(new SimulationSettings(seed, start, 3650, scale),
                Seeds.load(seedsDir, DiskSeedFiles.INSTANCE), COURT);
        Topic<String, CaseEvent> inputs = new Topics(topics).caseFilings(); // the three inputs share their serdes
        KafkaProducer<String, CaseEvent> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 20),
                inputs.keySerializer(), inputs.valueSerializer());
        SimulatorFeed feed = new SimulatorFeed(simulator, new Pacer(speed, warmUp), producer, topics, speed);
        feed.thread.start();
        LOG.info("simulator feeding {} (seed {}, speed {}x, warm-up {} days, scale {})", COURT, seed, speed,
                warmUp.toDays(), scale);
        return feed;
    }

    /** Sends a tick for the simulated hour just begun, once per hour; never throws (the ticker would stop). */
    private void tick(List<String> inputs) {
        Instant now = pacer.simulatedNow();
        if (now == null) {
            return;
        }
        Instant hour = now.truncatedTo(ChronoUnit.HOURS);
        if (!hour.isAfter(lastTick)) {
            return;
        }
        try {
            ClockTicks.sendToInputs(producer, inputs, hour);
            lastTick = hour;
        } catch (RuntimeException e) {
            LOG.warn("clock tick {} not sent: {}", hour, e.getMessage());
        }
    }

    public long eventsSent() {
        return sent.get();
    }

    /** The simulated "now", or null before the first event. */
    public Instant simulatedNow() {
        return pacer.simulatedNow();
    }

    @Override
    public void close() throws InterruptedException {
        ticker.shutdownNow();
        ticker.awaitTermination(5, TimeUnit.SECONDS);
        thread.interrupt();
        thread.join(5_000);
        producer.close(Duration.ofSeconds(5));
    }
}
