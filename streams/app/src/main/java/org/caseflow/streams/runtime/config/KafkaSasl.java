package org.caseflow.streams.runtime.config;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Kafka authentication from Caseflow keys, so the password can come from a file or a variable of its own
 * ({@code CASEFLOW_KAFKA_SASL_PASSWORD_FILE}) instead of a JAAS line: {@code caseflow.kafka.sasl.username} and
 * {@code .password} become {@code sasl.jaas.config} for SCRAM ({@code caseflow.kafka.sasl.mechanism}, default
 * SCRAM-SHA-512), with {@code security.protocol=SASL_SSL} unless set otherwise. Explicit {@code kafka.*} properties win.
 * TLS (truststore, and a key store for mutual TLS) is set with the {@code kafka.ssl.*} properties. The JAAS line carries
 * the password: Kafka's own configuration logs show it as [hidden], and Caseflow never logs its Kafka properties.
 */
final class KafkaSasl {
    static final List<String> MECHANISMS = List.of("SCRAM-SHA-512", "SCRAM-SHA-256");

    private KafkaSasl() {
    }

    static void apply(Map<String, String> values, Map<String, String> kafka, List<String> problems) {
        String user = values.getOrDefault(ConfigKeys.KAFKA_SASL_USERNAME, "").trim();
        String password = values.getOrDefault(ConfigKeys.KAFKA_SASL_PASSWORD, "");
        String mechanism = values.getOrDefault(ConfigKeys.KAFKA_SASL_MECHANISM, MECHANISMS.get(0)).trim().toUpperCase(Locale.ROOT);
        if (user.isEmpty()) {
            if (!password.isEmpty()) {
                problems.add(ConfigKeys.KAFKA_SASL_PASSWORD + ": set without " + ConfigKeys.KAFKA_SASL_USERNAME);
            }
            return;
        }
        if (password.isEmpty()) {
            problems.add(ConfigKeys.KAFKA_SASL_PASSWORD + ": required with " + ConfigKeys.KAFKA_SASL_USERNAME
                    + " (from a file: CASEFLOW_KAFKA_SASL_PASSWORD_FILE)");
            return;
        }
        kafka.putIfAbsent("security.protocol", "SASL_SSL");
        kafka.putIfAbsent("sasl.mechanism", mechanism);
        kafka.putIfAbsent("sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required username=\""
                + escape(user) + "\" password=\"" + escape(password) + "\";");
    }

    private static String escape(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    /** For {@link CaseflowConfig#describe}: protocol and mechanism, never a credential. */
    static String describe(Map<String, String> kafka) {
        String protocol = kafka.getOrDefault("security.protocol", "PLAINTEXT");
        String mechanism = kafka.get("sasl.mechanism");
        boolean mutualTls = kafka.containsKey("ssl.keystore.location") || kafka.containsKey("ssl.keystore.key");
        return protocol + (protocol.startsWith("SASL") && mechanism != null ? "/" + mechanism : "")
                + (mutualTls ? "+mTLS" : "");
    }
}
