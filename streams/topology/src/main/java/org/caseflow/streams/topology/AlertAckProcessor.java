package org.caseflow.streams.topology;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.caseflow.streams.domain.cases.CaseState;
import org.caseflow.streams.domain.notify.AlertAck;
import org.caseflow.streams.domain.courts.CourtId;

/**
 * Reads {@code caseflow.alert-acks} (keyed by caseId, co-partitioned with the inputs) into {@link StoreNames#ALERT_ACKS}:
 * caseId → the case's acknowledgements as a JSON list, one per (alertId, by), the first kept, so a second ack of the
 * same alert by the same person changes nothing. The store is connected to the case processor too, which puts this
 * processor in the case sub-topology: a case and its acks live in one task and the case view reads both locally.
 * Forwards a new ack of a firing alert only to the digest router (the digests count acknowledged cases), with the
 * recipients the alert fired to, read from the case record: an ack never touches alerts,
 * breach records or indicators. An ack whose key is not its
 * caseId, or with no alertId or acknowledger, is refused with an exception, which the processing exception handler
 * sends to the dead letters with its reason.
 */
final class AlertAckProcessor implements Processor<String, AlertAck, String, Object> {
    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private static final TypeReference<List<AlertAck>> LIST = new TypeReference<>() { };

    private KeyValueStore<String, String> acks;
    private KeyValueStore<String, CaseRecord> cases;
    private ProcessorContext<String, Object> context;

    @Override
    public void init(ProcessorContext<String, Object> context) {
        this.context = context;
        acks = context.getStateStore(StoreNames.ALERT_ACKS);
        cases = context.getStateStore(StoreNames.CASES);
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
            route(ack, record.timestamp()).ifPresent(route -> context.forward(
                    record.withValue((Object) new DigestRoutes(List.of(route))), Names.DIGEST_ROUTER));
        }
    }

    /**
     * The digests show acknowledged cases: an ack of a FIRING alert goes where the alert went (kept in the case record);
     * an ack of an alert no longer firing (resolved, or never raised) marks nothing in a digest.
     */
    private Optional<DigestRoute> route(AlertAck ack, long at) {
        CaseRecord record = cases.get(ack.caseId());
        if (record == null) {
            return Optional.empty();
        }
        CaseState state = record.state();
        String court = state.view() == null ? ack.court() : CourtId.raw(state.view().court());
        return state.firing().stream().filter(f -> f.alertId().equals(ack.alertId())).findFirst()
                .map(f -> DigestRoute.ack(ack, court, f.escalatedTo(), at));
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
