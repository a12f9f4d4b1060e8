package org.caseflow.streams.runtime.replay;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import org.caseflow.events.CaseEvent;
import org.caseflow.schemas.AvroCodec;

/**
 * Collects events and hands them back in occurredAt order (stable: ties keep arrival order). Events
 * are held in their Avro encoding, about a third of the decoded objects' heap, so a replay of a
 * million events fits the launcher's default heap.
 */
public final class EventTimeOrder {
    private record Held(long at, byte[] bytes) {
    }

    private final AvroCodec<CaseEvent> codec = new AvroCodec<>(CaseEvent.getClassSchema());
    private final List<Held> held = new ArrayList<>();

    public void add(CaseEvent event) {
        held.add(new Held(event.getOccurredAt().toEpochMilli(), codec.encode(event)));
    }

    /** Events held. */
    public int size() {
        return held.size();
    }

    /** Sends every event in occurredAt order and keeps them (a what-if replays the same events twice). */
    public void forEachInOrder(Consumer<CaseEvent> sink) {
        held.sort(Comparator.comparingLong(Held::at));
        for (Held h : held) {
            sink.accept(codec.decode(h.bytes()));
        }
    }

    /** Sends every event in occurredAt order, releasing each as it goes. */
    public void drainTo(Consumer<CaseEvent> sink) {
        held.sort(Comparator.comparingLong(Held::at));
        for (int i = 0; i < held.size(); i++) {
            sink.accept(codec.decode(held.get(i).bytes()));
            held.set(i, null);
        }
        held.clear();
    }
}
