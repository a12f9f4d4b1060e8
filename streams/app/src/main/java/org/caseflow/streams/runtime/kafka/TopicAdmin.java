package org.caseflow.streams.runtime.kafka;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.TopicExistsException;
import org.caseflow.CaseflowException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates missing Caseflow topics and verifies existing ones against their {@link TopicSpec}. Never
 * changes an existing topic: a partition count or config that differs is reported, because changing
 * the partitions of a keyed topic moves keys away from their state.
 */
public final class TopicAdmin {
    private static final Logger LOG = LoggerFactory.getLogger(TopicAdmin.class);

    private final Admin admin;

    public TopicAdmin(Admin admin) {
        this.admin = admin;
    }

    /** Creates the missing topics (idempotent; a concurrent creator is fine), then verifies all. */
    public TopicReport ensure(Collection<TopicSpec> specs) {
        List<String> existing = existing();
        List<NewTopic> missing = specs.stream().filter(s -> !existing.contains(s.name()))
                .map(s -> new NewTopic(s.name(), Optional.of(s.partitions()), s.replicationFactor())
                        .configs(s.configs()))
                .toList();
        List<String> created = new ArrayList<>();
        if (!missing.isEmpty()) {
            admin.createTopics(missing).values().forEach((name, future) -> {
                try {
                    future.get();
                    created.add(name);
                    LOG.info("created topic {}", name);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new CaseflowException("cannot create topic " + name + ": " + e.getCause().getMessage(), e);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new CaseflowException("interrupted while creating topics", e);
                }
            });
        }
        awaitVisible(created);
        return new TopicReport(created, verify(specs));
    }

    /**
     * A created topic reaches the brokers' metadata a moment after the controller accepted it, and its partitions
     * get leaders a moment later still: an idempotent producer that writes before then sees NOT_LEADER_OR_FOLLOWER
     * and may then be refused with OutOfOrderSequenceException on its retry. Wait for both.
     */
    private void awaitVisible(List<String> created) {
        long deadline = System.currentTimeMillis() + 30_000;
        while (!(existing().containsAll(created) && haveLeaders(created)) && System.currentTimeMillis() < deadline) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CaseflowException("interrupted while waiting for new topics", e);
            }
        }
    }

    private boolean haveLeaders(List<String> topics) {
        if (topics.isEmpty()) {
            return true;
        }
        try {
            return admin.describeTopics(topics).allTopicNames().get().values().stream()
                    .allMatch(d -> d.partitions().stream().allMatch(p -> p.leader() != null && !p.leader().isEmpty()));
        } catch (ExecutionException e) {
            return false; // not known everywhere yet: ask again
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CaseflowException("interrupted while waiting for partition leaders", e);
        }
    }

    /** Lists every difference between the cluster and the specs; empty when all topics are as wanted. */
    public List<String> verify(Collection<TopicSpec> specs) {
        List<String> existing = existing();
        List<String> problems = new ArrayList<>();
        List<String> present = specs.stream().map(TopicSpec::name).filter(existing::contains).toList();
        specs.stream().filter(s -> !existing.contains(s.name()))
                .forEach(s -> problems.add(s.name() + ": missing"));
        if (present.isEmpty()) {
            return problems;
        }
        Map<String, TopicDescription> descriptions = get(() -> admin.describeTopics(present).allTopicNames().get());
        Map<ConfigResource, Config> configs = get(() -> admin.describeConfigs(present.stream()
                .map(n -> new ConfigResource(ConfigResource.Type.TOPIC, n)).toList()).all().get());
        for (TopicSpec spec : specs) {
            TopicDescription description = descriptions.get(spec.name());
            if (description == null) {
                continue;
            }
            int partitions = description.partitions().size();
            if (partitions != spec.partitions()) {
                problems.add(spec.name() + ": has " + partitions + " partitions, expected " + spec.partitions());
            }
            spec.replicationFactor().ifPresent(rf -> {
                int actual = description.partitions().get(0).replicas().size();
                if (actual != rf) {
                    problems.add(spec.name() + ": replication factor " + actual + ", expected " + rf);
                }
            });
            Config config = configs.get(new ConfigResource(ConfigResource.Type.TOPIC, spec.name()));
            spec.configs().forEach((key, wanted) -> {
                ConfigEntry entry = config.get(key);
                String actual = entry == null ? null : entry.value();
                if (!wanted.equals(actual)) {
                    problems.add(spec.name() + ": " + key + "=" + actual + ", expected " + wanted);
                }
            });
        }
        return problems;
    }

    private List<String> existing() {
        return get(() -> admin.listTopics().names().get()).stream().sorted().collect(Collectors.toList());
    }

    private interface Call<T> {
        T call() throws InterruptedException, ExecutionException;
    }

    private static <T> T get(Call<T> call) {
        try {
            return call.call();
        } catch (ExecutionException e) {
            throw new CaseflowException("Kafka admin request failed: " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CaseflowException("interrupted while talking to Kafka", e);
        }
    }

    /** What {@link #ensure} did: topics it created and the mismatches it found. */
    public record TopicReport(List<String> created, List<String> problems) {
        public TopicReport {
            created = List.copyOf(created);
            problems = List.copyOf(problems);
        }

        public boolean ok() {
            return problems.isEmpty();
        }
    }
}
