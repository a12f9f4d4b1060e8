package org.caseflow.streams.topology;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.state.KeyValueStore;
import org.caseflow.streams.domain.courts.CourtId;
import org.caseflow.events.AlertStatus;
import org.caseflow.events.Digest;
import org.caseflow.streams.domain.digest.DigestCalculator;
import org.caseflow.streams.domain.digest.DigestEntry;
import org.caseflow.streams.domain.digest.DigestKind;
import org.caseflow.streams.domain.digest.DigestPeriod;
import org.caseflow.streams.topology.StoreKeys.DigestEntryKey;
import org.caseflow.streams.topology.StoreKeys.DigestKey;

/**
 * Keeps each recipient's alert entries (read from {@link TopicNames#digestFeed()}, keyed by recipient; kept as a log of
 * the feed's batches, {@link DigestEntryLog}, and folded when a period closes) and closes
 * their digest periods: a role reference's day, a court's ISO week and month (DESIGN.md section 9). A period closes at
 * the local midnight that ends it, once the clock has passed it: on event time the lowest event clock of the case tasks
 * that sent one ({@link DigestClock}: everything due before it has been forwarded), on the wall clock the wall clock
 * less {@link #WALL_CLOCK_GRACE} (alerts still on their way through the feed topic). Entries carry their own times, so a
 * digest is the entries' state at the period's end whenever the closing runs: deterministic from the input events.
 *
 * <p>Closing is bounded work like the case processor's timers ({@link CaseProcessor.Step}: {@code tickMaxTimers} entries
 * read and {@link WorkBudgets#tick} per step): a pass over the recipients stops when the step is used up and
 * carries on at the next punctuation or record from where it stands ("pass" in {@link StoreNames#DIGEST_CLOCKS}).
 */
final class DigestProcessor implements Processor<String, DigestFeed, String, Digest> {
    /** On the wall clock, how long after a midnight its period closes: alerts raised before it may still be in flight. */
    static final Duration WALL_CLOCK_GRACE = Duration.ofMinutes(1);
    /**
     * Days a role's day digest is kept (in {@link StoreNames#DIGESTS} and on the compacted topic, by a tombstone once
     * older): a year and a month back, so a day digest a year ago is still there; weeks and months are kept.
     */
    static final int DAY_DIGESTS_KEPT = 400;
    private static final String PASS = "pass";
    private static final String SOURCE = "source|";
    /** Recipients read from the store at a time (the iterator is closed before any of them is written). */
    private static final int RECIPIENT_BATCH = 100;

    private final TopologySettings settings;
    private final Function<CourtId, ZoneId> zones;
    private final int top;
    private final int sources;
    private final MeterRegistry registry;
    private final Counter late;
    private ProcessorContext<String, Digest> context;
    private DigestEntryLog entries;
    private KeyValueStore<String, DigestRecipient> recipients;
    private KeyValueStore<String, String> clocks;
    private KeyValueStore<String, Digest> digests;
    private final Map<Integer, Long> sourceClocks = new HashMap<>();
    /** Pass in progress: the last recipient done ("" at the start), or null when none runs. */
    private String cursor;
    private long passAt;
    private long lastPassAt = Long.MIN_VALUE;

    DigestProcessor(TopologySettings settings, DigestSettings digests, Function<CourtId, ZoneId> zones,
            MeterRegistry registry) {
        this.settings = settings;
        this.zones = zones;
        this.top = digests.top();
        this.sources = digests.sources();
        this.registry = registry;
        for (DigestKind kind : DigestKind.values()) {
            produced(kind.code()); // every series at 0 from start-up, like the other counters
        }
        this.late = Counter.builder("caseflow.digest.late.alerts").description(
                "Alerts that reached the digest processor after a period they belong to had closed (counted in the next)")
                .register(registry);
    }

