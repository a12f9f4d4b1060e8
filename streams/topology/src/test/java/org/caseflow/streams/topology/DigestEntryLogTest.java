package org.caseflow.streams.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.caseflow.streams.domain.digest.DigestEntry;
import org.caseflow.streams.domain.rules.Procedure;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A recipient's entry log ({@link DigestEntryLog}) folds to exactly the entries the per-entry store held: an alert that
 * fires again keeps its acknowledgement ({@link DigestEntry#fired}), a resolution or acknowledgement of an entry the
 * recipient does not hold changes nothing, an entry dropped when its periods closed is gone for what comes after it;
 * per-entry records from before the log are read; a storm batch is one record; a grown log is rewritten to the same
 * entries.
 */
class DigestEntryLogTest {
    static final String JUDGE = "judge:J-1";
    static final String A = "(2025)湘0211民初1号";
    static final String B = "(2025)湘0211民初2号";
    static final long DAY = 86_400_000L;
    KeyValueStore<String, byte[]> store;
    KeyValueStore<String, String> clocks;
    DigestEntryLog log;

    @BeforeEach
    void stores() {
        MockProcessorContext<Object, Object> context = new MockProcessorContext<>();
        store = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(StoreNames.DIGEST_ENTRIES), Serdes.String(),
                Serdes.ByteArray()).withLoggingDisabled().build();
        store.init(context.getStateStoreContext(), store);
        clocks = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(StoreNames.DIGEST_CLOCKS), Serdes.String(),
                Serdes.String()).withLoggingDisabled().build();
        clocks.init(context.getStateStoreContext(), clocks);
        log = new DigestEntryLog(store, clocks);
    }

    static DigestFeed fire(String caseId, String level, long at) {
        return new DigestFeed(DigestFeed.ALERT, JUDGE, alertId(caseId, level), caseId, "湘0211",
                Procedure.CIVIL_FIRST_SUMMARY, level, "FIRING", LocalDate.of(2025, 6, 3), at, -1, null);
    }

    static DigestFeed resolve(String caseId, String level, long at) {
        return new DigestFeed(DigestFeed.ALERT, JUDGE, alertId(caseId, level), caseId, "湘0211",
                Procedure.CIVIL_FIRST_SUMMARY, level, "RESOLVED", LocalDate.of(2025, 6, 3), at, -1, null);
    }

    static DigestFeed ack(String caseId, String level, long at) {
        return new DigestFeed(DigestFeed.ACK, JUDGE, alertId(caseId, level), caseId, "湘0211", null, null, null, null,
                at, -1, null);
    }

    static String alertId(String caseId, String level) {
        return caseId + "/v2/" + level;
    }

    static DigestEntry entry(String caseId, String level, long raised, Long resolved, Long acked) {
        return new DigestEntry(caseId, "湘0211", Procedure.CIVIL_FIRST_SUMMARY, level, LocalDate.of(2025, 6, 3), raised,
                resolved, acked);
    }

    Map<String, DigestEntry> entries() {
        Map<String, DigestEntry> byAlert = new HashMap<>();
        for (KeyValue<String, DigestEntry> kv : log.load(JUDGE).entries()) {
            byAlert.put(StoreKeys.DigestEntryKey.decode(kv.key).alertId(), kv.value);
        }
        return byAlert;
    }

    List<String> keys() {
        List<String> keys = new ArrayList<>();
        try (KeyValueIterator<String, byte[]> it = store.all()) {
            it.forEachRemaining(kv -> keys.add(kv.key));
        }
        return keys;
    }

    @Test
    void shouldWriteAStormBatchAsOneRecordAndReadItBackInKeyOrder() {
        List<DigestFeed> storm = new ArrayList<>();
        for (int i = 500; i > 0; i--) {
            storm.add(fire("(2025)湘0211民初" + i + "号", "WARNING", 10 * DAY));
        }
        log.append(JUDGE, storm);

        assertThat(keys()).containsExactly(JUDGE + "||0000000000000000000");
        DigestEntryLog.Loaded loaded = log.load(JUDGE);
        assertThat(loaded.entries()).hasSize(500);
        assertThat(loaded.items()).isEqualTo(500);
        List<byte[]> order = loaded.entries().stream().map(kv -> kv.key.getBytes(StandardCharsets.UTF_8)).toList();
        for (int i = 1; i < order.size(); i++) {
            assertThat(Arrays.compareUnsigned(order.get(i - 1), order.get(i))).as("RocksDB's order").isNegative();
        }
        assertThat(clocks.get("log-sequence")).isEqualTo("1");
    }

    @Test
    void shouldFoldAsThePerEntryStoreDid() {
        log.append(JUDGE, List.of(resolve(B, "NOTICE", DAY), ack(B, "NOTICE", DAY))); // B holds nothing yet
        log.append(JUDGE, List.of(fire(A, "NOTICE", 2 * DAY), fire(A, "WARNING", 3 * DAY)));
        log.append(JUDGE, List.of(ack(A, "NOTICE", 4 * DAY), ack(A, "NOTICE", 5 * DAY), resolve(A, "NOTICE", 6 * DAY)));
        log.append(JUDGE, List.of(fire(A, "NOTICE", 7 * DAY))); // fires again: the earlier acknowledgement stays

        assertThat(entries()).containsOnly(
                Map.entry(alertId(A, "NOTICE"), entry(A, "NOTICE", 7 * DAY, null, 4 * DAY)),
                Map.entry(alertId(A, "WARNING"), entry(A, "WARNING", 3 * DAY, null, null)));
    }

    @Test
    void shouldForgetAnEntryDroppedWhenItsPeriodsClosed() {
        log.append(JUDGE, List.of(fire(A, "NOTICE", 2 * DAY), fire(B, "NOTICE", 2 * DAY)));
        log.append(JUDGE, List.of(ack(A, "NOTICE", 3 * DAY), resolve(A, "NOTICE", 4 * DAY)));
        DigestEntryLog.Loaded loaded = log.load(JUDGE);
        List<KeyValue<String, DigestEntry>> live = loaded.entries().stream().filter(kv -> kv.value.resolvedAt() == null)
                .toList();
        log.keep(loaded, live, 5 * DAY); // closing dropped A (resolved on day 4, before day 5)
        log.append(JUDGE, List.of(fire(A, "NOTICE", 8 * DAY)));

        // Dropped, A's NOTICE fires afresh: no acknowledgement carried over from before the drop.
        assertThat(entries()).containsOnly(
                Map.entry(alertId(A, "NOTICE"), entry(A, "NOTICE", 8 * DAY, null, null)),
                Map.entry(alertId(B, "NOTICE"), entry(B, "NOTICE", 2 * DAY, null, null)));
        assertThat(keys()).as("the drop is one small record, not a rewrite").hasSize(4);
    }

    @Test
    void shouldReadPerEntryRecordsWrittenBeforeTheLogAndDropThemAtTheRewrite() {
        JsonSerde<DigestEntry> json = new JsonSerde<>(DigestEntry.class);
        String legacy = JUDGE + "|" + A + "|" + alertId(A, "BREACHED");
        store.put(legacy, json.serializer().serialize("t", entry(A, "BREACHED", DAY, null, 2 * DAY)));
        log.append(JUDGE, List.of(resolve(A, "BREACHED", 3 * DAY), fire(B, "NOTICE", 3 * DAY)));

        assertThat(entries()).containsOnly(
                Map.entry(alertId(A, "BREACHED"), entry(A, "BREACHED", DAY, 3 * DAY, 2 * DAY)),
                Map.entry(alertId(B, "NOTICE"), entry(B, "NOTICE", 3 * DAY, null, null)));

        List<DigestFeed> acks = new ArrayList<>();
        for (int i = 0; i < DigestEntryLog.SLACK + 20; i++) {
            acks.add(ack(B, "NOTICE", 4 * DAY + i));
        }
        log.append(JUDGE, acks);
        DigestEntryLog.Loaded loaded = log.load(JUDGE);
        log.keep(loaded, loaded.entries(), null);
        assertThat(keys()).doesNotContain(legacy).hasSize(1);
        assertThat(entries()).containsOnly(
                Map.entry(alertId(A, "BREACHED"), entry(A, "BREACHED", DAY, 3 * DAY, 2 * DAY)),
                Map.entry(alertId(B, "NOTICE"), entry(B, "NOTICE", 3 * DAY, null, 4 * DAY)));
    }

    @Test
    void shouldRewriteAGrownLogToTheSameEntriesInRecordsOfAFewHundredItems() {
        List<DigestFeed> items = new ArrayList<>();
        for (int i = 0; i < 1200; i++) {
            String caseId = "(2025)湘0211民初" + i + "号";
            items.add(fire(caseId, "NOTICE", DAY + i));
            items.add(ack(caseId, "NOTICE", 2 * DAY + i));
            for (int again = 1; again <= 3; again++) { // fired again: the last raising counts, the ack stays
                items.add(fire(caseId, "NOTICE", DAY + again * 1000 + i));
            }
            if (i % 3 == 0) {
                items.add(resolve(caseId, "NOTICE", 3 * DAY + i));
            }
        }
        for (int from = 0; from < items.size(); from += 7) {
            log.append(JUDGE, items.subList(from, Math.min(items.size(), from + 7)));
        }
        DigestEntryLog.Loaded before = log.load(JUDGE);
        assertThat(before.keys()).hasSize((items.size() + 6) / 7);

        log.keep(before, before.entries(), null);

        DigestEntryLog.Loaded after = log.load(JUDGE);
        assertThat(after.entries()).isEqualTo(before.entries());
        assertThat(after.keys()).hasSize(6); // 1200 entries as 2800 items (of 6400), 500 to a record
        DigestEntryLog.Loaded again = log.load(JUDGE);
        log.keep(again, again.entries(), null);
        assertThat(log.load(JUDGE).keys()).as("a log of live entries only is not rewritten").isEqualTo(after.keys());
    }

    /**
     * A division's name is free text, so a division chief's recipient may hold the separator: one recipient's prefix
     * scan then also meets the records of another whose name goes on past it, and a rewrite must not take the alert
     * id from the wrong part of the key.
     */
    @Test
    void shouldKeepRecipientsApartWhenADivisionNameHoldsTheSeparator() {
        String chief = "division-chief:湘0211/民一";
        String other = chief + "|庭";
        JsonSerde<DigestEntry> json = new JsonSerde<>(DigestEntry.class);
        store.put(other + "|" + B + "|" + alertId(B, "WARNING"),
                json.serializer().serialize("t", entry(B, "WARNING", DAY, null, null)));
        log.append(other, List.of(fire(A, "CRITICAL", DAY)));
        log.append(chief, List.of(fire(A, "NOTICE", DAY)));

        assertThat(log.load(chief).entries()).extracting(kv -> kv.key)
                .containsExactly(chief + "|" + A + "|" + alertId(A, "NOTICE"));
        List<DigestFeed> stale = new ArrayList<>();
        for (int i = 0; i < DigestEntryLog.SLACK + 10; i++) {
            stale.add(ack(A, "CRITICAL", 2 * DAY + i));
        }
        log.append(other, stale);
        DigestEntryLog.Loaded loaded = log.load(other);
        assertThat(loaded.entries()).hasSize(2);
        log.keep(loaded, loaded.entries(), null); // rewritten
        log.append(other, List.of(resolve(A, "CRITICAL", 5 * DAY)));

        Map<String, DigestEntry> after = new HashMap<>();
        log.load(other).entries().forEach(kv -> after.put(kv.key, kv.value));
        assertThat(after).containsOnly(
                Map.entry(other + "|" + A + "|" + alertId(A, "CRITICAL"), entry(A, "CRITICAL", DAY, 5 * DAY, 2 * DAY)),
                Map.entry(other + "|" + B + "|" + alertId(B, "WARNING"), entry(B, "WARNING", DAY, null, null)));
        assertThat(log.load(chief).entries()).hasSize(1);
    }

    @Test
    void shouldRebuildEveryKindOfEntryFromItsItems() {
        for (DigestEntry e : List.of(entry(A, "NOTICE", DAY, null, null), entry(A, "NOTICE", DAY, 2 * DAY, null),
                entry(A, "NOTICE", DAY, null, 3 * DAY), entry(A, "NOTICE", DAY, 2 * DAY, 3 * DAY),
                entry(A, "NOTICE", 5 * DAY, 6 * DAY, 3 * DAY))) {
            List<DigestFeed> items = new ArrayList<>();
            DigestEntryLog.rebuild(JUDGE, alertId(A, "NOTICE"), e, items);
            Map<String, DigestEntry> folded = new HashMap<>();
            items.forEach(item -> DigestEntryLog.apply(folded, JUDGE, item));
            assertThat(folded.values()).containsExactly(e);
        }
    }

    @Test
    void shouldOrderKeysAsTheirUtf8Bytes() {
        Random random = new Random(8);
        int[] alphabet = {'(', ')', '|', '0', '9', 'A', 'z', '湘', '民', 0xE000, 0xFFFD, 0x1F600, 0x20000};
        for (int n = 0; n < 5000; n++) {
            String a = word(random, alphabet);
            String b = word(random, alphabet);
            int bytes = Integer.signum(Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8),
                    b.getBytes(StandardCharsets.UTF_8)));
            assertThat(Integer.signum(DigestEntryLog.Utf8Order.compare(a, b))).as("%s vs %s", a, b).isEqualTo(bytes);
        }
    }

    private static String word(Random random, int[] alphabet) {
        StringBuilder s = new StringBuilder();
        int length = random.nextInt(5);
        for (int i = 0; i < length; i++) {
            s.appendCodePoint(alphabet[random.nextInt(alphabet.length)]);
        }
        return s.toString();
    }
}
