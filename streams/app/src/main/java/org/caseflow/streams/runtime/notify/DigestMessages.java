package org.caseflow.streams.runtime.notify;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import org.caseflow.events.Digest;
import org.caseflow.streams.domain.notify.Channel;
import org.caseflow.streams.domain.notify.Route;
import org.caseflow.streams.runtime.jsonl.DigestJson;

/**
 * The webhook message of one (digest, recipient), DESIGN.md section 9: {@code {"kind":"digest","recipient","period",
 * "counts":{...},"cases":[...]}} ({@link DigestJson}, with the resolved recipient and the digest's role reference as
 * {@code role}); the same digest and recipient always give the same bytes and key.
 */
final class DigestMessages {
    private DigestMessages() {
    }

    /**
     * {@code digest/{recipient}/{digest key}}: the digest key ({@code role|kind|period}) names the period, and keeps two
     * roles answered by one recipient (every judge of a court to its bridge) apart.
     */
    static String key(Digest d, String recipient) {
        return "digest/" + recipient + "/" + d.getRecipient() + "|" + d.getKind() + "|" + d.getPeriod();
    }

    static Delivery delivery(Digest d, Route route) {
        ObjectNode body = DigestJson.node(d);
        body.put("recipient", route.recipient());
        body.put("role", d.getRecipient());
        String digestKey = d.getRecipient() + "|" + d.getKind() + "|" + d.getPeriod();
        return new Delivery(key(d, route.recipient()), "digest|" + d.getRecipient(), digestKey, route.recipient(),
                Channel.WEBHOOK, route.url(), DigestJson.text(body).getBytes(java.nio.charset.StandardCharsets.UTF_8),
                d.getClosedAt().toEpochMilli());
    }

    static Optional<Route> webhook(Route route) {
        return route.channel() == Channel.WEBHOOK ? Optional.of(route) : Optional.empty();
    }
}
