package org.caseflow.streams.runtime.config;

import static org.apache.kafka.common.config.ConfigDef.Importance.HIGH;
import static org.apache.kafka.common.config.ConfigDef.Importance.LOW;
import static org.apache.kafka.common.config.ConfigDef.Importance.MEDIUM;
import static org.apache.kafka.common.config.ConfigDef.Type.INT;
import static org.apache.kafka.common.config.ConfigDef.Type.LONG;
import static org.apache.kafka.common.config.ConfigDef.Type.PASSWORD;
import static org.apache.kafka.common.config.ConfigDef.Type.STRING;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.config.ConfigDef;

/**
 * The {@code caseflow.notify.*} keys of {@code caseflow notify} (docs/operations.md, "Notifications"), parsed with the
 * rest of the configuration so that one file and one set of {@code CASEFLOW_*} variables serve every command.
 *
 * @param recipients   the recipients file; empty = every role reference is its own recipient on every channel given
 * @param webhookUrl   default webhook endpoint; empty = none
 * @param webhookSecret HMAC-SHA256 key of the {@code X-Caseflow-Signature} header; empty = unsigned (never logged)
 * @param retryFor     how long one delivery is retried before it goes to the notify dead letters
 * @param maxInFlight  alert records read ahead of the committed offset and not yet delivered; above it polling pauses
 * @param connections  requests (HTTP/1.1 connections) at once per endpoint
 */
