package org.caseflow.streams.topology;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.caseflow.events.AlertStatus;
import org.caseflow.streams.domain.digest.DigestEntry;
import org.caseflow.streams.topology.StoreKeys.DigestEntryKey;
import org.caseflow.streams.topology.StoreKeys.DigestLogKey;

/**
 * A recipient's digest entries as {@link StoreNames#DIGEST_ENTRIES} keeps them: a log of what changed them, one record
 * per feed batch ({@link DigestLogKey}, the batch in {@link DigestFeedSerde}'s form), folded into entries when a period
 * closes. A midnight storm sends each recipient its crossings in batches of hundreds: one record per entry wrote 2.1–2.3
 * changelog records per crossing (more than half of a storm's records); the log writes one per batch.
 *
 * <p>Folding a log gives exactly the entries the per-entry store held: each item does what the digest processor did to
 * the stored entry (an alert that fires sets it, {@link DigestEntry#fired} if there was one; a resolution and an
 * acknowledgement change an entry there is and nothing else), and where closing dropped resolved entries the log has a
 * {@link DigestFeed#PRUNE} item, so an entry dropped there is not there for what comes after it. Entries keep the
 * per-entry keys ({@code recipient|caseId|alertId}) and their byte order. Per-entry records written before the log
 * came are read as the entries the log starts from, and go at the first rewrite.
 *
 * <p>A log is rewritten as its live entries (each as the one to three items that rebuild it, {@link #SNAPSHOT_ITEMS} a
 * record) when it holds more items beyond those than the rewrite would write: the rewrite costs at most what those
 * stale items cost to write, so an item costs a bounded number of writes however long its entry lives.
 */
final class DigestEntryLog {
    /** Items per record of a rewritten log, as the router batches the feed. */
    static final int SNAPSHOT_ITEMS = DigestRouter.BATCH_ITEMS;
    /** Stale items a log may hold beyond the items that rebuild its live entries before it is rewritten. */
    static final int SLACK = 64;
    /** In {@link StoreNames#DIGEST_CLOCKS}: the next log sequence number of this task. */
    private static final String SEQUENCE = "log-sequence";
    private static final String FIRING = AlertStatus.FIRING.name();
    private static final String RESOLVED = AlertStatus.RESOLVED.name();

    private final KeyValueStore<String, byte[]> store;
    private final KeyValueStore<String, String> clocks;
    private long next;

    DigestEntryLog(KeyValueStore<String, byte[]> store, KeyValueStore<String, String> clocks) {
        this.store = store;
        this.clocks = clocks;
        String saved = clocks.get(SEQUENCE);
        this.next = saved == null ? 0 : Long.parseLong(saved);
    }

    /** Appends a recipient's alerts and acknowledgements, in order, as one record. */
    void append(String recipient, List<DigestFeed> items) {
        if (!items.isEmpty()) {
            write(recipient, DigestFeed.batch(recipient, items));
        }
    }

    /** The recipient's entries folded from its log, in key order, with what closing needs to write back. */
    Loaded load(String recipient) {
        String prefix = DigestEntryKey.recipientPrefix(recipient);
        Map<String, DigestEntry> entries = new HashMap<>();
        List<String> keys = new ArrayList<>();
        List<DigestFeed> logged = new ArrayList<>();
        int items = 0;
        try (KeyValueIterator<String, byte[]> it = store.prefixScan(prefix, new StringSerializer())) {
            while (it.hasNext()) {
                KeyValue<String, byte[]> kv = it.next();
                if (DigestLogKey.isLog(recipient, kv.key)) {
                    keys.add(kv.key);
                    logged.add(DigestFeedSerde.read(kv.value)); // in sequence order: the sequence is zero-padded
                } else {
                    DigestEntry legacy = Legacy.entry(kv.value);
                    if (legacy != null && kv.key.startsWith(legacy.caseId() + StoreKeys.SEPARATOR, prefix.length())) {
                        keys.add(kv.key);
                        entries.put(kv.key, legacy); // written before the log: where the log starts
                        items++;
                    }
                    // else another recipient's, whose name goes on past a separator where this one's ends
                }
            }
        }
        for (DigestFeed record : logged) {
            for (DigestFeed item : record.items() == null ? List.of(record) : record.items()) {
                apply(entries, recipient, item);
                items++;
            }
        }
        List<KeyValue<String, DigestEntry>> sorted = new ArrayList<>(entries.size());
        entries.forEach((key, entry) -> sorted.add(KeyValue.pair(key, entry)));
        sorted.sort((a, b) -> Utf8Order.compare(a.key, b.key));
        return new Loaded(recipient, sorted, keys, items);
    }

    /**
     * After closing: {@code live} is what is left of {@code loaded}'s entries, those resolved before {@code prunedBefore}
     * dropped (null: none dropped). Notes the drop in the log, or rewrites the log when it has grown.
     */
    void keep(Loaded loaded, List<KeyValue<String, DigestEntry>> live, Long prunedBefore) {
        int needed = 0;
        for (KeyValue<String, DigestEntry> kv : live) {
            needed += itemsToRebuild(kv.value);
        }
        int stale = loaded.items() + (prunedBefore == null ? 0 : 1) - needed;
        if (stale > needed + SLACK) {
            rewrite(loaded, live);
        } else if (prunedBefore != null) {
            write(loaded.recipient(), DigestFeed.prune(prunedBefore));
        }
    }

