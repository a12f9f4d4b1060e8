package org.caseflow.streams.runtime.http;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.caseflow.streams.topology.StoreNames;

/**
 * Interactive queries across instances: a case is answered by the instance that owns its key
 * (Kafka Streams metadata for {@link StoreNames#CASES}); list queries ask every instance and merge.
 * Requests marked forwarded are answered from local stores only, so a request is forwarded at most once.
 */
final class QueryRouter {
    private static final TypeReference<List<AtRiskCase>> AT_RISK_LIST = new TypeReference<>() { };
    private static final TypeReference<List<IndicatorAnswer>> INDICATOR_LIST = new TypeReference<>() { };
    private static final TypeReference<List<LineageEntry>> LINEAGE_LIST = new TypeReference<>() { };

    private final QueryableStreams streams;
    private final LocalQueries local;
    private final PeerClient peers;
    private final ObjectMapper mapper;

    QueryRouter(QueryableStreams streams, LocalQueries local, ObjectMapper mapper, PeerClient peers) {
        this.streams = streams;
        this.peers = peers;
        this.local = local;
        this.mapper = mapper;
    }

    /** The known courts: seed data, the same on every instance, so answered locally. */
    List<JsonNode> courts() {
        return local.courts();
    }

    /** A keyed answer from its owner: either the local value or the owner's raw answer (relayed as it came). */
    sealed interface CaseAnswer<T> permits LocalCase, RemoteAnswer {
    }

    record LocalCase<T>(T value) implements CaseAnswer<T> {
    }

    record RemoteAnswer<T>(int status, String body) implements CaseAnswer<T> {
    }

    CaseAnswer<CaseDetail> caseById(String caseId, Request request) {
        return caseById(caseId, false, request);
    }

    /** @param withNotes keep the notes in the history (the request's own query asks the owner the same) */
    CaseAnswer<CaseDetail> caseById(String caseId, boolean withNotes, Request request) {
        requireReady();
        KeyQueryMetadata owner = streams.kafkaStreams().queryMetadataForKey(StoreNames.CASES, caseId, Serdes.String().serializer());
        if (owner == null || owner == KeyQueryMetadata.NOT_AVAILABLE || owner.activeHost() == null) {
            throw ApiException.notReady("the owner of case " + caseId + " is not known yet (rebalancing)");
        }
        if (owner.activeHost().equals(streams.thisHost())) {
            return new LocalCase<>(localCall(() -> local.caseById(caseId, withNotes))
                    .orElseThrow(() -> new ApiException(404, "unknown case " + caseId)));
        }
        if (request.forwarded()) {
            throw ApiException.notReady("case " + caseId + " moved to another instance (rebalancing)");
        }
        PeerClient.PeerResponse response = peers.get(owner.activeHost(), request.rawPathAndQuery(), request.authorization());
        return new RemoteAnswer<>(response.status(), response.body());
    }

    /**
     * A digest from the instance that owns its recipient (the digest store is partitioned by recipient, as the digest
     * feed is): the local object, or the owner's raw answer (the owner applied the token's limits).
     */
    CaseAnswer<ObjectNode> digest(String recipient, String kind, java.time.LocalDate date, Request request) {
        requireReady();
        KeyQueryMetadata owner = streams.kafkaStreams().queryMetadataForKey(StoreNames.DIGESTS, recipient,
                Serdes.String().serializer());
        if (owner == null || owner == KeyQueryMetadata.NOT_AVAILABLE || owner.activeHost() == null) {
            throw ApiException.notReady("the owner of the digests of " + recipient + " is not known yet (rebalancing)");
        }
        if (owner.activeHost().equals(streams.thisHost())) {
            return new LocalCase<>(localCall(() -> local.digest(recipient, kind, date))
                    .orElseThrow(() -> new ApiException(404, "no " + kind + " digest of " + recipient
                            + (date == null ? "" : " for " + date))));
        }
        if (request.forwarded()) {
            throw ApiException.notReady("the digests of " + recipient + " moved to another instance (rebalancing)");
        }
        PeerClient.PeerResponse response = peers.get(owner.activeHost(), request.rawPathAndQuery(), request.authorization());
        return new RemoteAnswer<>(response.status(), response.body());
    }

