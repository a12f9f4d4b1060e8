package org.caseflow.streams.runtime.notify;

import java.util.Optional;
import org.caseflow.streams.domain.notify.Channel;

/**
 * One message to deliver: to one recipient over one channel, with the key that stays the same across re-deliveries
 * (DESIGN.md section 9: {@code {alertId}/{status}/{recipient}}, digests {@code digest/{recipient}/{period}}).
 *
 * @param caseId    per-case order is kept: deliveries of one case go one after another
 * @param raisedAt  epoch millis the alert was raised (latency from it to delivery is measured)
 * @param url       the recipient's own endpoint, or empty for the channel's configured one
 */
public record Delivery(String key, String caseId, String alertId, String recipient, Channel channel,
        Optional<String> url, byte[] body, long raisedAt) {
}