    /** Deletes the recipient's log: it holds no entries. */
    void forget(Loaded loaded) {
        for (String key : loaded.keys()) {
            BlindDelete.from(store, key);
        }
    }

    private void rewrite(Loaded loaded, List<KeyValue<String, DigestEntry>> live) {
        forget(loaded);
        List<DigestFeed> batch = new ArrayList<>();
        String prefix = DigestEntryKey.recipientPrefix(loaded.recipient());
        for (KeyValue<String, DigestEntry> kv : live) {
            // recipient|caseId|alertId: the alert id is what follows the known recipient and case id (a division's
            // name, part of a recipient's, may hold the separator)
            String alertId = kv.key.substring(prefix.length() + kv.value.caseId().length() + 1);
            rebuild(loaded.recipient(), alertId, kv.value, batch);
            if (batch.size() >= SNAPSHOT_ITEMS) {
                append(loaded.recipient(), batch);
                batch = new ArrayList<>();
            }
        }
        append(loaded.recipient(), batch);
    }

    private static int itemsToRebuild(DigestEntry entry) {
        return 1 + (entry.resolvedAt() == null ? 0 : 1) + (entry.ackedAt() == null ? 0 : 1);
    }

    /** The items whose fold is {@code entry}: it fired, then was resolved and acknowledged if it was. */
    static void rebuild(String recipient, String alertId, DigestEntry entry, List<DigestFeed> into) {
        into.add(new DigestFeed(DigestFeed.ALERT, recipient, alertId, entry.caseId(), entry.court(), entry.procedure(),
                entry.level(), FIRING, entry.deadline(), entry.raisedAt(), -1, null));
        if (entry.resolvedAt() != null) {
            into.add(new DigestFeed(DigestFeed.ALERT, recipient, alertId, entry.caseId(), entry.court(),
                    entry.procedure(), entry.level(), RESOLVED, entry.deadline(), entry.resolvedAt(), -1, null));
        }
        if (entry.ackedAt() != null) {
            into.add(new DigestFeed(DigestFeed.ACK, recipient, alertId, entry.caseId(), entry.court(), null, null, null,
                    null, entry.ackedAt(), -1, null));
        }
    }

    /** What the digest processor did to the stored entry for one item. */
    static void apply(Map<String, DigestEntry> entries, String recipient, DigestFeed item) {
        switch (item.type()) {
            case DigestFeed.ALERT -> {
                String key = DigestProcessor.entryKey(recipient, item.caseId(), item.alertId());
                DigestEntry stored = entries.get(key);
                if (FIRING.equals(item.status())) {
                    DigestEntry fresh = new DigestEntry(item.caseId(), item.court(), item.procedure(), item.level(),
                            item.deadline(), item.at(), null, null);
                    entries.put(key, stored == null ? fresh : stored.fired(fresh));
                } else if (stored != null) {
                    entries.put(key, stored.resolved(item.at()));
                }
            }
            case DigestFeed.ACK -> {
                String key = DigestProcessor.entryKey(recipient, item.caseId(), item.alertId());
                DigestEntry stored = entries.get(key);
                if (stored != null) {
                    entries.put(key, stored.acknowledged(item.at()));
                }
            }
            case DigestFeed.PRUNE -> entries.values().removeIf(e -> e.resolvedAt() != null && e.resolvedAt() < item.at());
            default -> throw new IllegalArgumentException("digest entry log item of unknown type " + item.type());
        }
    }

    private void write(String recipient, DigestFeed record) {
        store.put(new DigestLogKey(recipient, next++).encode(), DigestFeedSerde.write(record));
        clocks.put(SEQUENCE, Long.toString(next));
    }

    /**
     * A recipient's log as loaded.
     *
     * @param entries its entries, by {@code recipient|caseId|alertId} in byte order
     * @param keys    every store key it was read from
     * @param items   the items folded (a per-entry record counts one)
     */
    record Loaded(String recipient, List<KeyValue<String, DigestEntry>> entries, List<String> keys, int items) {
    }

    /** The per-entry records written before the log: {@link DigestEntry} as JSON. */
    private static final class Legacy {
        private static final org.apache.kafka.common.serialization.Deserializer<DigestEntry> JSON =
                new JsonSerde<>(DigestEntry.class).deserializer();

        /** The entry, or null for a record that is not one (a log record of another recipient). */
        static DigestEntry entry(byte[] bytes) {
            if (bytes == null || bytes.length == 0 || bytes[0] != '{') {
                return null;
            }
            return JSON.deserialize(StoreNames.DIGEST_ENTRIES, bytes);
        }
    }

    /** The byte order of strings as UTF-8 (RocksDB's key order), without encoding them. */
    static final class Utf8Order {
        private Utf8Order() {
        }

        static int compare(String a, String b) {
            int n = Math.min(a.length(), b.length());
            for (int i = 0; i < n; i++) {
                char x = a.charAt(i);
                char y = b.charAt(i);
                if (x != y) {
                    boolean sx = Character.isSurrogate(x);
                    boolean sy = Character.isSurrogate(y);
                    if (sx != sy) {
                        return sx ? 1 : -1; // a code point above U+FFFF sorts after every one below it in UTF-8
                    }
                    return Character.compare(x, y);
                }
            }
            return Integer.compare(a.length(), b.length());
        }
    }
}
