package org.caseflow.streams.runtime.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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

    static void defaults(Map<String, String> d) {
        d.put(ConfigKeys.NOTIFY_GROUP_ID, "caseflow-notify");
        d.put(ConfigKeys.NOTIFY_RECIPIENTS, "");
        d.put(ConfigKeys.NOTIFY_WEBHOOK_URL, "");
        d.put(ConfigKeys.NOTIFY_WEBHOOK_SECRET, "");
        d.put(ConfigKeys.NOTIFY_ALERTMANAGER_URL, "");
        d.put(ConfigKeys.NOTIFY_ALERTMANAGER_RESEND_MS, "60000");
        d.put(ConfigKeys.NOTIFY_HTTP_PORT, "8081");
        d.put(ConfigKeys.NOTIFY_REQUEST_TIMEOUT_MS, "10000");
        d.put(ConfigKeys.NOTIFY_RETRY_INITIAL_MS, "500");
        d.put(ConfigKeys.NOTIFY_RETRY_MAX_DELAY_MS, "60000");
        d.put(ConfigKeys.NOTIFY_RETRY_FOR_MS, String.valueOf(3_600_000));
        d.put(ConfigKeys.NOTIFY_BREAKER_FAILURES, "5");
        d.put(ConfigKeys.NOTIFY_BREAKER_OPEN_MS, "30000");
        d.put(ConfigKeys.NOTIFY_MAX_IN_FLIGHT, "256");
        d.put(ConfigKeys.NOTIFY_HTTP_CONNECTIONS, "16");
    }

    static NotifySettings parse(ValueParser p, List<String> problems) {
        return new NotifySettings(
                p.nonBlank(ConfigKeys.NOTIFY_GROUP_ID),
                optional(p.text(ConfigKeys.NOTIFY_RECIPIENTS)),
                url(ConfigKeys.NOTIFY_WEBHOOK_URL, p.text(ConfigKeys.NOTIFY_WEBHOOK_URL), problems),
                p.text(ConfigKeys.NOTIFY_WEBHOOK_SECRET),
                url(ConfigKeys.NOTIFY_ALERTMANAGER_URL, p.text(ConfigKeys.NOTIFY_ALERTMANAGER_URL), problems),
                Duration.ofMillis(p.intIn(ConfigKeys.NOTIFY_ALERTMANAGER_RESEND_MS, 100, 3_600_000)),
                p.intIn(ConfigKeys.NOTIFY_HTTP_PORT, 0, 65_535),
                Duration.ofMillis(p.intIn(ConfigKeys.NOTIFY_REQUEST_TIMEOUT_MS, 10, 600_000)),
                Duration.ofMillis(p.intIn(ConfigKeys.NOTIFY_RETRY_INITIAL_MS, 1, 600_000)),
                Duration.ofMillis(p.intIn(ConfigKeys.NOTIFY_RETRY_MAX_DELAY_MS, 1, 3_600_000)),
                Duration.ofMillis(p.longIn(ConfigKeys.NOTIFY_RETRY_FOR_MS, 0, 7L * 24 * 3_600_000)),
                p.intIn(ConfigKeys.NOTIFY_BREAKER_FAILURES, 1, 10_000),
                Duration.ofMillis(p.intIn(ConfigKeys.NOTIFY_BREAKER_OPEN_MS, 10, 3_600_000)),
                p.intIn(ConfigKeys.NOTIFY_MAX_IN_FLIGHT, 1, 100_000),
                p.intIn(ConfigKeys.NOTIFY_HTTP_CONNECTIONS, 1, 1_000));
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

    private static Optional<String> optional(String value) {
        return value.isBlank() ? Optional.empty() : Optional.of(value);
    }

    private static Optional<String> url(String key, String value, List<String> problems) {
        if (value.isBlank()) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(value);
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                problems.add(key + ": must be an http:// or https:// URL, got '" + value + "'");
            }
        } catch (URISyntaxException e) {
            problems.add(key + ": not a URL: " + e.getMessage());
        }
        return Optional.of(value);
    }
}
