package org.caseflow.streams.runtime.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.caseflow.streams.runtime.config.CaseflowConfig;
import org.junit.jupiter.api.Test;

/** The hot-path settings reach the clients Kafka Streams builds, and an operator's {@code kafka.*} setting wins. */
class StreamsPropertiesTest {
    private static StreamsConfig streamsConfig(Map<String, String> settings) {
        Properties p = StreamsProperties.of(CaseflowConfig.of(settings), new SimpleMeterRegistry());
        return new StreamsConfig(p);
    }

    private static Map<String, Object> producerOf(Map<String, String> settings) {
        return streamsConfig(settings).getProducerConfigs("caseflow-test-producer");
    }

    @Test
    void shouldGiveTheProducerLargeBatchesAndTheTransactionTimeout() {
        Map<String, Object> producer = producerOf(Map.of("kafka.bootstrap.servers", "broker:9092"));

        assertThat(producer.get(ProducerConfig.BATCH_SIZE_CONFIG)).isEqualTo(128 * 1024);
        assertThat(producer.get(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG)).isEqualTo(30_000);
    }

    @Test
    void shouldLetTheProducerHoldBatchesForACommitIntervalUnlessAnOperatorSaysOtherwise() {
        StreamsConfig config = streamsConfig(Map.of("kafka.bootstrap.servers", "broker:9092"));
        Map<String, Object> producer = config.getProducerConfigs("caseflow-test-producer");

        // Kafka Streams' own default is 100 ms; records are invisible until the commit, which sends them anyway.
        assertThat(producer.get(ProducerConfig.LINGER_MS_CONFIG))
                .isEqualTo(config.getLong(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG).intValue());
        assertThat(producerOf(Map.of("kafka.bootstrap.servers", "broker:9092", "kafka.producer.linger.ms", "5"))
                .get(ProducerConfig.LINGER_MS_CONFIG)).isEqualTo("5");
    }

    @Test
    void shouldLetAnOperatorsKafkaSettingOverrideTheBatchSize() {
        Map<String, Object> producer = producerOf(Map.of("kafka.bootstrap.servers", "broker:9092",
                "kafka.producer.batch.size", "16384"));

        assertThat(producer.get(ProducerConfig.BATCH_SIZE_CONFIG)).isEqualTo("16384");
    }

    @Test
    void shouldCommitEverySecondAndKeepTheDefaultPollInterval() {
        StreamsConfig config = streamsConfig(Map.of("kafka.bootstrap.servers", "broker:9092"));

        assertThat(config.getLong(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG)).isEqualTo(1_000L);
        assertThat(config.getMainConsumerConfigs("g", "c", 0).get(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG))
                .isEqualTo(300_000);
    }
}
