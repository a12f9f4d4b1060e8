package org.caseflow.streams.topology;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.caseflow.events.IndicatorValue;
import org.caseflow.streams.domain.cases.Disposition;
import org.caseflow.streams.domain.indicators.CaseFact;
import org.caseflow.streams.domain.indicators.FactKind;
import org.caseflow.streams.domain.indicators.SignedFact;
import org.caseflow.streams.domain.rules.Category;
import org.caseflow.streams.domain.rules.Instance;
import org.caseflow.streams.domain.seeds.Seeds;

/** The whole Caseflow topology on TopologyTestDriver, fed SignedFacts straight into caseflow.case-facts. */
final class IndicatorDriver implements AutoCloseable {
    static final Seeds SEEDS = TopologyFixture.SEEDS;
    static final String ROOT = "湘";

    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final TopologyFixture fixture;
    final TopologyTestDriver driver;
    private final TestInputTopic<String, SignedFact> facts;
    private final TestInputTopic<String, byte[]> rawFacts;
    private final TestOutputTopic<String, IndicatorValue> indicators;
    private final TestOutputTopic<String, byte[]> deadLetters;
    /** Every emitted record, in order. */
    final List<TestRecord<String, IndicatorValue>> emitted = new ArrayList<>();

    IndicatorDriver(TopologySettings settings, Path stateDir, Instant wallClock) {
        TopicNames topics = settings.topics();
        fixture = TopologyFixture.of(CaseflowTopology.build(settings, SEEDS, registry)).applicationId("indicator-test")
                .stateDir(stateDir).topics(topics).start(wallClock);
        driver = fixture.driver();
        facts = driver.createInputTopic(topics.caseFacts(), new StringSerializer(), new SignedFactSerde().serializer());
        rawFacts = fixture.raw(topics.caseFacts());
        indicators = fixture.indicators();
        deadLetters = fixture.deadLetters();
    }

    IndicatorDriver(Path stateDir, Instant wallClock) {
        this(TopologyFixture.liveSettings(), stateDir, wallClock);
    }

    void pipe(CaseFact fact, int sign) {
        facts.pipeInput(ROOT, new SignedFact(fact, sign));
    }

    void pipe(CaseFact fact) {
        pipe(fact, 1);
    }

    /** With an explicit record timestamp: the event time of the case event behind the fact (EVENT_TIME tests). */
    void pipe(CaseFact fact, Instant recordTime) {
        facts.pipeInput(ROOT, new SignedFact(fact, 1), recordTime);
    }

    void pipeRaw(String json) {
        rawFacts.pipeInput(ROOT, json.getBytes(StandardCharsets.UTF_8));
    }

    static String json(CaseFact fact) {
        return new String(new SignedFactSerde().serializer().serialize("t", new SignedFact(fact, 1)),
                StandardCharsets.UTF_8);
    }

    /**
     * Advances the wall clock (fires the throttle flush every 5 s) and collects what was emitted. In steps of at most
     * the fact batch interval, as real time passes: TopologyTestDriver fires every due punctuator of one step before
     * it delivers what they sent, so one big step would flush the indicators before the batched deltas arrive.
     */
    List<TestRecord<String, IndicatorValue>> advance(Duration d) {
        Duration left = d;
        while (!left.isZero() && !left.isNegative()) {
            Duration step = left.compareTo(TopologySettings.FACT_BATCH_INTERVAL) < 0 ? left
                    : TopologySettings.FACT_BATCH_INTERVAL;
            driver.advanceWallClockTime(step);
            left = left.minus(step);
        }
        return drain();
    }

    List<TestRecord<String, IndicatorValue>> drain() {
        List<TestRecord<String, IndicatorValue>> out = indicators.readRecordsToList();
        emitted.addAll(out);
        return out;
    }

    List<TestRecord<String, byte[]>> deadLetters() {
        return deadLetters.readRecordsToList();
    }

    /** Latest emitted value per output key. */
    Map<String, IndicatorValue> latest() {
        drain();
        Map<String, IndicatorValue> out = new LinkedHashMap<>();
        emitted.forEach(r -> out.put(r.key(), r.value()));
        return out;
    }

    IndicatorValue latest(String scope, boolean tree, String category, String indicator, String window,
                          String period) {
        return latest().get(scope + "|" + tree + "|" + category + "|" + indicator + "|" + window + "|" + period);
    }

    static CaseFact filed(String id, String court, String category, String instance, String on, boolean originating) {
        LocalDate d = LocalDate.parse(on);
        return new CaseFact(FactKind.FILED, id, court, Category.valueOf(category), Instance.valueOf(instance), d, d, null, null,
                null, null, null,
                originating);
    }

    static CaseFact closed(String id, String court, String filedOn, String on, Boolean onTime, int days) {
        return new CaseFact(FactKind.CLOSED, id, court, Category.CIVIL, Instance.FIRST, LocalDate.parse(on),
                LocalDate.parse(filedOn), Disposition.JUDGMENT, onTime, days, null, null, false);
    }

    static CaseFact appealed(String originId, String originCourt, String on) {
        return CaseFact.simple(FactKind.APPEALED, originId, originCourt, Category.CIVIL, Instance.FIRST, LocalDate.parse(on), false);
    }

    @Override
    public void close() {
        fixture.close();
    }
}
