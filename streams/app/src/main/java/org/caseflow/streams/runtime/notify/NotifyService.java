package org.caseflow.streams.runtime.notify;

import com.sun.net.httpserver.HttpServer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.caseflow.streams.domain.notify.Channel;
import org.caseflow.streams.domain.notify.RecipientRule;
import org.caseflow.streams.domain.notify.RecipientsReader;
import org.caseflow.streams.domain.notify.Routing;
import org.caseflow.streams.domain.seeds.SeedException;
import org.caseflow.streams.domain.seeds.Seeds;
import org.caseflow.streams.runtime.config.CaseflowConfig;
import org.caseflow.streams.runtime.config.DiskSeedFiles;
import org.caseflow.streams.runtime.config.NotifySettings;
import org.caseflow.streams.runtime.metrics.Metrics;
import org.caseflow.streams.topology.Topics;

/**
 * {@code caseflow notify} assembled: seeds and recipients validated, the Kafka consumer and dead-letter producer, the
 * HTTP delivery, and a small HTTP server for {@code /metrics} and {@code /health/live} on
 * {@code caseflow.notify.http.port}. {@link #run()} blocks until {@link #close()} or a failure.
 */
public final class NotifyService implements AutoCloseable {
    private final PrometheusMeterRegistry registry;
    private final KafkaConsumer<String, byte[]> consumer;
    private final KafkaProducer<String, byte[]> producer;
    private final HttpDelivery http;
    private final AckBook acks;
    private final Notifier notifier;
    private final HttpServer server;
    private final AtomicReference<Thread> loop = new AtomicReference<>();

    private NotifyService(CaseflowConfig config, Routing routing, Seeds seeds) throws IOException {
        NotifySettings settings = config.notifications();
        Clock clock = Clock.systemUTC();
        registry = Metrics.newRegistry();
        NotifyMetrics metrics = new NotifyMetrics(registry);
        Map<String, Object> props = new HashMap<>(config.kafka());
        Map<String, Object> consumerProps = new HashMap<>(props);
        consumerProps.put(ConsumerConfig.GROUP_ID_CONFIG, settings.groupId());
        consumerProps.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        consumerProps.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        // A new group starts at the oldest alert kept: at least once also for alerts raised before the first start.
        consumerProps.putIfAbsent(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        consumerProps.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, settings.maxInFlight());
        consumer = new KafkaConsumer<>(consumerProps, new StringDeserializer(), new ByteArrayDeserializer());
        producer = new KafkaProducer<>(NotifyDeadLetters.producerProps(props), new StringSerializer(), new ByteArraySerializer());
        http = new HttpDelivery(settings, metrics, clock);
        Map<String, Object> ackProps = new HashMap<>(props);
        ackProps.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        ackProps.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        Topics topics = new Topics(config.topics());
        acks = new AckBook(ackProps, topics.alertAcks()).start();
        metrics.acknowledgements(acks::size);
        notifier = new Notifier(consumer, topics.deadlineAlerts(), topics.digests(), routing,
                new AlertMessages(new AlertText(seeds.rules())), http,
                new NotifyDeadLetters(producer, topics.notifyDeadLetters().name(), clock), metrics, settings, acks, clock);
        server = HttpServer.create(new InetSocketAddress(settings.httpPort()), 0);
        server.createContext("/metrics", ex -> answer(ex, 200, registry.scrape(), "text/plain; version=0.0.4"));
        server.createContext("/health/live", ex -> answer(ex, 200, "{\"status\":\"UP\"}", "application/json"));
        server.start();
    }

    /** Validates everything first: a bad recipients file or a route to a channel without URL stops here. */
    public static NotifyService create(CaseflowConfig config) throws IOException {
        Seeds seeds = Seeds.load(config.seedsDir(), DiskSeedFiles.INSTANCE);
        return new NotifyService(config, routing(config.notifications(), seeds), seeds);
    }

    static Routing routing(NotifySettings settings, Seeds seeds) {
        if (settings.recipients().isEmpty()) {
            List<Channel> channels = new ArrayList<>();
            settings.webhookUrl().ifPresent(u -> channels.add(Channel.WEBHOOK));
            settings.alertmanagerUrl().ifPresent(u -> channels.add(Channel.ALERTMANAGER));
            if (channels.isEmpty()) {
                throw new IllegalArgumentException("nothing to deliver to: give --webhook URL, --alertmanager URL or "
                        + "caseflow.notify.recipients (with caseflow.notify.webhook.url / .alertmanager.url)");
            }
            return Routing.open(channels);
        }
        Path file = Path.of(settings.recipients().get());
        List<RecipientRule> rules = RecipientsReader.read(file, seeds.courts(), DiskSeedFiles.INSTANCE);
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < rules.size(); i++) {
            RecipientRule r = rules.get(i);
            boolean hasUrl = r.url().isPresent() || (r.channel() == Channel.WEBHOOK ? settings.webhookUrl().isPresent()
                    : settings.alertmanagerUrl().isPresent());
            if (!hasUrl) {
                problems.add(file + ": recipients[" + i + "] (" + r.id() + "): channel " + r.channel()
                        + " has no URL: set url: or caseflow.notify." + (r.channel() == Channel.WEBHOOK ? "webhook" : "alertmanager")
                        + ".url (--" + (r.channel() == Channel.WEBHOOK ? "webhook" : "alertmanager") + ")");
            }
        }
        if (!problems.isEmpty()) {
            throw new SeedException(String.join("\n", problems));
        }
        return Routing.byRules(rules);
    }

    /** The port of /metrics (useful when caseflow.notify.http.port is 0). */
    public int httpPort() {
        return server.getAddress().getPort();
    }

    public PrometheusMeterRegistry registry() {
        return registry;
    }

    /** Delivers until {@link #close()}; a failure (Kafka, a dead letter that cannot be written) ends it with an exception. */
    public void run() {
        loop.set(Thread.currentThread());
        notifier.run();
    }

    @Override
    public void close() {
        notifier.stop();
        Thread t = loop.get();
        if (t != null && t != Thread.currentThread()) {
            try {
                t.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        server.stop(0);
        acks.close();
        http.close();
        producer.close();
        if (t == null) {
            consumer.close();
        }
        registry.close();
    }

    private static void answer(com.sun.net.httpserver.HttpExchange ex, int status, String body, String type) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", type);
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }
}
