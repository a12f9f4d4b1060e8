package org.caseflow.streams.runtime.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.caseflow.streams.domain.cases.CaseNumbers;
import org.caseflow.streams.domain.notify.AlertAck;
import org.caseflow.streams.runtime.config.ApiTokens;
import org.caseflow.streams.runtime.config.CaseflowConfig;
import org.caseflow.streams.runtime.http.auth.HttpAuth;
import org.caseflow.streams.topology.Topic;
import org.caseflow.streams.topology.Topics;

/**
 * {@code POST /api/v1/alerts/{alertId}/ack} with {@code {"by","note"}} (DESIGN.md section 9): checks the alert against
 * its case (found through {@link QueryRouter}, on whichever instance owns it), the caller's court limits, then writes
 * an {@link AlertAck} to {@code caseflow.alert-acks} keyed by caseId. 202 with the ack; 200 with the stored one when
 * that person already acknowledged that alert (idempotent); 400 bad body; 403 a court the token may not read; 404 an
 * alertId that is not firing on a known case.
 */
final class AckRoutes implements AutoCloseable {
    static final int MAX_BY = 200;
    static final int MAX_NOTE = 2000;

    private final QueryRouter router;
    private final ObjectMapper mapper;
    private final CaseflowConfig config;
    private final Topic<String, AlertAck> acks;
    private KafkaProducer<String, AlertAck> producer;

    /** The case-number type codes, to read a case number's court before any look-up; null: not known here. */
    private final CaseNumbers caseNumbers;

    AckRoutes(QueryRouter router, ObjectMapper mapper, CaseflowConfig config, CaseNumbers caseNumbers) {
        this.caseNumbers = caseNumbers;
        this.router = router;
        this.mapper = mapper;
        this.config = config;
        this.acks = new Topics(config.topics().names()).alertAcks();
    }

    void register(Javalin app) {
        // <alertId>: alert ids contain '/' ({caseId}/v{n}/{level}); clients may also send it percent-encoded.
        app.post("/api/v1/alerts/<alertId>/ack", this::ack);
    }

    private void ack(Context ctx) throws IOException {
        String alertId = ctx.pathParam("alertId");
        JsonNode body = body(ctx);
        String by = text(body, "by", MAX_BY, true);
        String note = text(body, "note", MAX_NOTE, false);
        String caseId = AlertAck.caseOf(alertId).orElseThrow(() -> new ApiException(404, "unknown alert " + alertId));
        Set<String> courts = ctx.attribute(HttpApi.COURTS_ATTRIBUTE);
        // A case number names its court (an event from another court is refused: EventChecks), so a token that may not
        // read it is told so (403) whichever instance owns the case: that instance would answer the forwarded case
        // lookup 404, as GET does, to keep case numbers of other courts unknown.
        Optional.ofNullable(caseNumbers).flatMap(numbers -> numbers.parse(caseId)).map(CaseNumbers.Parsed::court)
                .filter(named -> !ApiTokens.allows(courts == null ? Set.of() : courts, named))
                .ifPresent(named -> {
                    throw new ApiException(403, "this token may not acknowledge alerts of court " + named);
                });
        CaseDetail view = caseView(ctx, caseId, alertId);
        String court = view.court();
        if (!ApiTokens.allows(courts == null ? Set.of() : courts, court)) {
            throw new ApiException(403, "this token may not acknowledge alerts of court " + court);
        }
        for (CaseDetail.Acknowledgement done : view.acknowledgements()) {
            if (alertId.equals(done.alertId()) && by.equals(done.by())) {
                ctx.status(200).json(done);
                return;
            }
        }
        boolean firing = view.firingAlerts().stream().anyMatch(f -> alertId.equals(f.alertId()));
        if (!firing) {
            throw new ApiException(404, "unknown alert " + alertId + " (not firing on case " + caseId + ")");
        }
        AlertAck ack = new AlertAck(alertId, caseId, court, by, note, Instant.now());
        publish(ack);
        Map<String, Object> answer = new HashMap<>();
        answer.put("alertId", alertId);
        answer.put("by", by);
        answer.put("note", note);
        answer.put("ackedAt", ack.ackedAt().toString());
        ctx.status(202).json(answer);
    }

    private CaseDetail caseView(Context ctx, String caseId, String alertId) throws IOException {
        String path = "/api/v1/cases/" + URLEncoder.encode(caseId, StandardCharsets.UTF_8).replace("+", "%20");
        QueryRouter.CaseAnswer<CaseDetail> answer;
        try {
            answer = router.caseById(caseId, new QueryRouter.Request(path, HttpAuth.forwardAuthorization(ctx), false));
        } catch (ApiException e) {
            throw e.status() == 404 ? new ApiException(404, "unknown alert " + alertId) : e;
        }
        if (answer instanceof QueryRouter.RemoteAnswer<CaseDetail> remote) {
            if (remote.status() == 404) {
                throw new ApiException(404, "unknown alert " + alertId);
            }
            if (remote.status() != 200) {
                throw new ApiException(remote.status() >= 500 ? 503 : remote.status(), "the case's instance answered "
                        + remote.status() + ": " + remote.body());
            }
            return mapper.readValue(remote.body(), CaseDetail.class);
        }
        return ((QueryRouter.LocalCase<CaseDetail>) answer).value();
    }

    private JsonNode body(Context ctx) {
        try {
            JsonNode body = mapper.readTree(ctx.body());
            if (body == null || !body.isObject()) {
                throw new ApiException(400, "body must be a JSON object {\"by\":...,\"note\":...}");
            }
            return body;
        } catch (IOException e) {
            throw new ApiException(400, "body is not JSON: " + e.getMessage());
        }
    }

    private static String text(JsonNode body, String field, int max, boolean required) {
        JsonNode v = body.path(field);
        if (v.isMissingNode() || v.isNull()) {
            if (required) {
                throw new ApiException(400, field + ": required");
            }
            return "";
        }
        if (!v.isTextual() || (required && v.asText().isBlank()) || v.asText().length() > max) {
            throw new ApiException(400, field + ": must be " + (required ? "non-empty " : "") + "text of at most " + max
                    + " characters");
        }
        return v.asText().strip();
    }

    private synchronized void publish(AlertAck ack) {
        if (producer == null) {
            Map<String, Object> props = new HashMap<>(config.kafka());
            props.put("acks", "all");
            props.put("enable.idempotence", "true");
            producer = new KafkaProducer<>(props, acks.keySerializer(), acks.valueSerializer());
        }
        try {
            producer.send(new ProducerRecord<>(acks.name(), ack.caseId(), ack))
                    .get(config.connection().connectTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new ApiException(503, "could not record the acknowledgement: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException(503, "interrupted while recording the acknowledgement");
        }
    }

    @Override
    public synchronized void close() {
        if (producer != null) {
            producer.close();
        }
    }
}
