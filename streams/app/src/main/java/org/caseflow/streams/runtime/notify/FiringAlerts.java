package org.caseflow.streams.runtime.notify;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.caseflow.events.DeadlineAlert;
import org.caseflow.streams.domain.notify.Route;

/**
 * Alerts delivered to Alertmanager that still fire: re-sent every {@code caseflow.notify.alertmanager.resend.ms} with
 * {@code endsAt} three intervals ahead, so Alertmanager keeps them until RESOLVED arrives (DESIGN.md section 9). Kept
 * in memory by the notify instance that delivered them; after a restart an alert is re-sent from its next record
 * on, and Alertmanager resolves the others by their last {@code endsAt}. Delivery completions and the loop thread share it (synchronized).
 */
final class FiringAlerts {
    private record Entry(DeadlineAlert alert, Route route, Instant nextSend) {}

    private final Map<String, Entry> entries = new LinkedHashMap<>();
    private final Duration every;

    FiringAlerts(Duration every) {
        this.every = every;
    }

    Instant validUntil(Instant now) {
        return now.plus(every.multipliedBy(3));
    }

    synchronized void delivered(DeadlineAlert alert, Route route, Instant now) {
        String key = alert.getAlertId() + "/" + route.recipient();
        switch (alert.getStatus()) {
            case FIRING -> entries.put(key, new Entry(alert, route, now.plus(every)));
            case RESOLVED -> entries.remove(key);
            default -> { }
        }
    }

    /** The (alert, route) pairs due for a re-send, their next turn moved on. */
    synchronized List<Map.Entry<DeadlineAlert, Route>> due(Instant now) {
        List<Map.Entry<DeadlineAlert, Route>> out = new ArrayList<>();
        entries.replaceAll((k, e) -> {
            if (e.nextSend().isAfter(now)) {
                return e;
            }
            out.add(Map.entry(e.alert(), e.route()));
            return new Entry(e.alert(), e.route(), now.plus(every));
        });
        return out;
    }

    synchronized int size() {
        return entries.size();
    }
}
