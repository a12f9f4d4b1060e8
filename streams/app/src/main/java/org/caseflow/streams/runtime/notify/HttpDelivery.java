package org.caseflow.streams.runtime.notify;

import dev.failsafe.CircuitBreaker;
import dev.failsafe.CircuitBreakerOpenException;
import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeExecutor;
import dev.failsafe.RetryPolicy;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.caseflow.streams.runtime.config.NotifySettings;

/**
 * POSTs JSON with {@code java.net.http} (JDK, pooled keep-alive connections) under Failsafe policies (dev.failsafe, a
 * small dependency-free retry library): per endpoint a circuit breaker, per delivery retries with exponential backoff
 * and jitter on refused connections, time-outs, 408, 429 and 5xx, honouring {@code Retry-After}. Any other answer ends
 * the delivery at once (2xx delivered, other 4xx rejected). Nothing here loops by hand.
 *
 * <p>Each endpoint has a pool of {@code caseflow.notify.http.connections} threads, each sending one request at a time
 * ({@code HttpClient.send}), so at most that many HTTP/1.1 connections are open to it and a slow or dead endpoint ties
 * up only its own threads. Not {@code sendAsync}: on JDK 17 it hands every response to
 * {@code CompletableFuture}'s default executor, which on a machine with 2 cores or fewer is a new thread per task
 * (the common pool has parallelism 1) — a thread started and ended per delivery, the largest cost in the notify
 * benchmark's profile — and it opens as many connections as there are requests in flight. Waits between retries hold
 * no thread (Failsafe's scheduler).
 */
final class HttpDelivery implements AutoCloseable {
    /** Jitter spreads retries of many deliveries to one endpoint that failed together. */
    private static final double JITTER = 0.2;

    private final NotifySettings settings;
    private final NotifyMetrics metrics;
    private final Clock clock;
    private final HttpClient client;
    private final Map<URI, Endpoint> endpoints = new ConcurrentHashMap<>();

    private record Endpoint(String label, CircuitBreaker<HttpResponse<Void>> breaker,
            FailsafeExecutor<HttpResponse<Void>> executor, ExecutorService senders) {
    }

    HttpDelivery(NotifySettings settings, NotifyMetrics metrics, Clock clock) {
        this.settings = settings;
        this.metrics = metrics;
        this.clock = clock;
        this.client = HttpClient.newBuilder().connectTimeout(settings.requestTimeout())
                .version(HttpClient.Version.HTTP_1_1).build();
    }

