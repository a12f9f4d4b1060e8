package org.caseflow.streams.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.caseflow.streams.domain.alerts.ThresholdDays;
import org.caseflow.streams.domain.rules.LeadTimes;
import org.caseflow.streams.topology.StoreKeys.DeadlineKey;
import org.junit.jupiter.api.Test;

/**
 * The deadline-index scan in batches, as a storm drains in bounded steps: resumed after the last key handled it finds
 * exactly the crossings of one unbounded scan, in the same order. Thresholds as DOMAIN.md: NOTICE, WARNING, CRITICAL at
 * 15, 7 and 3 days left, BREACHED the day after the deadline, an OVERDUE reminder every 7 days after that
 * ({@link ThresholdDays}).
 */
class ThresholdScanTest {
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final String COURT = "湘0211";
    static final String OTHER_COURT = "湘0212";

    /** The index, sorted as RocksDB sorts it (a String's order is its UTF-8 bytes' order for these keys). */
    final NavigableMap<String, String> index = new TreeMap<>();

    void open(String court, LocalDate deadline, String caseId) {
        index.put(new DeadlineKey(court, deadline, caseId).encode(), ThresholdScan.value(LeadTimes.DEFAULT));
    }

    ThresholdScan scan() {
        MapStore store = new MapStore(index);
        return new ThresholdScan(store, IndexedCourts.of(store), court -> ZONE, Set.of(LeadTimes.DEFAULT), Set.of(ZONE),
                new ThresholdDays(7));
    }

    @Test
    void shouldFindTheSameCrossingsInBatchesAsInOneScan() {
        LocalDate night = LocalDate.of(2025, 5, 19);
        for (int i = 0; i < 40; i++) {
            open(COURT, night.plusDays(15), "n" + i); // NOTICE tonight
            open(COURT, night.plusDays(7), "w" + i); // WARNING tonight
            open(COURT, night.minusDays(8), "o" + i); // breached 2025-05-12: OVERDUE reminder tonight
            open(COURT, night.plusDays(40), "q" + i); // nothing tonight
            open(OTHER_COURT, night.plusDays(3), "c" + i); // CRITICAL tonight, in the next court
        }
        Instant from = night.minusDays(1).atStartOfDay(ZONE).toInstant().plusSeconds(1);
        Instant to = night.atStartOfDay(ZONE).toInstant().plusSeconds(1);

        List<ThresholdScan.Crossing> whole = scan().next(from, to, null, Integer.MAX_VALUE).crossings();
        List<ThresholdScan.Crossing> batched = new ArrayList<>();
        String after = null;
        ThresholdScan.Batch batch;
        do {
            batch = scan().next(from, to, after, 7);
            batched.addAll(batch.crossings());
            if (!batch.crossings().isEmpty()) {
                after = batch.crossings().get(batch.crossings().size() - 1).key();
            }
        } while (!batch.done());

        assertThat(whole).hasSize(160);
        assertThat(whole).extracting(ThresholdScan.Crossing::caseId).noneMatch(id -> id.startsWith("q"));
        assertThat(batched).containsExactlyElementsOf(whole);
    }

    /**
     * The scan goes from court to court in the index's own order (the task keeps the courts, {@link IndexedCourts}),
     * also where one court's code begins another's: {@code 湘02|} sorts after {@code 湘0211|} in the index, since
     * {@code 1} sorts before {@code |}. Resumed a crossing at a time it finds each crossing once, in key order.
     */
    @Test
    void shouldVisitCourtsInTheIndexOrderWhenOneCourtCodeBeginsAnother() {
        LocalDate night = LocalDate.of(2025, 5, 19);
        for (String court : List.of("湘02", "湘0211", "湘03", "湘021")) {
            open(court, night.plusDays(15), "n-" + court); // NOTICE tonight (15 days left)
            open(court, night.plusDays(40), "q-" + court); // nothing tonight
        }
        Instant from = night.minusDays(1).atStartOfDay(ZONE).toInstant().plusSeconds(1);
        Instant to = night.atStartOfDay(ZONE).toInstant().plusSeconds(1);
        ThresholdScan scan = scan();

        List<String> batched = new ArrayList<>();
        String after = null;
        ThresholdScan.Batch batch;
        do {
            batch = scan.next(from, to, after, 1);
            batch.crossings().forEach(c -> batched.add(c.key()));
            if (!batch.crossings().isEmpty()) {
                after = batch.crossings().get(batch.crossings().size() - 1).key();
            }
        } while (!batch.done());

        List<String> noticesInIndexOrder = index.keySet().stream().filter(k -> k.contains("|n-")).toList();
        assertThat(noticesInIndexOrder).hasSize(4);
        assertThat(batched).containsExactlyElementsOf(noticesInIndexOrder);
        assertThat(noticesInIndexOrder.get(0)).startsWith("湘0211|"); // the index's order, not the codes' own
    }

    /** A court the task indexes after its scan was built is scanned once the task has told the scan's courts of it. */
    @Test
    void shouldScanACourtIndexedAfterTheScanWasBuilt() {
        LocalDate night = LocalDate.of(2025, 5, 19);
        open(COURT, night.plusDays(15), "n1"); // NOTICE tonight
        IndexedCourts courts = IndexedCourts.of(new MapStore(index));
        ThresholdScan scan = new ThresholdScan(new MapStore(index), courts, court -> ZONE, Set.of(LeadTimes.DEFAULT),
                Set.of(ZONE), new ThresholdDays(7));
        open(OTHER_COURT, night.plusDays(7), "w1"); // WARNING tonight (7 days left), in a court new to the task
        courts.add(OTHER_COURT);
        Instant from = night.minusDays(1).atStartOfDay(ZONE).toInstant().plusSeconds(1);
        Instant to = night.atStartOfDay(ZONE).toInstant().plusSeconds(1);

        assertThat(scan.next(from, to, null, Integer.MAX_VALUE).crossings())
                .extracting(ThresholdScan.Crossing::caseId).containsExactly("n1", "w1");
        assertThat(courts.size()).isEqualTo(2);
    }

    /** A read-only store over a sorted map: {@code range} with both bounds inclusive, null for no bound. */
    record MapStore(NavigableMap<String, String> map) implements ReadOnlyKeyValueStore<String, String> {
        @Override
        public String get(String key) {
            return map.get(key);
        }

        @Override
        public KeyValueIterator<String, String> range(String from, String to) {
            NavigableMap<String, String> view = map;
            if (from != null) {
                view = view.tailMap(from, true);
            }
            if (to != null) {
                view = view.headMap(to, true);
            }
            return iterator(view.entrySet().iterator());
        }

        @Override
        public KeyValueIterator<String, String> all() {
            return iterator(map.entrySet().iterator());
        }

        @Override
        public long approximateNumEntries() {
            return map.size();
        }

        private static KeyValueIterator<String, String> iterator(Iterator<Map.Entry<String, String>> entries) {
            return new KeyValueIterator<>() {
                private Map.Entry<String, String> peeked;

                @Override
                public boolean hasNext() {
                    return peeked != null || entries.hasNext();
                }

                @Override
                public KeyValue<String, String> next() {
                    Map.Entry<String, String> e = peeked != null ? peeked : entries.next();
                    peeked = null;
                    return KeyValue.pair(e.getKey(), e.getValue());
                }

                @Override
                public String peekNextKey() {
                    if (peeked == null) {
                        peeked = entries.next();
                    }
                    return peeked.getKey();
                }

                @Override
                public void close() {
                }
            };
        }
    }
}
