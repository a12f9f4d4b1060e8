package org.caseflow.streams.runtime.notify;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RebalanceInProgressException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.Deserializer;
import org.caseflow.CaseflowException;
import org.caseflow.events.DeadlineAlert;
import org.caseflow.events.Digest;
import org.caseflow.streams.domain.notify.Channel;
import org.caseflow.streams.domain.notify.Route;
import org.caseflow.streams.domain.notify.Routing;
import org.caseflow.streams.runtime.config.NotifySettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The notify loop: reads {@code caseflow.deadline-alerts} (read_committed, its own consumer group), routes each alert
 * to its recipients and delivers one message per (alert, recipient); deliveries of one case run one after another,
 * different cases at once. A polled batch is committed only when every one of its deliveries has ended, delivered or
 * written to {@code caseflow.notify-dead-letters}: a crash in between re-delivers, with the same Idempotency-Key.
 * While a batch is delivering, its partitions are paused and the consumer keeps polling, so a long retry does not
 * cost the group membership.
 */
final class Notifier implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(Notifier.class);

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
    private volatile boolean running = true;

    /** @param digestTopic {@code caseflow.digests}, read by the same consumer (null: alerts only) */
    Notifier(Consumer<String, byte[]> consumer, Deserializer<DeadlineAlert> decoder, String topic,
            Deserializer<Digest> digestDecoder, String digestTopic, Routing routing,
            AlertMessages messages, HttpDelivery http, NotifyDeadLetters deadLetters, NotifyMetrics metrics,
            NotifySettings settings, AckBook acks, Clock clock) {
        this.consumer = consumer;
        this.decoder = decoder;
        this.topic = topic;
        this.digestDecoder = digestDecoder;
        this.digestTopic = digestTopic;
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
        consumer.subscribe(digestTopic == null ? List.of(topic) : List.of(topic, digestTopic));
        try {
            while (running) {
                ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(200));
                resendFiring();
                if (!records.isEmpty()) {
                    CompletableFuture<Void> batch = deliver(records);
                    awaitKeepingMembership(batch);
                    commit(records);
                }
            }
        } catch (WakeupException e) {
            if (running) {
                throw e;
            }
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    /** Ends the loop from another thread; the batch being delivered is not committed (it is re-delivered). */
    void stop() {
        running = false;
        consumer.wakeup();
    }

    private CompletableFuture<Void> deliver(ConsumerRecords<String, byte[]> records) {
        Map<String, CompletableFuture<Void>> chains = new LinkedHashMap<>();
        Instant until = firing.validUntil(clock.instant());
        for (ConsumerRecord<String, byte[]> record : records) {
            if (record.topic().equals(digestTopic)) {
                digest(record, chains);
                continue;
            }
            DeadlineAlert alert;
            try {
                alert = decoder.deserialize(record.topic(), record.value());
            } catch (RuntimeException e) {
                metrics.undecodable();
                LOG.warn("{}-{}@{}: not a DeadlineAlert, to the notify dead letters: {}", record.topic(),
                        record.partition(), record.offset(), e.getMessage());
                chains.merge("\u0000undecodable", deadLetters.undecodable(record, String.valueOf(e.getMessage())),
                        CompletableFuture::allOf);
                continue;
            }
            Routing.Result result = routing.route(alert.getEscalateTo(), alert.getLevel(), alert.getCourt(),
                    alert.getProcedure().name());
            result.unrouted().forEach(this::unrouted);
            for (Route route : result.routes()) {
                if (acks.suppresses(alert, route.recipient())) {
                    metrics.suppressed();
                    continue;
                }
                Delivery d = messages.delivery(alert, route, until);
                chains.compute(alert.getCaseId(), (caseId, previous) -> previous == null ? deliverOne(d, alert, route, record)
                        : previous.thenCompose(v -> deliverOne(d, alert, route, record)));
            }
        }
        return CompletableFuture.allOf(chains.values().toArray(CompletableFuture[]::new));
    }

    /**
     * One message per (digest, recipient) over the recipient's webhook route (a digest has no place in Alertmanager):
     * the role reference is resolved as an alert's roles are; deliveries of one digest role go one after another.
     */
    private void digest(ConsumerRecord<String, byte[]> record, Map<String, CompletableFuture<Void>> chains) {
        if (record.value() == null) {
            return; // a tombstone of the compacted topic: nothing to send
        }
        Digest digest;
        try {
            digest = digestDecoder.deserialize(record.topic(), record.value());
        } catch (RuntimeException e) {
            metrics.undecodable();
            LOG.warn("{}-{}@{}: not a Digest, to the notify dead letters: {}", record.topic(), record.partition(),
                    record.offset(), e.getMessage());
            chains.merge("\u0000undecodable", deadLetters.undecodable(record, String.valueOf(e.getMessage())),
                    CompletableFuture::allOf);
            return;
        }
        Routing.Result result = routing.routeDigest(digest.getRecipient(), digest.getCourt());
        result.unrouted().forEach(this::unrouted);
        for (Route route : result.routes()) {
            if (route.channel() != Channel.WEBHOOK) {
                metrics.digest("no-webhook");
                continue;
            }
            Delivery d = DigestMessages.delivery(digest, route);
            chains.compute(d.caseId(), (k, previous) -> previous == null ? digestOne(d, record)
                    : previous.thenCompose(v -> digestOne(d, record)));
        }
    }

    private CompletableFuture<Void> digestOne(Delivery d, ConsumerRecord<?, ?> source) {
        return http.post(uri(d), d.key(), d.body(), settings.webhookSecret()).thenCompose(outcome -> {
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

    private URI uri(Delivery d) {
        if (d.url().isPresent()) {
            return URI.create(d.url().get());
        }
        return switch (d.channel()) {
            case WEBHOOK -> URI.create(settings.webhookUrl().orElseThrow());
            case ALERTMANAGER -> alertmanagerAlerts(settings.alertmanagerUrl().orElseThrow());
        };
    }

    static URI alertmanagerAlerts(String base) {
        return URI.create(base.replaceAll("/+$", "") + "/api/v2/alerts");
    }

    /** Firing Alertmanager alerts re-sent on time; a failed re-send is counted, and tried again next turn. */
    private void resendFiring() {
        Instant now = clock.instant();
        for (Map.Entry<DeadlineAlert, Route> e : firing.due(now)) {
            Delivery d = messages.delivery(e.getKey(), e.getValue(), firing.validUntil(now));
            http.post(uri(d), d.key(), d.body(), "").thenAccept(o -> metrics.delivery("alertmanager-resend", o, 0));
        }
    }

    private void unrouted(String role) {
        int colon = role.indexOf(':');
        metrics.unrouted(colon < 0 ? role : role.substring(0, colon));
        if (unroutedLogged.add(role)) {
            LOG.warn("no recipient answers for role {} (logged once; counted in caseflow_notify_unrouted_roles_total)", role);
        }
    }

    private void awaitKeepingMembership(CompletableFuture<Void> batch) {
        Set<TopicPartition> paused = new HashSet<>(consumer.assignment());
        consumer.pause(paused);
        try {
            while (true) {
                try {
                    batch.get(100, TimeUnit.MILLISECONDS);
                    return;
                } catch (TimeoutException stillDelivering) {
                    paused.addAll(rewind(consumer.poll(Duration.ZERO)));
                    resendFiring();
                }
            }
        } catch (ExecutionException e) {
            throw new CaseflowException("a delivery or dead letter failed; nothing of this batch is committed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CaseflowException("interrupted while delivering", e);
        } finally {
            Set<TopicPartition> still = new HashSet<>(consumer.assignment());
            still.retainAll(paused);
            consumer.resume(still);
        }
    }

    /**
     * Records of a partition assigned while the batch was delivering (it was not paused): put back, so they are read
     * again with the next batch instead of skipped.
     */
    private Set<TopicPartition> rewind(ConsumerRecords<String, byte[]> unexpected) {
        for (TopicPartition tp : unexpected.partitions()) {
            consumer.seek(tp, unexpected.records(tp).get(0).offset());
        }
        consumer.pause(unexpected.partitions());
        return unexpected.partitions();
    }

    private void commit(ConsumerRecords<String, byte[]> records) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        Set<TopicPartition> owned = consumer.assignment();
        for (TopicPartition tp : records.partitions()) {
            List<ConsumerRecord<String, byte[]>> list = records.records(tp);
            if (owned.contains(tp)) {
                offsets.put(tp, new OffsetAndMetadata(list.get(list.size() - 1).offset() + 1));
            }
        }
        try {
            consumer.commitSync(offsets);
        } catch (CommitFailedException | RebalanceInProgressException e) {
            // Partitions moved to another instance meanwhile: it re-delivers from the last commit, same keys.
            LOG.info("commit after delivery refused ({}); the new owner re-delivers those alerts", e.getMessage());
        }
    }

    List<String> unroutedRoles() {
        return new ArrayList<>(unroutedLogged);
    }
}
