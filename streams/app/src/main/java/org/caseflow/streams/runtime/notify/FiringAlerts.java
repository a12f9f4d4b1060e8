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
 * on, and Alertmanager resolves the others by their last {@code endsAt}. Delivery completions and the loop thread share
 * it (synchronized).
 *
 * <p>A re-send must never reach Alertmanager after the alert's RESOLVED: Alertmanager keeps the alert it received last,
 * so a late FIRING re-opens a resolved alert until its {@code endsAt}. Re-sends therefore go in the (case, recipient)
 * lane behind the deliveries already queued there, and ask {@link #current} when their turn comes; an alert has at
 * most one re-send pending, so a slow Alertmanager does not fill its lane with them.
 */
final class FiringAlerts {
    private record Entry(DeadlineAlert alert, Route route, Instant nextSend, boolean resending) {}

    /** One re-send of an (alert, route); {@code key} names it here. */
    record Resend(String key, DeadlineAlert alert, Route route) {}

    private final Map<String, Entry> entries = new LinkedHashMap<>();
    private final Duration every;

    FiringAlerts(Duration every) {
        this.every = every;
    }

    Instant validUntil(Instant now) {
        return now.plus(every.multipliedBy(3));
    }

    synchronized void delivered(DeadlineAlert alert, Route route, Instant now) {
        String key = key(alert, route);
        switch (alert.getStatus()) {
            case FIRING -> entries.put(key, new Entry(alert, route, now.plus(every), false));
            case RESOLVED -> entries.remove(key);
            default -> { }
        }
    }

    /** The re-sends due that are not already pending; their next turn moved on. */
    synchronized List<Resend> due(Instant now) {
        List<Resend> out = new ArrayList<>();
        entries.replaceAll((k, e) -> {
            if (e.resending() || e.nextSend().isAfter(now)) {
                return e;
            }
            out.add(new Resend(k, e.alert(), e.route()));
            return new Entry(e.alert(), e.route(), now.plus(every), true);
        });
        return out;
    }

    /**
     * The alert to re-send now: the one firing under the re-send's key (it may have fired again meanwhile), or null
     * once its RESOLVED has been delivered, and the re-send is dropped.
     */
    synchronized DeadlineAlert current(Resend resend) {
        Entry e = entries.get(resend.key());
        return e == null ? null : e.alert();
    }

    /** The re-send has ended (sent or given up): the next one may be queued. */
    synchronized void resent(Resend resend) {
        entries.computeIfPresent(resend.key(), (k, e) -> new Entry(e.alert(), e.route(), e.nextSend(), false));
    }

    synchronized int size() {
        return entries.size();
    }

    private static String key(DeadlineAlert alert, Route route) {
        return alert.getAlertId() + "/" + route.recipient();
    }
}
