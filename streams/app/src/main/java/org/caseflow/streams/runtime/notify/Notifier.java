package org.caseflow.streams.runtime.notify;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RebalanceInProgressException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.Deserializer;
import org.caseflow.streams.domain.courts.CourtId;
import org.caseflow.CaseflowException;
import org.caseflow.events.DeadlineAlert;
import org.caseflow.events.Digest;
import org.caseflow.streams.domain.notify.Channel;
import org.caseflow.streams.domain.notify.Route;
import org.caseflow.streams.domain.notify.Routing;
import org.caseflow.streams.runtime.config.NotifySettings;
import org.caseflow.streams.topology.Topic;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.caseflow.streams.domain.cases.AvroVocabulary;

/**
 * The notify loop: reads {@code caseflow.deadline-alerts} (read_committed, its own consumer group), routes each alert
 * to its recipients and delivers one message per (alert, recipient). Delivery is a pipeline, not a batch: the loop
 * keeps polling and starting deliveries while earlier ones are under way, up to {@code caseflow.notify.max.in.flight}
 * records not yet done (beyond that it pauses its partitions). Deliveries of one case to one recipient go one after
 * another ({@link Lanes}), everything else at once. Offsets are committed only up to the first record whose
 * deliveries have not all ended, delivered or written to {@code caseflow.notify-dead-letters} ({@link OffsetLedger}),
 * every {@link #COMMIT_EVERY} and on a clean stop: a crash re-delivers from there, with the same Idempotency-Key.
 */
