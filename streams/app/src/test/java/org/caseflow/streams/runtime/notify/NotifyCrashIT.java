package org.caseflow.streams.runtime.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.caseflow.events.AlertLevel.NOTICE;
import static org.caseflow.events.AlertLevel.WARNING;
import static org.caseflow.events.AlertStatus.FIRING;
import static org.caseflow.streams.runtime.notify.NotifyFixture.alert;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.awaitility.core.ConditionTimeoutException;
import org.caseflow.events.DeadlineAlert;
import org.caseflow.streams.runtime.Waits;
import org.caseflow.streams.runtime.notify.FlakyEndpoint.Answer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kill -9} of a child {@code caseflow notify} JVM while some deliveries are still retrying: nothing is lost
 * (every (alert, recipient) is delivered once the next JVM has run) and what is delivered again carries the same key
 * and body, because offsets are committed only up to the first record not yet delivered.
 */
@Tag("integration")
class NotifyCrashIT {
    private static final int CASES = 40;

    @TempDir
    Path dir;

    @Test
    void shouldLoseNothingAcrossAKill9AndRedeliverWithTheSameKeys() throws Exception {
        NotifyFixture fx = new NotifyFixture();
        List<DeadlineAlert> alerts = new ArrayList<>();
        Set<String> expected = new TreeSet<>();
        for (int c = 0; c < CASES; c++) {
            for (var level : List.of(NOTICE, WARNING)) {
                DeadlineAlert a = alert("K-" + c, level, FIRING, List.of("judge:J-" + c, "division-chief:湘0211"));
                alerts.add(a);
                a.getEscalateTo().forEach(role -> expected.add(a.getAlertId() + "/FIRING/" + role));
            }
        }
        // The even cases are answered at once; the odd ones get 503 until the endpoint "recovers" after the kill.
        AtomicBoolean recovered = new AtomicBoolean(false);
        try (FlakyEndpoint endpoint = FlakyEndpoint.start(0, (key, attempt) -> {
            int c = Integer.parseInt(URLDecoder.decode(key, StandardCharsets.UTF_8).split("/")[0].substring(2));
            return c % 2 == 0 || recovered.get() ? Answer.ok() : Answer.status(503);
        })) {
            Path config = dir.resolve("notify.properties");
            // The killed member holds its partitions until its session times out: the broker's minimum, 6 s.
            // The odd cases' 503s would open the endpoint's breaker and hold the even ones back for its open time: the
            // breaker is WebhookDeliveryIT's subject, not this test's.
            Files.writeString(config, String.join("\n", fx.config(java.util.Map.of("kafka.session.timeout.ms", "6000",
                    "kafka.heartbeat.interval.ms", "1000", "caseflow.notify.breaker.failures", "10000")).asSettings().entrySet().stream()
                    .filter(e -> e.getKey().startsWith("kafka.") || e.getKey().startsWith("caseflow.notify.")
                            || e.getKey().equals("caseflow.topic.prefix"))
                    .map(e -> e.getKey() + "=" + e.getValue().replace("\\", "\\\\")).toList()) + "\n");
            fx.publish(alerts);

            Process first = notifyJvm(config, endpoint.url(), dir.resolve("first.log"));
            try {
                awaitOrShowLog(dir.resolve("first.log"), "the even cases delivered by the first JVM",
                        () -> countDelivered(endpoint, expected) >= CASES * 2);
                assertThat(WebhookDeliveryIT.committedToEnd(fx)).as("offsets stop below the retrying deliveries")
                        .isFalse();
            } finally {
                first.destroyForcibly(); // SIGKILL: no shutdown hook, no commit, no close
                first.waitFor(30, TimeUnit.SECONDS);
            }
            int beforeRestart = endpoint.requests().size();
            recovered.set(true);
            Process second = notifyJvm(config, endpoint.url(), dir.resolve("second.log"));
            try {
                awaitOrShowLog(dir.resolve("second.log"), "every (alert, recipient) delivered after the restart",
                        () -> WebhookDeliveryIT.decoded(endpoint.deliveredKeys()).containsAll(expected));
                Waits.await("offsets committed by the second JVM").until(() -> WebhookDeliveryIT.committedToEnd(fx));
            } finally {
                second.destroy();
                second.waitFor(30, TimeUnit.SECONDS);
                second.destroyForcibly();
            }
            assertThat(WebhookDeliveryIT.decoded(endpoint.deliveredKeys())).isEqualTo(expected);
            // Re-delivered after the kill: an even case delivered by the first JVM behind an odd one on its partition
            // (so its offset was not committed: offsets move only over finished records) came again, same key and body.
            int again = evenCaseBehindAnOddOne();
            List<FlakyEndpoint.Request> tries = endpoint.requests(HttpDelivery.ascii("K-" + again + "/v1/NOTICE/FIRING/judge:J-" + again));
            assertThat(tries.size()).as("K-%d delivered by both JVMs", again).isGreaterThanOrEqualTo(2);
            assertThat(tries.stream().map(r -> new String(r.body(), StandardCharsets.UTF_8)).distinct()).hasSize(1);
            assertThat(endpoint.requests().size()).isGreaterThan(beforeRestart);
        }
    }

    /** The first even case published after an odd case of the same partition (the producer's key hash, 3 partitions). */
    private static int evenCaseBehindAnOddOne() {
        Set<Integer> oddSeen = new java.util.HashSet<>();
        for (int c = 0; c < CASES; c++) {
            int partition = org.apache.kafka.common.utils.Utils.toPositive(
                    org.apache.kafka.common.utils.Utils.murmur2(("K-" + c).getBytes(StandardCharsets.UTF_8))) % 3;
            if (c % 2 == 1) {
                oddSeen.add(partition);
            } else if (oddSeen.contains(partition)) {
                return c;
            }
        }
        throw new AssertionError("no even case behind an odd one");
    }

    /** As {@link Waits#await}, with the child JVM's log in the failure message. */
    private static void awaitOrShowLog(Path log, String what, java.util.function.BooleanSupplier condition) throws Exception {
        try {
            Waits.await(what).until(condition::getAsBoolean);
        } catch (ConditionTimeoutException e) {
            String text = Files.exists(log) ? Files.readString(log) : "(no log)";
            throw new AssertionError(e.getMessage() + "; child log:\n" + text.substring(Math.max(0, text.length() - 4000)), e);
        }
    }

    private static long countDelivered(FlakyEndpoint endpoint, Set<String> expected) {
        Set<String> delivered = WebhookDeliveryIT.decoded(endpoint.deliveredKeys());
        return expected.stream().filter(delivered::contains).count();
    }

    private static Process notifyJvm(Path config, String webhook, Path log) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                "org.caseflow.streams.runtime.cli.CaseflowCli", "notify", "--config", config.toString(), "--webhook", webhook)
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }
}
