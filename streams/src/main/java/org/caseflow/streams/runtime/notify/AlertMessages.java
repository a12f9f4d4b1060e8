package org.caseflow.streams.runtime.notify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
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
        byte[] body = route.channel() == Channel.WEBHOOK ? webhook(a, route)
                : alertmanager(a, route, a.getStatus() == AlertStatus.RESOLVED ? a.getRaisedAt() : firingUntil);
        return new Delivery(key(a, route.recipient()), a.getCaseId(), a.getAlertId(), route.recipient(),
                route.channel(), route.url(), body, a.getRaisedAt().toEpochMilli());
    }

    byte[] webhook(DeadlineAlert a, Route route) {
        ObjectNode o = JSON.createObjectNode();
        o.put("kind", "alert");
        o.put("alertId", a.getAlertId());
        o.put("status", a.getStatus().name());
        o.put("level", a.getLevel().name());
        o.put("caseId", a.getCaseId());
        o.put("court", a.getCourt());
        o.put("procedure", a.getProcedure().name());
        o.put("deadline", a.getDeadline().toString());
        o.put("daysRemaining", a.getDaysRemaining());
        o.put("raisedAt", a.getRaisedAt().toString());
        o.put("recipient", route.recipient());
        o.put("role", route.role());
        strings(o.putArray("explanation"), text.explanation(a));
        o.put("deadlineVersion", a.getDeadlineVersion());
        if (a.getJudge() != null) {
            o.put("judge", a.getJudge());
        }
        return bytes(o);
    }

    /**
     * One Alertmanager alert. Firing: {@code endsAt} a few re-send intervals away, so Alertmanager resolves it by
     * itself only if notify stops re-sending it (whatever its {@code resolve_timeout}). Resolved: {@code endsAt} = when
     * it was resolved.
     */
    byte[] alertmanager(DeadlineAlert a, Route route, Instant endsAt) {
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
        annotations.put("explanation", String.join("\n", text.explanation(a)));
        annotations.put("alertId", a.getAlertId());
        alert.put("startsAt", a.getRaisedAt().toString());
        alert.put("endsAt", endsAt.toString());
        return bytes(array);
    }

    private static void strings(ArrayNode array, List<String> values) {
        values.forEach(array::add);
    }

    private static byte[] bytes(Object node) {
        try {
            return JSON.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new CaseflowException("cannot write a notification body", e);
        }
    }
}