    @Override
    public void init(ProcessorContext<String, Digest> context) {
        this.context = context;
        recipients = context.getStateStore(StoreNames.DIGEST_RECIPIENTS);
        clocks = context.getStateStore(StoreNames.DIGEST_CLOCKS);
        entries = new DigestEntryLog(context.getStateStore(StoreNames.DIGEST_ENTRIES), clocks);
        digests = context.getStateStore(StoreNames.DIGESTS);
        try (KeyValueIterator<String, String> it = clocks.prefixScan(SOURCE, new StringSerializer())) {
            while (it.hasNext()) {
                KeyValue<String, String> kv = it.next();
                sourceClocks.put(Integer.parseInt(kv.key.substring(SOURCE.length())), Long.parseLong(kv.value));
            }
        }
        String pass = clocks.get(PASS);
        if (pass != null) {
            String[] parts = pass.split("\t", -1);
            lastPassAt = Long.parseLong(parts[0]);
            passAt = Long.parseLong(parts[1]);
            cursor = parts[2].equals("-") ? null : parts[2].substring(1);
        }
        context.schedule(settings.tickInterval(), PunctuationType.WALL_CLOCK_TIME, ts ->
                close(settings.clockMode() == ClockMode.WALL_CLOCK ? ts - WALL_CLOCK_GRACE.toMillis() : watermark()));
    }

    @Override
    public void process(Record<String, DigestFeed> record) {
        DigestFeed feed = record.value();
        if (feed == null) {
            return;
        }
        switch (feed.type()) {
            case DigestFeed.CLOCK -> {
                if (settings.clockMode() == ClockMode.EVENT_TIME) {
                    Long before = sourceClocks.get(feed.source());
                    if (before == null || feed.at() > before) {
                        sourceClocks.put(feed.source(), feed.at());
                        clocks.put(SOURCE + feed.source(), Long.toString(feed.at()));
                    }
                    close(watermark());
                }
            }
            case DigestFeed.BATCH -> items(feed.recipient(), feed.items());
            case DigestFeed.ALERT, DigestFeed.ACK -> items(feed.recipient(), List.of(feed));
            default -> throw new IllegalArgumentException("digest feed record of unknown type " + feed.type());
        }
    }

    /**
     * A recipient's alerts and acknowledgements in order: its record is read and written once for them all, and its
     * entry log gets them as one record ({@link DigestEntryLog}).
     */
    private void items(String name, List<DigestFeed> items) {
        DigestRecipient before = recipients.get(name);
        DigestRecipient recipient = before;
        List<DigestFeed> logged = new ArrayList<>(items.size());
        for (DigestFeed item : items) {
            if (!DigestFeed.ALERT.equals(item.type()) && !DigestFeed.ACK.equals(item.type())) {
                throw new IllegalArgumentException("digest feed item of unknown type " + item.type());
            }
            if (DigestFeed.ALERT.equals(item.type()) && AlertStatus.FIRING.name().equals(item.status())) {
                recipient = fired(item, recipient);
                logged.add(item);
            } else if (recipient != null) {
                logged.add(item); // a resolution or acknowledgement of an entry the recipient may hold
            }
            // else: a recipient with no record holds no entries (it is forgotten only once it has none), so a
            // resolution or acknowledgement changes none of its digests
        }
        entries.append(name, logged);
        if (recipient != before) {
            recipients.put(name, recipient);
        }
    }

    /** The recipient's record after an alert fired to it (its entry is the log's). */
    private DigestRecipient fired(DigestFeed feed, DigestRecipient recipient) {
        DigestRecipient after = recipient;
        ZoneId zone = recipient == null ? zones.apply(CourtId.ofUnchecked(feed.court())) : ZoneId.of(recipient.zone());
        LocalDate day = LocalDate.ofInstant(Instant.ofEpochMilli(feed.at()), zone);
        if (recipient == null || (!recipient.closed() && day.isBefore(recipient.nextDay()))) {
            // Its digests start on the day of its earliest alert, whichever case task's alert came first.
            after = new DigestRecipient(feed.court(), zone.getId(), day, Map.of(), false);
        } else if (day.isBefore(recipient.nextDay())) {
            late.increment();
        }
        return after;
    }

