package org.caseflow.streams.runtime.notify;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.caseflow.CaseflowException;
import org.caseflow.events.AlertStatus;
import org.caseflow.events.DeadlineAlert;
import org.caseflow.streams.domain.notify.Channel;
import org.caseflow.streams.domain.notify.Route;

/**
 * Builds the message bodies of DESIGN.md section 9 for one (alert, recipient): the webhook JSON and the Alertmanager
 * {@code POST /api/v2/alerts} array. The same alert and recipient always give the same webhook bytes, so a
 * re-delivery after a crash is the same message with the same {@code Idempotency-Key}.
 */
final class AlertMessages {
    /** Alertmanager's alert name for every Caseflow deadline alert (its routes and inhibition rules match on it). */
    static final String ALERT_NAME = "CaseflowDeadline";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final AlertText text;

    AlertMessages(AlertText text) {
        this.text = text;
    }

    static String key(DeadlineAlert a, String recipient) {
        return a.getAlertId() + "/" + a.getStatus() + "/" + recipient;
    }

    /** @param firingUntil {@code endsAt} of a firing Alertmanager alert (see {@link #alertmanager}) */
    Delivery delivery(DeadlineAlert a, Route route, Instant firingUntil) {
        return deliveries(a, List.of(route), firingUntil).get(0);
    }

    /** One delivery per route; the explanation is made once for all of them. */
    List<Delivery> deliveries(DeadlineAlert a, List<Route> routes, Instant firingUntil) {
        List<String> explanation = text.explanation(a);
        List<Delivery> out = new ArrayList<>(routes.size());
        for (Route route : routes) {
            byte[] body = route.channel() == Channel.WEBHOOK ? webhook(a, route, explanation)
                    : alertmanager(a, route, a.getStatus() == AlertStatus.RESOLVED ? a.getRaisedAt() : firingUntil, explanation);
            out.add(new Delivery(key(a, route.recipient()), a.getCaseId(), a.getAlertId(), route.recipient(),
                    route.channel(), route.url(), body, a.getRaisedAt().toEpochMilli()));
        }
        return out;
    }

    byte[] webhook(DeadlineAlert a, Route route) {
        return webhook(a, route, text.explanation(a));
    }

    /** Written field by field (no tree): this runs for every delivery. The same fields in the same order, always. */
    private static byte[] webhook(DeadlineAlert a, Route route, List<String> explanation) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(512 + 96 * explanation.size());
        try (JsonGenerator g = JSON.getFactory().createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("kind", "alert");
            g.writeStringField("alertId", a.getAlertId());
            g.writeStringField("status", a.getStatus().name());
            g.writeStringField("level", a.getLevel().name());
            g.writeStringField("caseId", a.getCaseId());
            g.writeStringField("court", a.getCourt());
            g.writeStringField("procedure", a.getProcedure().name());
            g.writeStringField("deadline", a.getDeadline().toString());
            g.writeNumberField("daysRemaining", a.getDaysRemaining());
            g.writeStringField("raisedAt", a.getRaisedAt().toString());
            g.writeStringField("recipient", route.recipient());
            g.writeStringField("role", route.role());
            g.writeArrayFieldStart("explanation");
            for (String line : explanation) {
                g.writeString(line);
            }
            g.writeEndArray();
            g.writeNumberField("deadlineVersion", a.getDeadlineVersion());
            if (a.getJudge() != null) {
                g.writeStringField("judge", a.getJudge());
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new CaseflowException("cannot write a notification body", e);
        }
        return out.toByteArray();
    }

    /**
     * One Alertmanager alert. Firing: {@code endsAt} a few re-send intervals away, so Alertmanager resolves it by
     * itself only if notify stops re-sending it (whatever its {@code resolve_timeout}). Resolved: {@code endsAt} = when
     * it was resolved.
     */
    byte[] alertmanager(DeadlineAlert a, Route route, Instant endsAt) {
        return alertmanager(a, route, endsAt, text.explanation(a));
    }

    private static byte[] alertmanager(DeadlineAlert a, Route route, Instant endsAt, List<String> explanation) {
        ArrayNode array = JSON.createArrayNode();
        ObjectNode alert = array.addObject();
        ObjectNode labels = alert.putObject("labels");
        labels.put("alertname", ALERT_NAME);
        labels.put("level", a.getLevel().name());
        labels.put("court", a.getCourt());
        labels.put("procedure", a.getProcedure().name());
        labels.put("caseId", a.getCaseId());
        labels.put("recipient", route.recipient());
        ObjectNode annotations = alert.putObject("annotations");
        annotations.put("summary", AlertText.summary(a));
        annotations.put("explanation", String.join("\n", explanation));
        annotations.put("alertId", a.getAlertId());
        alert.put("startsAt", a.getRaisedAt().toString());
        alert.put("endsAt", endsAt.toString());
        return bytes(array);
    }

    private static byte[] bytes(Object node) {
        try {
            return JSON.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new CaseflowException("cannot write a notification body", e);
        }
    }
}
