package org.caseflow.streams.runtime.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.DescribeConsumerGroupsOptions;
import org.apache.kafka.clients.admin.DescribeTopicsOptions;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.GroupIdNotFoundException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.errors.TransactionalIdAuthorizationException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.caseflow.CaseflowException;
import org.caseflow.streams.runtime.config.CaseflowConfig;
import org.caseflow.streams.runtime.config.ConfigKeys;

/**
 * What {@code caseflow run} checks once Kafka answers and before Kafka Streams starts: that the app's principal holds
 * the ACLs of {@link CaseflowAcls} on the existing topics, its group and its transactional ids. Without the check a
 * missing ACL surfaces later as a stream thread dying on an authorization error, repeated at every thread replacement;
 * with it, {@code run} exits at once listing every missing grant.
 */
public final class KafkaAccessCheck {
    private KafkaAccessCheck() {
    }

    /** Thrown with every missing grant or topic, one per line. */
    public static final class AccessDenied extends CaseflowException {
        AccessDenied(String message) {
            super(message);
        }
    }

    public static void require(CaseflowConfig config) {
        List<String> missing = new ArrayList<>();
        Duration timeout = config.connection().connectTimeout();
        try (Admin admin = Admin.create(AdminProps.of(config))) {
            checkTopics(admin, config, timeout, missing);
            checkGroup(admin, config.streams().applicationId(), timeout, missing);
        }
        checkTransactionalId(config, timeout, missing);
        if (!missing.isEmpty()) {
            throw new AccessDenied("Kafka principal " + principal(config) + " may not do what Caseflow needs"
                    + " (the ACL set is in docs/security.md, \"Kafka ACLs\"):\n  " + String.join("\n  ", missing));
        }
    }

    private static void checkTopics(Admin admin, CaseflowConfig config, Duration timeout, List<String> missing) {
        Map<String, KafkaFuture<TopicDescription>> topics = admin.describeTopics(config.topics().names().all(),
                new DescribeTopicsOptions().includeAuthorizedOperations(true)).topicNameValues();
        for (String topic : config.topics().names().all()) {
            boolean input = config.topics().names().readOnly().contains(topic);
            try {
                Set<AclOperation> ops = get(topics.get(topic), timeout).authorizedOperations();
                if (ops == null || ops.contains(AclOperation.ALL)) {
                    continue; // a broker that does not say (or allows everything)
                }
                if (!ops.contains(AclOperation.READ)) {
                    missing.add("READ on topic " + topic);
                }
                if (!input && !ops.contains(AclOperation.WRITE)) {
                    missing.add("WRITE on topic " + topic);
                }
            } catch (ExecutionException e) {
                if (e.getCause() instanceof TopicAuthorizationException) {
                    missing.add((input ? "READ" : "READ and WRITE") + " on topic " + topic + " (not even DESCRIBE)");
                } else if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                    missing.add("topic " + topic + " does not exist (an administrator runs 'caseflow topics')");
                } else {
                    missing.add("topic " + topic + ": " + e.getCause());
                }
            }
        }
    }

    private static void checkGroup(Admin admin, String group, Duration timeout, List<String> missing) {
        try {
            ConsumerGroupDescription description = get(admin.describeConsumerGroups(List.of(group),
                    new DescribeConsumerGroupsOptions().includeAuthorizedOperations(true)).describedGroups().get(group), timeout);
            Set<AclOperation> ops = description.authorizedOperations();
            if (ops != null && !ops.contains(AclOperation.ALL) && !ops.contains(AclOperation.READ)) {
                missing.add("READ on group " + group);
            }
        } catch (ExecutionException e) {
            if (e.getCause() instanceof GroupAuthorizationException) {
                missing.add("READ on group " + group);
            } else if (!(e.getCause() instanceof GroupIdNotFoundException)) {
                missing.add("group " + group + ": " + e.getCause());
            }
        }
    }

    /** Transactions start with InitProducerId, which needs WRITE on the transactional id: ask for one id of the prefix. */
    private static void checkTransactionalId(CaseflowConfig config, Duration timeout, List<String> missing) {
        Map<String, Object> props = new HashMap<>(config.kafka());
        props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, config.streams().applicationId() + "-access-check");
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) timeout.toMillis());
        props.put(ProducerConfig.CLIENT_ID_CONFIG, config.streams().applicationId() + "-access-check");
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(props, new ByteArraySerializer(),
                new ByteArraySerializer())) {
            producer.initTransactions();
        } catch (TransactionalIdAuthorizationException e) {
            missing.add("WRITE on transactional ids prefixed '" + config.streams().applicationId() + "'");
        } catch (org.apache.kafka.common.KafkaException e) {
            missing.add("transactions: " + e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private static <T> T get(KafkaFuture<T> future, Duration timeout) throws ExecutionException {
        try {
            return future.get(timeout.toMillis() + 1_000, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new ExecutionException(new org.apache.kafka.common.errors.TimeoutException("no answer within " + timeout));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CaseflowException("interrupted while checking Kafka ACLs", e);
        }
    }

    private static String principal(CaseflowConfig config) {
        String jaas = config.kafka().getOrDefault("sasl.jaas.config", "");
        int at = jaas.indexOf("username=\"");
        if (at >= 0) {
            int end = jaas.indexOf('"', at + 10);
            return "User:" + jaas.substring(at + 10, end < 0 ? jaas.length() : end);
        }
        return "of this client (" + ConfigKeys.KAFKA_SASL_USERNAME + " not set)";
    }
}
