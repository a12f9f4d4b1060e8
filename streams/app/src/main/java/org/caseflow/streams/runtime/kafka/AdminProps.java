package org.caseflow.streams.runtime.kafka;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.caseflow.streams.runtime.config.CaseflowConfig;

/** Admin client properties: the pass-through Kafka settings (security included) with short timeouts. */
public final class AdminProps {
    private AdminProps() {
    }

    public static Map<String, Object> of(CaseflowConfig config) {
        Map<String, Object> props = new HashMap<>(config.kafka());
        props.putIfAbsent(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000);
        props.putIfAbsent(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 15_000);
        return props;
    }
}
