package org.caseflow.streams.runtime.kafka;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.caseflow.events.CaseEvent;
import org.caseflow.streams.topology.EventRouting;
import org.caseflow.streams.topology.Topic;
import org.caseflow.streams.topology.TopicNames;
import org.caseflow.streams.topology.Topics;

/**
 * Publishes case events to their input topic (DESIGN.md section 4 routing): key = caseId, record
 * timestamp = occurredAt (the event time the topology reads), value = the Avro CaseEvent. The producer is
 * idempotent with acks=all, so a retried batch is neither lost nor duplicated and per-partition order
 * holds. Sends are asynchronous; the first failure is kept and stops further publishing, and
 * {@link #flush()} waits for every send and reports it. Every send names its line (of the file being
 * published), and the {@link PublishLedger} records which lines the broker acknowledged or refused.
 */
public final class EventPublisher implements AutoCloseable {
    private final Producer<String, CaseEvent> producer;
    private final TopicNames topics;
    private final AtomicLong acknowledged = new AtomicLong();
    private final AtomicReference<PublishException> failure = new AtomicReference<>();
    private final PublishLedger ledger = new PublishLedger();
    private long sent;

    public EventPublisher(Producer<String, CaseEvent> producer, TopicNames topics) {
        this.producer = producer;
        this.topics = topics;
    }

    /** A publisher over a new producer; {@code kafka} are client properties (bootstrap.servers, security ...). */
    public static EventPublisher create(Map<String, String> kafka, TopicNames topics) {
        // The three inputs carry the same records: any one of them gives the serdes.
        Topic<String, CaseEvent> inputs = new Topics(topics).caseFilings();
        return new EventPublisher(new KafkaProducer<>(producerProps(kafka), inputs.keySerializer(),
                inputs.valueSerializer()), topics);
    }

    /** Durable, ordered, batched; the operator's {@code kafka.*} settings win except for the guarantees. */
    static Map<String, Object> producerProps(Map<String, String> kafka) {
        Map<String, Object> props = new HashMap<>(kafka);
        props.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 20);
        props.putIfAbsent(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        props.putIfAbsent(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        // A missing topic blocks send() for max.block.ms; fail in seconds with a clear message instead.
        props.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, 15_000);
        // One request in flight: on a partition created a moment ago (Kafka 4.4, KRaft) the first batch can
        // fail with NOT_LEADER_OR_FOLLOWER while the next one is accepted, and the retried first batch is
        // then refused as OUT_OF_ORDER_SEQUENCE until the delivery timeout. With one in flight a batch is
        // retried before the next is sent; large batches keep the throughput.
        props.putIfAbsent(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        return props;
    }

    /** Fails fast when an input topic is missing or unreachable, before anything is sent. */
    public void requireTopics() {
        for (String topic : topics.inputs()) {
            try {
                producer.partitionsFor(topic);
            } catch (KafkaException e) {
                throw new PublishException("topic " + topic + " is not available (" + e.getMessage()
                        + "); create the topics with 'caseflow topics'", e);
            }
        }
    }

    /** Sends one event asynchronously as the next line; throws the first failure of an earlier send. */
    public void publish(CaseEvent event) {
        publish(event, sent + 1);
    }

    /** Sends the event of line {@code line} asynchronously; throws the first failure of an earlier send. */
    public void publish(CaseEvent event, long line) {
        throwIfFailed();
        String topic = EventRouting.topicFor(event, topics);
        ProducerRecord<String, CaseEvent> record = new ProducerRecord<>(topic, null,
                event.getOccurredAt().toEpochMilli(), event.getCaseId(), event);
        try {
            producer.send(record, (metadata, exception) -> {
                if (exception == null) {
                    acknowledged.incrementAndGet();
                    ledger.acknowledged(line);
                } else {
                    ledger.failed(line, exception.getMessage());
                    failure.compareAndSet(null, new PublishException("line " + line + ": cannot publish event "
                            + event.getEventId() + " to " + topic + ": " + exception.getMessage(), exception));
                }
            });
        } catch (KafkaException e) {
            ledger.failed(line, e.getMessage());
            throw new PublishException("line " + line + ": cannot publish event " + event.getEventId() + " to "
                    + topic + ": " + e.getMessage(), e);
        }
        ledger.sent(line);
        sent++;
    }

    /**
     * Sends a clock tick stamped {@code at} to every partition of the three input topics and waits for all of
     * them (after the events sent so far are acknowledged, so the tick is behind them in every partition); the
     * number of partitions ticked.
     */
    public int clockTick(Instant at) {
        flush();
        List<String> inputs = topics.inputs();
        try {
            List<Future<RecordMetadata>> sends = ClockTicks.sendToInputs(producer, inputs, at);
            producer.flush();
            for (Future<RecordMetadata> send : sends) {
                send.get();
            }
            return sends.size();
        } catch (ExecutionException e) {
            throw new PublishException("cannot send a clock tick to " + inputs + ": " + e.getCause().getMessage(), e);
        } catch (KafkaException e) {
            throw new PublishException("cannot send a clock tick to " + inputs + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PublishException("interrupted while sending clock ticks", e);
        }
    }

    /** Waits until every event sent is acknowledged; throws the first failure. Returns the acknowledged count. */
    public long flush() {
        producer.flush();
        throwIfFailed();
        if (acknowledged.get() != sent) {
            // flush() returns only when every callback ran: a gap means a send neither succeeded nor failed.
            throw new PublishException(sent - acknowledged.get() + " of " + sent + " events unacknowledged", null);
        }
        return acknowledged.get();
    }

    /**
     * Waits for every send to be answered, without throwing: after a failure, so that {@link #ledger()} is complete
     * before it is reported.
     */
    public void settle() {
        try {
            producer.flush();
        } catch (KafkaException e) {
            // what was not answered stays "sent but not acknowledged" in the ledger
        }
    }

    /** Which lines were acknowledged or refused so far. */
    public PublishLedger ledger() {
        return ledger;
    }

    /** Events sent so far (acknowledged or not). */
    public long sent() {
        return sent;
    }

    private void throwIfFailed() {
        PublishException e = failure.get();
        if (e != null) {
            throw e;
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(10));
    }
}
