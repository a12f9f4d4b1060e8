package org.caseflow.streams.runtime.dlq;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;
import org.caseflow.CaseflowException;

/** Every dead letter of the dead-letter topic, read_committed, ordered by partition and offset. */
public final class DeadLetterReader {
    private final Map<String, Object> clientProps;

    /** @param clientProps Kafka client settings (bootstrap servers, security) */
    public DeadLetterReader(Map<String, Object> clientProps) {
        this.clientProps = Map.copyOf(clientProps);
    }

    public List<DeadLetter> readAll(String topic) {
        List<DeadLetter> letters = new ArrayList<>();
        TopicScan.readAll(clientProps, partitions(topic), record -> letters.add(DeadLetter.of(record)));
        letters.sort(Comparator.comparingInt(DeadLetter::partition).thenComparingLong(DeadLetter::offset));
        return letters;
    }

    /** The partitions of {@code topic}; a topic that does not exist is an error worth a clear message. */
    List<TopicPartition> partitions(String topic) {
        try (Admin admin = Admin.create(clientProps)) {
            TopicDescription description = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic);
            return description.partitions().stream().map(p -> new TopicPartition(topic, p.partition())).toList();
        } catch (java.util.concurrent.ExecutionException e) {
            throw new CaseflowException("cannot read topic " + topic + ": " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CaseflowException("interrupted while describing " + topic, e);
        }
    }
}