    /** The lowest event clock of the case tasks (event time); none until every one of them has sent its clock. */
    private long watermark() {
        if (sourceClocks.size() < sources) {
            return Long.MIN_VALUE;
        }
        return sourceClocks.values().stream().mapToLong(Long::longValue).min().orElse(Long.MIN_VALUE);
    }

    /** Closes every period ended by {@code until}, within one bounded step. */
    private void close(long until) {
        CaseProcessor.Step step = new CaseProcessor.Step(settings.tickMaxTimers(),
                settings.tickMaxTimers() == Integer.MAX_VALUE ? null : settings.budgets().tick());
        while (true) {
            if (cursor == null) {
                if (until <= lastPassAt) {
                    return;
                }
                cursor = "";
                passAt = until;
            }
            List<KeyValue<String, DigestRecipient>> batch = new ArrayList<>();
            try (KeyValueIterator<String, DigestRecipient> it = cursor.isEmpty() ? recipients.all()
                    : recipients.range(cursor + "\u0000", null)) {
                while (it.hasNext() && batch.size() < RECIPIENT_BATCH) {
                    batch.add(it.next());
                }
            }
            for (KeyValue<String, DigestRecipient> kv : batch) {
                boolean finished = closeRecipient(kv.key, kv.value, passAt, step);
                if (!finished) {
                    savePass();
                    return;
                }
                cursor = kv.key;
            }
            if (batch.size() < RECIPIENT_BATCH) {
                lastPassAt = passAt;
                cursor = null;
                savePass();
            }
        }
    }

    private void savePass() {
        clocks.put(PASS, lastPassAt + "\t" + passAt + "\t" + (cursor == null ? "-" : "=" + cursor));
    }

    /**
     * Closes the recipient's days up to {@code until}; false when the step ran out first (the rest waits). After each
     * day, a recipient with nothing raised before its end and nothing said last time is forgotten, or started afresh
     * at its next alert: what the digests say then does not depend on how far other case tasks had run ahead.
     */
    private boolean closeRecipient(String name, DigestRecipient recipient, long until, CaseProcessor.Step step) {
        ZoneId zone = ZoneId.of(recipient.zone());
        boolean court = name.startsWith(DigestRoute.COURT_PREFIX);
        DigestRecipient state = recipient;
        DigestEntryLog.Loaded loaded = null; // read when a day closes: most passes close none of a recipient's
        List<KeyValue<String, DigestEntry>> list = List.of();
        Long prunedBefore = null;
        boolean budget = true;
        while (budget && !state.nextDay().plusDays(1).atStartOfDay(zone).toInstant().isAfter(Instant.ofEpochMilli(until))) {
            if (loaded == null) {
                loaded = entries.load(name);
                list = loaded.entries();
            }
            LocalDate day = state.nextDay();
            long end = day.plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli();
            List<DigestKind> kinds = kindsEnding(day, court);
            Map<String, DigestCalculator.Previous> previous = new HashMap<>(state.previous());
            if (!kinds.isEmpty()) {
                for (int i = 0; i < list.size() && budget; i++) {
                    budget = step.take();
                }
                List<DigestEntry> values = list.stream().map(kv -> kv.value).toList();
                for (DigestKind kind : kinds) {
                    DigestPeriod period = kind.periodOf(day);
                    DigestCalculator.Previous before = previous.get(kind.code());
                    DigestCalculator.Result result = DigestCalculator.compute(name, state.court(), period, zone, values,
                            before, top);
                    if (!result.tally().isEmpty() || (before != null && !before.tally().isEmpty())) {
                        emit(result.digest(), period.end(zone));
                        previous.put(kind.code(), new DigestCalculator.Previous(period.label(), result.tally()));
                    }
                    if (kind == DigestKind.DAY) {
                        expire(key(name, kind.code(), day.minusDays(DAY_DIGESTS_KEPT).toString()), end);
                    }
                }
                long horizon = oldestOpenStart(day.plusDays(1), court, zone);
                List<KeyValue<String, DigestEntry>> kept = prune(list, horizon);
                if (kept.size() < list.size()) {
                    prunedBefore = horizon; // horizons only grow: the last one drops all the earlier ones did
                }
                list = kept;
            } else {
                budget = step.take();
            }
            state = state.next(day.plusDays(1), previous);
            if (state.quiet() && list.stream().noneMatch(kv -> kv.value.raisedAt() < end)) {
                KeyValue<String, DigestEntry> first = list.stream().min(java.util.Comparator.comparingLong(
                        (KeyValue<String, DigestEntry> kv) -> kv.value.raisedAt()).thenComparing(kv -> kv.key)).orElse(null);
                if (first == null) {
                    BlindDelete.from(recipients, name);
                    entries.forget(loaded);
                    return budget;
                }
                state = new DigestRecipient(first.value.court(), zone.getId(),
                        LocalDate.ofInstant(Instant.ofEpochMilli(first.value.raisedAt()), zone), Map.of(), false);
            }
        }
        if (loaded != null) {
            entries.keep(loaded, list, prunedBefore);
        }
        if (!state.equals(recipient)) {
            recipients.put(name, state);
        }
        return budget;
    }

