package org.caseflow.streams.topology;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.caseflow.streams.domain.notify.AlertAck;

/**
 * Reads {@code caseflow.alert-acks} (keyed by caseId, co-partitioned with the inputs) into {@link StoreNames#ALERT_ACKS}:
 * caseId → the case's acknowledgements as a JSON list, one per (alertId, by), the first kept, so a second ack of the
 * same alert by the same person changes nothing. The store is connected to the case processor too, which puts this
 * processor in the case sub-topology: a case and its acks live in one task and the case view reads both locally.
 * Forwards a new ack only to the digest router (the digests count acknowledged cases): an ack never touches alerts,
 * breach records or indicators. An ack whose key is not its
 * caseId, or with no alertId or acknowledger, is refused with an exception, which the processing exception handler
 * sends to the dead letters with its reason.
 */
final class AlertAckProcessor implements Processor<String, AlertAck, String, Object> {
    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private static final TypeReference<List<AlertAck>> LIST = new TypeReference<>() { };

    private KeyValueStore<String, String> acks;
    private ProcessorContext<String, Object> context;

    @Override
    public void init(ProcessorContext<String, Object> context) {
        this.context = context;
        acks = context.getStateStore(StoreNames.ALERT_ACKS);
    }

    @Override
    public void process(Record<String, AlertAck> record) {
        AlertAck ack = record.value();
        if (ack == null || blank(ack.alertId()) || blank(ack.by()) || !record.key().equals(ack.caseId())) {
            throw new IllegalArgumentException("alert ack refused: needs alertId, by and caseId = key " + record.key());
        }
        List<AlertAck> list = read(acks.get(record.key()));
        if (list.stream().noneMatch(a -> a.alertId().equals(ack.alertId()) && a.by().equals(ack.by()))) {
            list.add(ack);
            acks.put(record.key(), write(list));
            context.forward(record.withValue((Object) ack), Names.DIGEST_ROUTER); // the digests show acknowledged cases
        }
    }

    static List<AlertAck> read(String json) {
        try {
            return json == null ? new ArrayList<>() : new ArrayList<>(JSON.readValue(json, LIST));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String write(List<AlertAck> list) {
        try {
            return JSON.writeValueAsString(list);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