    /** The at-risk cases of {@code courts} (a court, or a court with its subordinate courts) on every instance. */
    List<AtRiskCase> atRisk(List<String> courts, int withinDays, Request request) {
        requireReady();
        List<AtRiskCase> merged = new ArrayList<>();
        if (hostsActiveTasks()) {
            for (String court : courts) {
                merged.addAll(localCall(() -> local.atRisk(court, withinDays)));
            }
        }
        if (!request.forwarded()) {
            for (HostInfo host : otherHosts(streams.kafkaStreams().streamsMetadataForStore(StoreNames.CASES))) {
                merged.addAll(read(host, request, AT_RISK_LIST));
            }
        }
        merged.sort(Comparator.comparing(AtRiskCase::deadline, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(AtRiskCase::caseId));
        return merged;
    }

    /** @param period the window's end month, or null for the current period */
    List<IndicatorAnswer> indicators(String court, String window, YearMonth period, Request request) {
        return indicators(court, window, period, null, null, request);
    }

    /** Only the scopes asked for ({@code null}: both scopes, every category); the request must ask peers the same. */
    List<IndicatorAnswer> indicators(String court, String window, YearMonth period, Boolean subordinates, String category,
            Request request) {
        requireReady();
        List<IndicatorAnswer> merged = new ArrayList<>(hostsActiveTasks()
                ? localCall(() -> local.indicators(court, window, period, subordinates, category)) : List.of());
        if (!request.forwarded()) {
            for (HostInfo host : otherHosts(streams.kafkaStreams().metadataForAllStreamsClients())) {
                merged.addAll(read(host, request, INDICATOR_LIST));
            }
        }
        return merged;
    }

    /** The lineage top of a court tree: kept by one instance (the scope's), so every instance is asked. */
    List<LineageEntry> lineage(String court, Request request) {
        requireReady();
        List<LineageEntry> merged = new ArrayList<>(hostsActiveTasks() ? localCall(() -> local.lineage(court)) : List.of());
        if (!request.forwarded()) {
            for (HostInfo host : otherHosts(streams.kafkaStreams().metadataForAllStreamsClients())) {
                merged.addAll(read(host, request, LINEAGE_LIST));
            }
        }
        return merged;
    }

    /** "Now" of this instance's reads (the simulated clock in the demo). */
    Instant now() {
        return local.now();
    }

    /** Seed data, the same on every instance. */
    List<JsonNode> indicatorDefinitions() {
        return local.indicatorDefinitions();
    }

    private void requireReady() {
        if (!streams.ready()) {
            throw ApiException.notReady("not ready: streams state " + streams.kafkaStreams().state());
        }
    }

    /**
     * Other instances that own partitions. An instance holding only standby or warm-up copies (more
     * instances than partitions, or right after joining) has nothing to answer and is not asked:
     * asking it would turn every merged list into a 503.
     */
    private List<HostInfo> otherHosts(Collection<StreamsMetadata> metadata) {
        return metadata.stream().filter(m -> !m.topicPartitions().isEmpty()).map(StreamsMetadata::hostInfo)
                .distinct().filter(host -> !host.equals(streams.thisHost())).toList();
    }

    /** Whether this instance owns any partition (else its local answer is empty, not an error). */
    private boolean hostsActiveTasks() {
        return streams.kafkaStreams().metadataForLocalThreads().stream()
                .anyMatch(thread -> !thread.activeTasks().isEmpty());
    }

    private <T> List<T> read(HostInfo host, Request request, TypeReference<List<T>> type) {
        PeerClient.PeerResponse response = peers.get(host, request.rawPathAndQuery(), request.authorization());
        if (response.status() != 200) {
            // A partial list would look complete; say which instance could not answer.
            throw new ApiException(response.status() >= 500 ? 503 : response.status(),
                    "instance " + host.host() + ":" + host.port() + " answered " + response.status() + ": " + response.body());
        }
        try {
            return mapper.readValue(response.body(), type);
        } catch (IOException e) {
            throw ApiException.notReady("instance " + host.host() + ":" + host.port() + " sent an unreadable answer");
        }
    }

    private static <T> T localCall(Supplier<T> query) {
        try {
            return query.get();
        } catch (InvalidStateStoreException e) {
            throw ApiException.notReady("state store not available (rebalancing): " + e.getMessage());
        }
    }

    /** What the router needs of the incoming HTTP request. */
    record Request(String rawPathAndQuery, String authorization, boolean forwarded) {
    }
}
