package org.caseflow.streams.runtime.kafka;

/**
 * One embedded broker for all integration test classes of a test JVM (starting one costs seconds);
 * tests keep apart with their own topic prefixes and application ids. Closed at JVM exit.
 */
public final class SharedKafka {
    private static EmbeddedKafka kafka;

    private SharedKafka() {
    }

    public static synchronized EmbeddedKafka get() {
        if (kafka == null) {
            kafka = EmbeddedKafka.start(null);
            System.out.println("Embedded broker start: " + kafka.startMillis() + " ms");
            Runtime.getRuntime().addShutdownHook(new Thread(kafka::close, "shared-kafka-stop"));
        }
        return kafka;
    }
}