final class Notifier implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(Notifier.class);
    /** How often done offsets are committed: a crash re-delivers at most this much beyond the unfinished ones. */
    static final Duration COMMIT_EVERY = Duration.ofMillis(500);

    private final Consumer<String, byte[]> consumer;
    private final Deserializer<DeadlineAlert> decoder;
    private final String topic;
    private final Deserializer<Digest> digestDecoder;
    private final String digestTopic;
    private final Routing routing;
    private final AlertMessages messages;
    private final HttpDelivery http;
    private final NotifyDeadLetters deadLetters;
    private final NotifyMetrics metrics;
    private final NotifySettings settings;
    private final FiringAlerts firing;
    private final AckBook acks;
    private final Clock clock;
    private final Set<String> unroutedLogged = ConcurrentHashMap.newKeySet();
    private final OffsetLedger ledger = new OffsetLedger();
    private final Lanes lanes = new Lanes();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private volatile boolean running = true;
    private boolean paused;
    /** endsAt of the firing Alertmanager alerts of this poll's records. */
    private Instant firingUntil;
    private final Map<String, URI> uris = new ConcurrentHashMap<>();
    private long nextCommit;

    /**
     * @param alerts  {@code caseflow.deadline-alerts}; its values are read as bytes and decoded here, so that an
     *                unreadable one goes to the notify dead letters
     * @param digests {@code caseflow.digests}, read by the same consumer (null: alerts only)
     */
    Notifier(Consumer<String, byte[]> consumer, Topic<String, DeadlineAlert> alerts, Topic<String, Digest> digests,
            Routing routing,
            AlertMessages messages, HttpDelivery http, NotifyDeadLetters deadLetters, NotifyMetrics metrics,
            NotifySettings settings, AckBook acks, Clock clock) {
        this.consumer = consumer;
        this.decoder = alerts.valueDeserializer();
        this.topic = alerts.name();
        this.digestDecoder = digests == null ? null : digests.valueDeserializer();
        this.digestTopic = digests == null ? null : digests.name();
        this.routing = routing;
        this.messages = messages;
        this.http = http;
        this.deadLetters = deadLetters;
        this.metrics = metrics;
        this.settings = settings;
        this.firing = new FiringAlerts(settings.alertmanagerResend());
        this.acks = acks;
        this.clock = clock;
    }

    @Override
    public void run() {
        consumer.subscribe(digestTopic == null ? List.of(topic) : List.of(topic, digestTopic), new Rebalance());
        boolean clean = false;
        try {
            while (running) {
                Throwable failed = failure.get();
                if (failed != null) {
                    throw new CaseflowException("a delivery or dead letter failed; offsets from its record on are not committed",
                            failed);
                }
                throttle();
                // Paused: wake up soon to resume as deliveries end; otherwise wait for records (the fetch returns early).
                ConsumerRecords<String, byte[]> records = consumer.poll(paused ? Duration.ofMillis(10) : Duration.ofMillis(100));
                firingUntil = firing.validUntil(clock.instant());
                for (ConsumerRecord<String, byte[]> record : records) {
                    start(record);
                }
                resendFiring();
                commitIfDue();
            }
            clean = true;
        } catch (WakeupException e) {
            if (running) {
                throw e;
            }
            clean = true;
        } finally {
            try {
                if (clean) {
                    commitSync(ledger.committable());
                }
            } finally {
                consumer.close(Duration.ofSeconds(5));
            }
        }
    }

    /** Ends the loop from another thread; what is delivered by then is committed, the rest is re-delivered. */
    void stop() {
        running = false;
        consumer.wakeup();
    }

    /** Pauses reading while {@code max.in.flight} records are being delivered; resumes at half. */
    private void throttle() {
        int inFlight = ledger.inFlight();
        if (inFlight >= settings.maxInFlight()) {
            consumer.pause(consumer.assignment()); // again each turn: partitions assigned meanwhile are paused too
            paused = true;
        } else if (paused && inFlight <= settings.maxInFlight() / 2) {
            consumer.resume(consumer.paused());
            paused = false;
        }
    }

    /** Starts the record's deliveries; its offset is done when they have all ended. */
    private void start(ConsumerRecord<String, byte[]> record) {
        OffsetLedger.Pending pending = ledger.read(new TopicPartition(record.topic(), record.partition()), record.offset());
        CompletableFuture<Void> all;
        try {
            all = record.topic().equals(digestTopic) ? digest(record) : alert(record);
        } catch (RuntimeException e) {
            all = CompletableFuture.failedFuture(e);
        }
        all.whenComplete((v, e) -> {
            if (e == null) {
                pending.done();
            } else {
                failure.compareAndSet(null, e instanceof CompletionException && e.getCause() != null ? e.getCause() : e);
            }
        });
    }

    private CompletableFuture<Void> alert(ConsumerRecord<String, byte[]> record) {
        DeadlineAlert alert;
        try {
            alert = decoder.deserialize(record.topic(), record.value());
        } catch (RuntimeException e) {
            metrics.undecodable();
            LOG.warn("{}-{}@{}: not a DeadlineAlert, to the notify dead letters: {}", record.topic(),
                    record.partition(), record.offset(), e.getMessage());
            return deadLetters.undecodable(record, String.valueOf(e.getMessage()));
        }
        Routing.Result result = routing.route(alert.getEscalateTo(), alert.getLevel(), CourtId.ofUnchecked(alert.getCourt()),
                AvroVocabulary.procedure(alert.getProcedure()));
        result.unrouted().forEach(this::unrouted);
        List<Route> routes = new ArrayList<>(result.routes().size());
        for (Route route : result.routes()) {
            if (acks.suppresses(alert, route.recipient())) {
                metrics.suppressed();
            } else {
                routes.add(route);
            }
        }
        List<CompletableFuture<Void>> deliveries = new ArrayList<>(routes.size());
        List<Delivery> messagesOut = messages.deliveries(alert, routes, firingUntil);
        for (int i = 0; i < routes.size(); i++) {
            Delivery d = messagesOut.get(i);
            Route route = routes.get(i);
            deliveries.add(lanes.then(lane(d), () -> deliverOne(d, alert, route, record)));
        }
        return CompletableFuture.allOf(deliveries.toArray(CompletableFuture[]::new));
    }

    private static String lane(Delivery d) {
        return lane(d.caseId(), d.recipient());
    }

    private static String lane(String caseId, String recipient) {
        return caseId + "\u0000" + recipient;
    }

    /**
     * One message per (digest, recipient) over the recipient's webhook route (a digest has no place in Alertmanager):
     * the role reference is resolved as an alert's roles are; deliveries of one digest role go one after another.
     */
    private CompletableFuture<Void> digest(ConsumerRecord<String, byte[]> record) {
        if (record.value() == null) {
            return CompletableFuture.completedFuture(null); // a tombstone of the compacted topic: nothing to send
        }
        Digest digest;
        try {
            digest = digestDecoder.deserialize(record.topic(), record.value());
        } catch (RuntimeException e) {
            metrics.undecodable();
            LOG.warn("{}-{}@{}: not a Digest, to the notify dead letters: {}", record.topic(), record.partition(),
                    record.offset(), e.getMessage());
            return deadLetters.undecodable(record, String.valueOf(e.getMessage()));
        }
        Routing.Result result = routing.routeDigest(digest.getRecipient(), CourtId.ofUnchecked(digest.getCourt()));
        result.unrouted().forEach(this::unrouted);
        List<CompletableFuture<Void>> deliveries = new ArrayList<>();
        for (Route route : result.routes()) {
            if (route.channel() != Channel.WEBHOOK) {
                metrics.digest("no-webhook");
                continue;
            }
            Delivery d = DigestMessages.delivery(digest, route);
            deliveries.add(lanes.then(lane(d), () -> digestOne(d, record)));
        }
        return CompletableFuture.allOf(deliveries.toArray(CompletableFuture[]::new));
    }

    private CompletableFuture<Void> digestOne(Delivery d, ConsumerRecord<?, ?> source) {
        return http.post(uri(d), d.key(), d.body(), settings.webhookSecret()).thenCompose(outcome -> {
            if (stoppedMidway(outcome)) {
                return new CompletableFuture<>();
            }
            metrics.digest(outcome.reason());
            if (outcome.delivered()) {
                return CompletableFuture.completedFuture(null);
            }
            LOG.warn("{} to {}: {} ({}), to the notify dead letters", d.key(), d.recipient(), outcome.reason(),
                    outcome.detail());
            return deadLetters.undeliverable(d, outcome, source);
        });
    }

    private CompletableFuture<Void> deliverOne(Delivery d, DeadlineAlert alert, Route route, ConsumerRecord<?, ?> source) {
        String channel = d.channel().name().toLowerCase(Locale.ROOT);
        return http.post(uri(d), d.key(), d.body(), d.channel() == Channel.WEBHOOK ? settings.webhookSecret() : "")
                .thenCompose(outcome -> {
                    if (stoppedMidway(outcome)) {
                        return new CompletableFuture<>();
                    }
                    metrics.delivery(channel, outcome, clock.millis() - d.raisedAt());
                    if (outcome.delivered()) {
                        if (d.channel() == Channel.ALERTMANAGER) {
                            firing.delivered(alert, route, clock.instant());
                        }
                        return CompletableFuture.completedFuture(null);
                    }
                    LOG.warn("{} to {} over {}: {} ({}), to the notify dead letters", d.key(), d.recipient(), channel,
                            outcome.reason(), outcome.detail());
                    return deadLetters.undeliverable(d, outcome, source);
                });
    }

    /**
     * A delivery cut short by {@link #stop()} (its sender interrupted, its retry cancelled): not given up and not done,
     * so its record is not committed and the next start delivers it again, rather than a dead letter for a shutdown.
     */
    private boolean stoppedMidway(Outcome outcome) {
        return !running && !outcome.delivered();
    }

    private URI uri(Delivery d) {
        // Parsed once per URL, not per delivery.
        if (d.url().isPresent()) {
            return uris.computeIfAbsent(d.url().get(), URI::create);
        }
        return switch (d.channel()) {
            case WEBHOOK -> uris.computeIfAbsent("\u0000webhook", k -> URI.create(settings.webhookUrl().orElseThrow()));
            case ALERTMANAGER -> uris.computeIfAbsent("\u0000alertmanager",
                    k -> alertmanagerAlerts(settings.alertmanagerUrl().orElseThrow()));
        };
    }

    static URI alertmanagerAlerts(String base) {
        return URI.create(base.replaceAll("/+$", "") + "/api/v2/alerts");
    }

    /**
     * Firing Alertmanager alerts re-sent on time, each in its (case, recipient) lane so that it cannot overtake the
     * alert's RESOLVED (see {@link FiringAlerts}); a failed re-send is counted, and tried again next turn.
     */
    private void resendFiring() {
        for (FiringAlerts.Resend r : firing.due(clock.instant())) {
            lanes.then(lane(r.alert().getCaseId(), r.route().recipient()), () -> resend(r));
        }
    }

    private CompletableFuture<Void> resend(FiringAlerts.Resend r) {
        DeadlineAlert alert = firing.current(r);
        if (alert == null) {
            return CompletableFuture.completedFuture(null); // resolved while it waited in the lane
        }
        Delivery d = messages.delivery(alert, r.route(), firing.validUntil(clock.instant()));
        return http.post(uri(d), d.key(), d.body(), "").handle((outcome, e) -> {
            firing.resent(r);
            if (outcome != null) {
                metrics.delivery("alertmanager-resend", outcome, 0);
            }
            return null;
        });
    }

    private void unrouted(String role) {
        int colon = role.indexOf(':');
        metrics.unrouted(colon < 0 ? role : role.substring(0, colon));
        if (unroutedLogged.add(role)) {
            LOG.warn("no recipient answers for role {} (logged once; counted in caseflow_notify_unrouted_roles_total)", role);
        }
    }

    private void commitIfDue() {
        long now = System.nanoTime();
        if (now - nextCommit < 0) {
            return;
        }
        nextCommit = now + COMMIT_EVERY.toNanos();
        Map<TopicPartition, OffsetAndMetadata> offsets = ledger.committable();
        if (offsets.isEmpty()) {
            return;
        }
        ledger.committedUpTo(offsets);
        consumer.commitAsync(offsets, (done, e) -> {
            if (e != null) {
                // Not fatal: the next commit covers these offsets, or the partition's new owner re-delivers (same keys).
                LOG.info("commit of delivered offsets failed ({}); a later commit covers them", e.getMessage());
            }
        });
    }

    private void commitSync(Map<TopicPartition, OffsetAndMetadata> offsets) {
        if (offsets.isEmpty()) {
            return;
        }
        try {
            try {
                consumer.commitSync(offsets);
            } catch (WakeupException e) {
                consumer.commitSync(offsets); // stop()'s wakeup landed here rather than in poll: it is spent now
            }
            ledger.committedUpTo(offsets);
        } catch (CommitFailedException | RebalanceInProgressException e) {
            // Partitions moved to another instance meanwhile: it re-delivers from the last commit, same keys.
            LOG.info("commit after delivery refused ({}); the new owner re-delivers those alerts", e.getMessage());
        }
    }

    /**
     * Before partitions go to another instance, what is delivered of them is committed; their deliveries still under
     * way finish here but are not committed, so the new owner delivers them again (same keys).
     */
    private final class Rebalance implements ConsumerRebalanceListener {
        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            Map<TopicPartition, OffsetAndMetadata> offsets = ledger.committable();
            offsets.keySet().retainAll(partitions);
            commitSync(offsets);
            ledger.forget(partitions);
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            ledger.forget(partitions);
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            // Nothing to do: reading starts from the group's committed offsets.
        }
    }

    List<String> unroutedRoles() {
        return new ArrayList<>(unroutedLogged);
    }
}
