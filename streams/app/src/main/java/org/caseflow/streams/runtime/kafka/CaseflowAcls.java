package org.caseflow.streams.runtime.kafka;

import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.caseflow.streams.runtime.config.CaseflowConfig;
import org.caseflow.streams.topology.TopicNames;

/**
 * The Kafka ACLs the app's principal needs, and nothing more (docs/security.md, "Kafka ACLs"): READ on the input topics;
 * READ and WRITE on Caseflow's own topics (it reads back links, facts, deltas and alerts); DESCRIBE_CONFIGS on both
 * (to verify them at start); ALL on the topics prefixed
 * with the application id (Kafka Streams' changelog and repartition topics, which it creates, trims and deletes); READ
 * on the consumer group (the application id); WRITE on the transactional ids prefixed with the application id (exactly
 * once). READ and WRITE imply DESCRIBE. Creating Caseflow's topics ({@code caseflow topics}) is an administrator's job
 * with its own principal. The integration test runs the app with exactly these.
 */
public final class CaseflowAcls {
    private CaseflowAcls() {
    }

    /** @param principal e.g. {@code User:caseflow} */
    public static List<AclBinding> forApp(CaseflowConfig config, String principal) {
        TopicNames topics = config.topics().names();
        String app = config.streams().applicationId();
        List<AclBinding> acls = new ArrayList<>();
        for (String topic : topics.all()) {
            // Reference data is published by an operator (caseflow reference publish); the app only reads it.
            boolean input = topics.readOnly().contains(topic);
            acls.add(allow(ResourceType.TOPIC, topic, PatternType.LITERAL, AclOperation.READ, principal));
            // caseflow topics --verify-only (the Kubernetes init container) compares the topics' configs.
            acls.add(allow(ResourceType.TOPIC, topic, PatternType.LITERAL, AclOperation.DESCRIBE_CONFIGS, principal));
            if (!input) {
                acls.add(allow(ResourceType.TOPIC, topic, PatternType.LITERAL, AclOperation.WRITE, principal));
            }
        }
        acls.add(allow(ResourceType.TOPIC, app + "-", PatternType.PREFIXED, AclOperation.ALL, principal));
        acls.add(allow(ResourceType.GROUP, app, PatternType.LITERAL, AclOperation.READ, principal));
        acls.add(allow(ResourceType.TRANSACTIONAL_ID, app, PatternType.PREFIXED, AclOperation.WRITE, principal));
        return acls;
    }

    /**
     * What {@code caseflow topics --grant} creates: the app's set and READ on the consumer group of
     * {@code caseflow notify} ({@code caseflow.notify.group.id}), so that notify may log in as the same user (the
     * compose SASL overlay does): of the topics it needs only what the app's set already holds (READ on the alerts and
     * acknowledgements, WRITE on its dead letters). {@link #forApp} stays the set {@code caseflow run} checks.
     */
    public static List<AclBinding> forGrant(CaseflowConfig config, String principal) {
        List<AclBinding> acls = new ArrayList<>(forApp(config, principal));
        acls.add(allow(ResourceType.GROUP, config.notifications().groupId(), PatternType.LITERAL, AclOperation.READ,
                principal));
        return acls;
    }

    private static AclBinding allow(ResourceType type, String name, PatternType pattern, AclOperation op, String principal) {
        return new AclBinding(new ResourcePattern(type, name, pattern),
                new AccessControlEntry(principal, "*", op, AclPermissionType.ALLOW));
    }
}
