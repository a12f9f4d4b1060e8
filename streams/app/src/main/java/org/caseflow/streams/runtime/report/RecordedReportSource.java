package org.caseflow.streams.runtime.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.caseflow.streams.domain.courts.CourtId;
import org.caseflow.events.CaseSnapshot;
import org.caseflow.events.CaseStatus;
import org.caseflow.events.IndicatorValue;
import org.caseflow.streams.domain.indicators.ScopeKey;
import org.caseflow.streams.runtime.dlq.TopicScan;
import org.caseflow.streams.runtime.jsonl.OutputJson;
import org.caseflow.streams.runtime.replay.Replayer;
import org.caseflow.streams.topology.TopicNames;
import org.caseflow.streams.topology.Topics;

/**
 * A report's numbers from what the indicator topology recorded: either a replay of the production topology
 * ({@code caseflow report --events F}: the values {@link Replayer#indicators} reads from its ledgers at the as-of
 * instant, the open cases of its case store, its lineage top) or the output topics of a running deployment
 * ({@code --from-topics}: the compacted indicators and case-snapshot topics; the lineage top is not on a topic).
 * Each value also says whether its scope had any data a year before ({@code yearEarlierData}), as the API does, so a
 * year-earlier 0 that only means "no data" is left blank.
 */
public final class RecordedReportSource implements ReportSource {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> ACTIVITY = Set.of("FILINGS", "CLOSURES", "PENDING");

    private final Map<String, List<JsonNode>> byCourtWindowPeriod = new HashMap<>();
    private final List<CaseSnapshot> cases;
    private final LocalDate today;
    private final Function<String, List<Lineage>> lineage;

    private RecordedReportSource(List<IndicatorValue> values, List<CaseSnapshot> cases, LocalDate today,
            Function<String, List<Lineage>> lineage) {
        this.cases = cases;
        this.today = today;
        this.lineage = lineage;
        Map<String, YearMonth> firstActive = new HashMap<>();
        for (IndicatorValue v : values) {
            if ("MONTH".equals(v.getWindow()) && ACTIVITY.contains(v.getIndicator()) && v.getValue() != null
                    && v.getValue() != 0) {
                firstActive.merge(scope(v), YearMonth.parse(v.getPeriod()), (a, b) -> a.isBefore(b) ? a : b);
            }
        }
        for (IndicatorValue v : values) {
            ObjectNode node = (ObjectNode) parse(OutputJson.toJson(v));
            YearMonth first = firstActive.get(scope(v));
            YearMonth end = "YEAR_TO_DATE".equals(v.getWindow()) ? null : YearMonth.parse(v.getPeriod());
            node.put("yearEarlierData", first != null && end != null && !first.isAfter(end.minusMonths(12)));
            byCourtWindowPeriod.computeIfAbsent(v.getScope() + "|" + v.getWindow() + "|" + v.getPeriod(),
                    k -> new ArrayList<>()).add(node);
        }
    }

    /** From a replay that has run up to {@code asOf}. */
    public static RecordedReportSource fromReplay(Replayer replayer, Instant asOf, ZoneId zone) {
        return new RecordedReportSource(replayer.indicators(asOf), replayer.cases(asOf), LocalDate.ofInstant(asOf, zone),
                court -> replayer.lineageTop(new ScopeKey(CourtId.ofUnchecked(court), true, ScopeKey.ALL).encode()).stream()
                        .map(e -> new Lineage(e.rootId(), e.caseNumbers())).toList());
    }

    /**
     * From the compacted output topics of a deployment: the latest value of every indicator key and every case's
     * latest snapshot (read_committed, beginning to end, no consumer group). Days remaining count from {@code today}.
     */
    public static RecordedReportSource fromTopics(Map<String, Object> client, TopicNames names, LocalDate today) {
        Topics topics = new Topics(names);
        Map<String, IndicatorValue> values = new LinkedHashMap<>();
        var indicators = topics.indicators().valueDeserializer();
        TopicScan.readAll(client, partitions(client, topics.indicators().name()), r -> {
            String key = new String(r.key(), StandardCharsets.UTF_8);
            if (r.value() == null) {
                values.remove(key);
            } else {
                values.put(key, indicators.deserialize(r.topic(), r.value()));
            }
        });
        Map<String, CaseSnapshot> cases = new LinkedHashMap<>();
        var snapshots = topics.caseSnapshots().valueDeserializer();
        TopicScan.readAll(client, partitions(client, topics.caseSnapshots().name()), r -> {
            String key = new String(r.key(), StandardCharsets.UTF_8);
            if (r.value() == null) {
                cases.remove(key);
            } else {
                cases.put(key, snapshots.deserialize(r.topic(), r.value()));
            }
        });
        return new RecordedReportSource(List.copyOf(values.values()), List.copyOf(cases.values()), today, court -> List.of());
    }

    private static List<TopicPartition> partitions(Map<String, Object> client, String topic) {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(new HashMap<>(client), new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            return consumer.partitionsFor(topic).stream().map(p -> new TopicPartition(topic, p.partition())).toList();
        }
    }

    private static String scope(IndicatorValue v) {
        return v.getScope() + "|" + v.getIncludesSubordinates() + "|" + v.getCategory();
    }

    @Override
    public List<JsonNode> indicators(String court, String window, YearMonth period) {
        String periodText = "YEAR_TO_DATE".equals(window) ? Integer.toString(period.getYear()) : period.toString();
        return byCourtWindowPeriod.getOrDefault(court + "|" + window + "|" + periodText, List.of());
    }

    @Override
    public List<OpenCase> openCases(List<String> courts) {
        Set<String> wanted = new HashSet<>(courts);
        List<OpenCase> out = new ArrayList<>();
        for (CaseSnapshot c : cases) {
            if (c.getStatus() == CaseStatus.OPEN && c.getDeadline() != null && wanted.contains(c.getCourt())) {
                out.add(new OpenCase(c.getCaseId(), c.getCourt(), c.getProcedure().name(), c.getFiledOn(), c.getDeadline(),
                        (int) (c.getDeadline().toEpochDay() - today.toEpochDay())));
            }
        }
        return out;
    }

    @Override
    public List<Lineage> lineage(String court) {
        return lineage.apply(court);
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
