package org.caseflow.streams.runtime.notify;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.caseflow.streams.topology.DeadLetterHeaders;
import org.caseflow.streams.topology.DeadLetters;

/**
 * Writes to {@code caseflow.notify-dead-letters} (key alertId): the message that could not be delivered with the
 * common dead-letter headers ({@code caseflow.dlq.reason}, {@code .detail}, source topic/partition/offset) plus
 * {@code caseflow.notify.recipient}, {@code .channel}, {@code .key} and {@code .status}. The returned future completes
 * once the broker has the record: offsets are committed only after that.
 */
final class NotifyDeadLetters {
    static final String RECIPIENT = "caseflow.notify.recipient";
    static final String CHANNEL = "caseflow.notify.channel";
    static final String KEY = "caseflow.notify.key";
    static final String STATUS = "caseflow.notify.status";

    private final Producer<String, byte[]> producer;
    private final String topic;
    private final Clock clock;

    NotifyDeadLetters(Producer<String, byte[]> producer, String topic, Clock clock) {
        this.producer = producer;
        this.topic = topic;
        this.clock = clock;
    }

    CompletableFuture<Void> undeliverable(Delivery d, Outcome outcome, ConsumerRecord<?, ?> source) {
        // The value is the message as it was to be sent, made here: INTERNAL, not the source record's bytes.
        Headers headers = headers(outcome.reason(), outcome.detail(), source, DeadLetters.ValueForm.INTERNAL);
        put(headers, RECIPIENT, d.recipient());
        put(headers, CHANNEL, d.channel().name().toLowerCase(java.util.Locale.ROOT));
        put(headers, KEY, d.key());
        put(headers, STATUS, String.valueOf(outcome.status()));
        return send(new ProducerRecord<>(topic, null, d.alertId(), d.body(), headers));
    }

    /** A record of the alerts topic that is no DeadlineAlert: kept with its bytes, never dropped silently. */
    CompletableFuture<Void> undecodable(ConsumerRecord<String, byte[]> source, String detail) {
        return send(new ProducerRecord<>(topic, null, source.key(), source.value(),
                headers("undecodable", detail, source, DeadLetters.ValueForm.ORIGINAL)));
    }

    private Headers headers(String reason, String detail, ConsumerRecord<?, ?> source, DeadLetters.ValueForm form) {
        return new DeadLetterHeaders(reason, detail,
                new DeadLetters.Source(source.topic(), source.partition(), source.offset()), source.timestamp(), null,
                form, clock.instant()).toHeaders();
    }

    private CompletableFuture<Void> send(ProducerRecord<String, byte[]> record) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        producer.send(record, (metadata, e) -> {
            if (e == null) {
                done.complete(null);
            } else {
                done.completeExceptionally(e);
            }
        });
        return done;
    }

    private static void put(Headers headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    static Map<String, Object> producerProps(Map<String, Object> base) {
        Map<String, Object> props = new java.util.HashMap<>(base);
        props.put("acks", "all");
        props.put("enable.idempotence", "true");
        return props;
    }
}