    /** The kinds whose period ends with {@code day}: a recipient's day; a court's week (Sunday) and month. */
    static List<DigestKind> kindsEnding(LocalDate day, boolean court) {
        if (!court) {
            return List.of(DigestKind.DAY);
        }
        List<DigestKind> kinds = new ArrayList<>();
        for (DigestKind kind : List.of(DigestKind.WEEK, DigestKind.MONTH)) {
            if (kind.periodOf(day).lastDay().equals(day)) {
                kinds.add(kind);
            }
        }
        return kinds;
    }

    /** The start of the earliest period still open on {@code day}: resolved entries older than it count nowhere. */
    private static long oldestOpenStart(LocalDate day, boolean court, ZoneId zone) {
        LocalDate first = court ? min(DigestKind.WEEK.periodOf(day).firstDay(), DigestKind.MONTH.periodOf(day).firstDay())
                : day;
        return first.atStartOfDay(zone).toInstant().toEpochMilli();
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    /** The entries still counted: those resolved before {@code before} count in no open period. */
    private static List<KeyValue<String, DigestEntry>> prune(List<KeyValue<String, DigestEntry>> list, long before) {
        List<KeyValue<String, DigestEntry>> kept = new ArrayList<>(list.size());
        for (KeyValue<String, DigestEntry> kv : list) {
            if (kv.value.resolvedAt() == null || kv.value.resolvedAt() >= before) {
                kept.add(kv);
            }
        }
        return kept;
    }

    private void emit(Digest digest, Instant closedAt) {
        String key = key(digest.getRecipient(), digest.getKind(), digest.getPeriod());
        digests.put(key, digest);
        context.forward(new Record<>(key, digest, closedAt.toEpochMilli()));
        produced(digest.getKind()).increment();
    }

    /** Deletes an old day digest from the store and the compacted topic (tombstone), if there is one. */
    private void expire(String key, long at) {
        if (digests.get(key) != null) {
            BlindDelete.from(digests, key);
            context.forward(new Record<String, Digest>(key, null, at));
        }
    }

    private Counter produced(String kind) {
        return Counter.builder("caseflow.digests.produced").description("Digests produced, by kind (day, week, month)")
                .tag("kind", kind).register(registry);
    }

    static String key(String recipient, String kind, String period) {
        return new DigestKey(recipient, kind, period).encode();
    }

    static String entryKey(String recipient, String caseId, String alertId) {
        return new DigestEntryKey(recipient, caseId, alertId).encode();
    }

}