    /**
     * @param key    the Idempotency-Key (non-ASCII characters percent-encoded: header values are ASCII)
     * @param secret HMAC key of the signature header, empty = unsigned
     */
    CompletableFuture<Outcome> post(URI uri, String key, byte[] body, String secret) {
        Endpoint endpoint = endpoints.computeIfAbsent(uri, this::endpoint);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(settings.requestTimeout())
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", ascii(key))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (!secret.isEmpty()) {
            request.header(Signature.HEADER, Signature.of(secret, body));
        }
        HttpRequest built = request.build();
        AtomicInteger attempts = new AtomicInteger();
        return endpoint.executor().getAsync(() -> {
            attempts.incrementAndGet();
            return client.send(built, HttpResponse.BodyHandlers.discarding());
        }).handle((response, failure) -> outcome(response, unwrap(failure), attempts.get()));
    }

    private Endpoint endpoint(URI uri) {
        String label = uri.getHost() + ":" + (uri.getPort() < 0 ? ("https".equals(uri.getScheme()) ? 443 : 80) : uri.getPort());
        CircuitBreaker<HttpResponse<Void>> breaker = CircuitBreaker.<HttpResponse<Void>>builder()
                .handleIf((r, f) -> failed(r, unwrap(f)))
                .withFailureThreshold(settings.breakerFailures())
                .withDelay(settings.breakerOpen())
                .withSuccessThreshold(1)
                .onOpen(e -> metrics.breaker(label, 2))
                .onHalfOpen(e -> metrics.breaker(label, 1))
                .onClose(e -> metrics.breaker(label, 0))
                .build();
        metrics.breaker(label, 0);
        RetryPolicy<HttpResponse<Void>> retry = RetryPolicy.<HttpResponse<Void>>builder()
                .handleIf((r, f) -> failed(r, unwrap(f)) || unwrap(f) instanceof CircuitBreakerOpenException)
                .withMaxRetries(-1)
                .withMaxDuration(settings.retryFor())
                .withBackoff(settings.retryInitial(), settings.retryMaxDelay())
                .withJitter(JITTER)
                .withDelayFn(ctx -> explicitDelay(ctx.getLastResult(), unwrap(ctx.getLastException()), breaker))
                .onRetry(e -> metrics.retry(label))
                .build();
        ExecutorService senders = senders(label, settings.connections());
        return new Endpoint(label, breaker, Failsafe.with(retry).compose(breaker).with(senders), senders);
    }

    /** Threads that die after a minute idle: an endpoint used once keeps none. */
    private static ExecutorService senders(String label, int threads) {
        AtomicInteger n = new AtomicInteger();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                r -> {
                    Thread t = new Thread(r, "notify-http-" + label + "-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    /**
     * Retry-After, or the breaker's remaining open time (at least the initial backoff, so a half-open breaker that
     * lets one probe through is not polled in a tight loop); negative = the ordinary backoff. Divided by
     * {@code 1 - JITTER} because Failsafe jitters every delay: the retry then never comes earlier than asked.
     */
    private Duration explicitDelay(HttpResponse<Void> last, Throwable failure, CircuitBreaker<?> breaker) {
        Duration asked = null;
        if (failure instanceof CircuitBreakerOpenException) {
            Duration remaining = breaker.getRemainingDelay();
            asked = remaining.compareTo(settings.retryInitial()) > 0 ? remaining : settings.retryInitial();
        } else {
            asked = RetryAfter.of(last, clock.instant()).orElse(null);
        }
        return asked == null ? Duration.ofMillis(-1) : Duration.ofNanos((long) (asked.toNanos() / (1 - JITTER)));
    }

    /** Worth retrying: no answer (refused, reset, timed out) or 408, 429, 5xx. */
    static boolean failed(HttpResponse<?> response, Throwable failure) {
        if (failure != null) {
            return failure instanceof IOException;
        }
        int s = response.statusCode();
        return s == 408 || s == 429 || s >= 500;
    }

    private static Outcome outcome(HttpResponse<Void> response, Throwable failure, int attempts) {
        if (failure instanceof CircuitBreakerOpenException) {
            return new Outcome(false, 0, attempts, Outcome.BREAKER_OPEN, "circuit breaker still open when retries ran out");
        }
        if (failure != null) {
            String why = failure instanceof IOException ? Outcome.RETRIES_EXHAUSTED : "error";
            return new Outcome(false, 0, attempts, why, failure.getClass().getSimpleName() + ": " + failure.getMessage());
        }
        int s = response.statusCode();
        if (s >= 200 && s < 300) {
            return Outcome.delivered(s, attempts);
        }
        if (failed(response, null)) {
            return new Outcome(false, s, attempts, Outcome.RETRIES_EXHAUSTED, "HTTP " + s + " after " + attempts + " attempts");
        }
        return new Outcome(false, s, attempts, Outcome.REJECTED, "HTTP " + s);
    }

    private static Throwable unwrap(Throwable t) {
        Throwable e = t;
        while (e instanceof CompletionException && e.getCause() != null) {
            e = e.getCause();
        }
        return e;
    }

    /** Percent-encodes (UTF-8) every byte outside visible ASCII, and '%' itself, so the value is a valid header. */
    static String ascii(String value) {
        StringBuilder out = new StringBuilder(value.length());
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c > 0x20 && c < 0x7f && c != '%') {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }

    @Override
    public void close() {
        endpoints.values().forEach(e -> e.senders().shutdownNow());
    }
}