public record NotifySettings(String groupId, Optional<String> recipients, Optional<String> webhookUrl,
        String webhookSecret, Optional<String> alertmanagerUrl, Duration alertmanagerResend, int httpPort,
        Duration requestTimeout, Duration retryInitial, Duration retryMaxDelay, Duration retryFor,
        int breakerFailures, Duration breakerOpen, int maxInFlight, int connections) {

    /** The {@code caseflow.notify.*} keys (docs/operations.md prints them in "Notifications"). */
    static void define(ConfigDef d) {
        d.define(ConfigKeys.NOTIFY_GROUP_ID, STRING, "caseflow-notify", Validators.nonBlank(), MEDIUM,
                "consumer group of the notify instances");
        ConfigDefinitions.shown(ConfigKeys.NOTIFY_RECIPIENTS, "empty (every role its own recipient)");
        d.define(ConfigKeys.NOTIFY_RECIPIENTS, STRING, "", null, HIGH, "recipients file");
        ConfigDefinitions.shown(ConfigKeys.NOTIFY_WEBHOOK_URL, "empty");
        d.define(ConfigKeys.NOTIFY_WEBHOOK_URL, STRING, "", Validators.optionalUrl(), HIGH, "default webhook endpoint");
        ConfigDefinitions.shown(ConfigKeys.NOTIFY_WEBHOOK_SECRET, "empty (unsigned)");
        d.define(ConfigKeys.NOTIFY_WEBHOOK_SECRET, PASSWORD, "", null, MEDIUM,
                "HMAC-SHA256 key of `X-Caseflow-Signature`; never logged");
        ConfigDefinitions.shown(ConfigKeys.NOTIFY_ALERTMANAGER_URL, "empty");
        d.define(ConfigKeys.NOTIFY_ALERTMANAGER_URL, STRING, "", Validators.optionalUrl(), HIGH,
                "Alertmanager base URL, e.g. `http://alertmanager:9093`");
        d.define(ConfigKeys.NOTIFY_ALERTMANAGER_RESEND_MS, INT, 60_000, Validators.between(100, 3_600_000), LOW,
                "re-send interval of firing alerts");
        ConfigDefinitions.shown(ConfigKeys.NOTIFY_HTTP_PORT, "`8081` (0 = any free port)");
        d.define(ConfigKeys.NOTIFY_HTTP_PORT, INT, 8081, Validators.between(0, 65_535), MEDIUM,
                "`/metrics` and `/health/live` of the notify process");
        d.define(ConfigKeys.NOTIFY_REQUEST_TIMEOUT_MS, INT, 10_000, Validators.between(10, 600_000), LOW,
                "connect and answer time-out of one attempt");
        d.define(ConfigKeys.NOTIFY_RETRY_INITIAL_MS, INT, 500, Validators.between(1, 600_000), LOW,
                "first backoff, doubled each retry");
        d.define(ConfigKeys.NOTIFY_RETRY_MAX_DELAY_MS, INT, 60_000, Validators.between(1, 3_600_000), LOW, "longest backoff");
        ConfigDefinitions.shown(ConfigKeys.NOTIFY_RETRY_FOR_MS, "`3600000` (1 h)");
        d.define(ConfigKeys.NOTIFY_RETRY_FOR_MS, LONG, 3_600_000L, Validators.between(0, 7L * 24 * 3_600_000), MEDIUM,
                "how long one delivery is retried before it is dead-lettered");
        d.define(ConfigKeys.NOTIFY_BREAKER_FAILURES, INT, 5, Validators.between(1, 10_000), LOW,
                "failures in a row that open an endpoint's breaker");
        d.define(ConfigKeys.NOTIFY_BREAKER_OPEN_MS, INT, 30_000, Validators.between(10, 3_600_000), LOW,
                "how long it stays open before one probe");
        d.define(ConfigKeys.NOTIFY_MAX_IN_FLIGHT, INT, 256, Validators.between(1, 100_000), LOW,
                "alert records read and not yet delivered (also `max.poll.records`); beyond it reading pauses");
        d.define(ConfigKeys.NOTIFY_HTTP_CONNECTIONS, INT, 16, Validators.between(1, 1_000), LOW,
                "requests at a time per endpoint URL (keep-alive HTTP/1.1 connections, one sender thread each, idle"
                        + " ones end after a minute)");
    }

    static NotifySettings parse(DefinedConfig c) {
        return new NotifySettings(
                c.text(ConfigKeys.NOTIFY_GROUP_ID),
                c.optionalText(ConfigKeys.NOTIFY_RECIPIENTS),
                c.optionalText(ConfigKeys.NOTIFY_WEBHOOK_URL),
                c.text(ConfigKeys.NOTIFY_WEBHOOK_SECRET),
                c.optionalText(ConfigKeys.NOTIFY_ALERTMANAGER_URL),
                c.millis(ConfigKeys.NOTIFY_ALERTMANAGER_RESEND_MS),
                c.integer(ConfigKeys.NOTIFY_HTTP_PORT),
                c.millis(ConfigKeys.NOTIFY_REQUEST_TIMEOUT_MS),
                c.millis(ConfigKeys.NOTIFY_RETRY_INITIAL_MS),
                c.millis(ConfigKeys.NOTIFY_RETRY_MAX_DELAY_MS),
                c.millis(ConfigKeys.NOTIFY_RETRY_FOR_MS),
                c.integer(ConfigKeys.NOTIFY_BREAKER_FAILURES),
                c.millis(ConfigKeys.NOTIFY_BREAKER_OPEN_MS),
                c.integer(ConfigKeys.NOTIFY_MAX_IN_FLIGHT),
                c.integer(ConfigKeys.NOTIFY_HTTP_CONNECTIONS));
    }

    void write(Map<String, String> s) {
        s.put(ConfigKeys.NOTIFY_GROUP_ID, groupId);
        s.put(ConfigKeys.NOTIFY_RECIPIENTS, recipients.orElse(""));
        s.put(ConfigKeys.NOTIFY_WEBHOOK_URL, webhookUrl.orElse(""));
        s.put(ConfigKeys.NOTIFY_WEBHOOK_SECRET, webhookSecret);
        s.put(ConfigKeys.NOTIFY_ALERTMANAGER_URL, alertmanagerUrl.orElse(""));
        s.put(ConfigKeys.NOTIFY_ALERTMANAGER_RESEND_MS, String.valueOf(alertmanagerResend.toMillis()));
        s.put(ConfigKeys.NOTIFY_HTTP_PORT, String.valueOf(httpPort));
        s.put(ConfigKeys.NOTIFY_REQUEST_TIMEOUT_MS, String.valueOf(requestTimeout.toMillis()));
        s.put(ConfigKeys.NOTIFY_RETRY_INITIAL_MS, String.valueOf(retryInitial.toMillis()));
        s.put(ConfigKeys.NOTIFY_RETRY_MAX_DELAY_MS, String.valueOf(retryMaxDelay.toMillis()));
        s.put(ConfigKeys.NOTIFY_RETRY_FOR_MS, String.valueOf(retryFor.toMillis()));
        s.put(ConfigKeys.NOTIFY_BREAKER_FAILURES, String.valueOf(breakerFailures));
        s.put(ConfigKeys.NOTIFY_BREAKER_OPEN_MS, String.valueOf(breakerOpen.toMillis()));
        s.put(ConfigKeys.NOTIFY_MAX_IN_FLIGHT, String.valueOf(maxInFlight));
        s.put(ConfigKeys.NOTIFY_HTTP_CONNECTIONS, String.valueOf(connections));
    }
}
