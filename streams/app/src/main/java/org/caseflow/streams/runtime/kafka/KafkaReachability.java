package org.caseflow.streams.runtime.kafka;

import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.config.ConfigException;
import org.caseflow.CaseflowException;

/**
 * The first thing every command that talks to Kafka does: one {@code describeCluster} bounded by the connect
 * timeout. Without it an unreachable cluster surfaces late and misleadingly — a producer blaming "missing topics"
 * after its metadata wait, an admin call saying "Timed out waiting for a node assignment" without any address,
 * Kafka Streams rebalancing forever. Here it fails in the given time with a message naming the servers.
 */
public final class KafkaReachability {
    private KafkaReachability() {
    }

    /**
     * @param client Kafka client properties (bootstrap.servers, security settings ...)
     * @return the number of brokers that answered
     * @throws KafkaUnreachableException when no broker answers within {@code timeout}
     * @throws IllegalArgumentException  when the bootstrap address itself is malformed (bad input)
     */
    public static int require(Map<String, ?> client, Duration timeout) {
        String servers = String.valueOf(client.get(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG));
        Admin admin = create(client, timeout, servers);
        try {
            return admin.describeCluster(new DescribeClusterOptions().timeoutMs((int) timeout.toMillis()))
                    .nodes().get(timeout.toMillis() + 1_000, TimeUnit.MILLISECONDS).size();
        } catch (ExecutionException e) {
            throw unreachable(servers, timeout, e.getCause(), client);
        } catch (TimeoutException e) {
            throw unreachable(servers, timeout, e, client);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CaseflowException("interrupted while connecting to Kafka at " + servers, e);
        } finally {
            // Closing waits for pending calls by default; there is nothing worth waiting for.
            admin.close(Duration.ZERO);
        }
    }

    private static Admin create(Map<String, ?> client, Duration timeout, String servers) {
        Map<String, Object> props = new HashMap<>(client);
        int millis = (int) timeout.toMillis();
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, millis);
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, millis);
        try {
            return Admin.create(props);
        } catch (KafkaException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            if (cause instanceof ConfigException bad && bad.getMessage().contains("No resolvable bootstrap urls")) {
                throw new KafkaUnreachableException(servers, "cannot reach Kafka at " + servers
                        + ": no bootstrap server name resolves (kafka.bootstrap.servers)", e);
            }
            if (cause instanceof ConfigException bad) {
                throw new IllegalArgumentException("kafka.bootstrap.servers: " + bad.getMessage()
                        + " (expected HOST:PORT[,HOST:PORT...])", bad);
            }
            throw unreachable(servers, timeout, cause, client);
        }
    }

    static KafkaUnreachableException unreachable(String servers, Duration timeout, Throwable cause) {
        return unreachable(servers, timeout, cause, Map.of());
    }

    /**
     * A timeout means nobody answered (or a listener that speaks another protocol: a TLS client on a plain listener and
     * the reverse both end in silence, so the message says which to check); a refused login or a failed TLS handshake
     * says so, with the settings involved. Never a credential: the broker's messages carry none.
     */
    static KafkaUnreachableException unreachable(String servers, Duration timeout, Throwable cause, Map<String, ?> client) {
        boolean silence = cause instanceof TimeoutException
                || cause instanceof org.apache.kafka.common.errors.TimeoutException;
        String protocol = String.valueOf(client.containsKey("security.protocol") ? client.get("security.protocol") : "PLAINTEXT")
                .toUpperCase(Locale.ROOT);
        String message;
        if (silence) {
            String mismatch = protocol.contains("SSL")
                    ? "; security.protocol is " + protocol + ": a listener without TLS on that port looks the same"
                    : "; security.protocol is " + protocol + ": a listener that requires TLS or SASL looks the same"
                            + " (set kafka.security.protocol, docs/security.md)";
            message = String.format(Locale.ROOT, "cannot reach Kafka at %s: no broker answered within %s"
                    + " (check the address and that the cluster is up%s; wait longer with --connect-timeout or %s)",
                    servers, seconds(timeout), mismatch, "caseflow.kafka.connect.timeout.ms");
        } else if (cause instanceof org.apache.kafka.common.errors.SaslAuthenticationException) {
            message = "Kafka at " + servers + " refused the SASL login (" + client.get("sasl.mechanism")
                    + "; check caseflow.kafka.sasl.username and caseflow.kafka.sasl.password): " + cause.getMessage();
        } else if (cause instanceof org.apache.kafka.common.errors.SslAuthenticationException) {
            message = "TLS handshake with Kafka at " + servers + " failed (check that kafka.ssl.truststore.location trusts the"
                    + " broker's certificate and that the certificate names the host you connect to; with mutual TLS, that"
                    + " kafka.ssl.keystore.location holds a certificate the broker trusts): " + rootMessage(cause);
        } else {
            message = "cannot connect to Kafka at " + servers + ": " + cause.getClass().getSimpleName() + ": "
                    + cause.getMessage();
        }
        return new KafkaUnreachableException(servers, message, cause);
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == e ? String.valueOf(e.getMessage()) : e.getMessage() + " (" + root.getMessage() + ")";
    }

    static String seconds(Duration timeout) {
        long millis = timeout.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + " s" : String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }
}
