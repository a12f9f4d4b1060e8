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
            throw unreachable(servers, timeout, e.getCause());
        } catch (TimeoutException e) {
            throw unreachable(servers, timeout, e);
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
            throw unreachable(servers, timeout, cause);
        }
    }

    /** A timeout means nobody answered; any other failure (authentication, TLS) says what the broker said. */
    static KafkaUnreachableException unreachable(String servers, Duration timeout, Throwable cause) {
        boolean silence = cause instanceof TimeoutException
                || cause instanceof org.apache.kafka.common.errors.TimeoutException;
        String message = silence
                ? String.format(Locale.ROOT, "cannot reach Kafka at %s: no broker answered within %s"
                        + " (check the address and that the cluster is up; wait longer with --connect-timeout or %s)",
                        servers, seconds(timeout), "caseflow.kafka.connect.timeout.ms")
                : "cannot connect to Kafka at " + servers + ": " + cause.getClass().getSimpleName() + ": "
                        + cause.getMessage();
        return new KafkaUnreachableException(servers, message, cause);
    }

    static String seconds(Duration timeout) {
        long millis = timeout.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + " s" : String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }
}
