package org.caseflow.schemas;

import org.caseflow.events.CaseEvent;
import org.caseflow.events.CaseSnapshot;
import org.caseflow.events.DeadlineAlert;
import org.caseflow.events.Digest;
import org.caseflow.events.IndicatorValue;

/** One serde per record type of the contract. Serdes are stateless and may be shared. */
public final class CaseflowSerdes {
    private CaseflowSerdes() {
    }

    public static AvroSerde<CaseEvent> caseEvent() {
        return new AvroSerde<>(new AvroCodec<>(CaseEvent.getClassSchema()));
    }

    public static AvroSerde<DeadlineAlert> deadlineAlert() {
        return new AvroSerde<>(new AvroCodec<>(DeadlineAlert.getClassSchema()));
    }

    public static AvroSerde<CaseSnapshot> caseSnapshot() {
        return new AvroSerde<>(new AvroCodec<>(CaseSnapshot.getClassSchema()));
    }

    public static AvroSerde<IndicatorValue> indicatorValue() {
        return new AvroSerde<>(new AvroCodec<>(IndicatorValue.getClassSchema()));
    }

    public static AvroSerde<Digest> digest() {
        return new AvroSerde<>(new AvroCodec<>(Digest.getClassSchema()));
    }
}
