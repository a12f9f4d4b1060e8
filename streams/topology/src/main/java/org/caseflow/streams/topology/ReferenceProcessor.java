package org.caseflow.streams.topology;

import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.caseflow.streams.domain.seeds.ReferencePublication;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The global processor of {@code caseflow.reference-data} (issue 15): keeps each key's latest record in the global
 * store {@link StoreNames#REFERENCE_DATA} as it came (bytes, so a restore that copies the topic gives the same store)
 * and hands the validated chain to the instance's {@link ReferenceHolder}. On start it reads the whole store once,
 * which covers a restore that did not pass through {@link #process}. A record that does not validate (written past
 * {@code caseflow reference publish}) changes nothing: it is logged with its reason and counted
 * ({@code caseflow_dead_letters_total{reason="reference-invalid"}}).
 */
final class ReferenceProcessor implements Processor<String, byte[], Void, Void> {
    private static final Logger LOG = LoggerFactory.getLogger(ReferenceProcessor.class);

    private final ReferenceHolder holder;
    private final ProcessingMetrics metrics;
    private KeyValueStore<String, byte[]> store;

    ReferenceProcessor(ReferenceHolder holder, ProcessingMetrics metrics) {
        this.holder = holder;
        this.metrics = metrics;
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        store = context.getStateStore(StoreNames.REFERENCE_DATA);
        try (KeyValueIterator<String, byte[]> all = store.all()) {
            while (all.hasNext()) {
                KeyValue<String, byte[]> next = all.next();
                apply(next.key, next.value);
            }
        }
        holder.markLoaded();
    }

    @Override
    public void process(Record<String, byte[]> record) {
        if (record.key() == null) {
            metrics.deadLetter("reference-invalid");
            LOG.error("reference-data record without a key ignored");
            return;
        }
        if (apply(record.key(), record.value())) {
            if (record.value() == null) {
                store.delete(record.key());
            } else {
                store.put(record.key(), record.value());
            }
        }
    }

    private boolean apply(String key, byte[] value) {
        try {
            List<ReferencePublication> chain = value == null ? List.of() : ReferenceRecord.decode(value);
            for (ReferencePublication p : chain) {
                if (!p.key().equals(key)) {
                    throw new IllegalArgumentException("version " + p.version() + " is for " + p.key());
                }
            }
            holder.update(key, chain);
            LOG.info("reference data {} now {}", key, chain.isEmpty() ? "the seed file" : chain);
            return true;
        } catch (RuntimeException e) {
            metrics.deadLetter("reference-invalid");
            LOG.error("reference-data record {} refused, nothing changed: {}", key, e.getMessage());
            return false;
        }
    }
}
