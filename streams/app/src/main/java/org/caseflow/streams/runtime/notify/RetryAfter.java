package org.caseflow.streams.runtime.notify;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** The {@code Retry-After} of a 429 or 503 answer (RFC 9110 section 10.2.3: delay-seconds or an HTTP-date). */
final class RetryAfter {
    private RetryAfter() {
    }

    static Optional<Duration> of(HttpResponse<?> response, Instant now) {
        if (response == null || (response.statusCode() != 429 && response.statusCode() != 503)) {
            return Optional.empty();
        }
        return response.headers().firstValue("Retry-After").flatMap(v -> parse(v.trim(), now));
    }

    static Optional<Duration> parse(String value, Instant now) {
        try {
            long seconds = Long.parseLong(value);
            return seconds < 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(seconds));
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                Duration d = Duration.between(now, at);
                return Optional.of(d.isNegative() ? Duration.ZERO : d);
            } catch (DateTimeParseException bad) {
                return Optional.empty(); // unusable: the ordinary backoff applies
            }
        }
    }
}
