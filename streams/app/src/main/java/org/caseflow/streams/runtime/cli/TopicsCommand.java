package org.caseflow.streams.runtime.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.admin.Admin;
import org.caseflow.streams.runtime.config.CaseflowConfig;
import org.caseflow.streams.runtime.config.ConfigLoader;
import org.caseflow.streams.runtime.config.InvalidConfigException;
import org.caseflow.streams.runtime.kafka.AdminProps;
import org.caseflow.streams.runtime.kafka.CaseflowAcls;
import org.caseflow.streams.runtime.kafka.KafkaReachability;
import org.caseflow.streams.runtime.kafka.TopicAdmin;
import org.caseflow.streams.runtime.kafka.TopicSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code caseflow topics}: creates the missing Caseflow topics and verifies all of them. */
@Command(name = "topics", mixinStandardHelpOptions = true,
        description = "Create or verify every Caseflow topic with its partitions and configs.")
public final class TopicsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT",
            description = "Kafka cluster (overrides the config file and KAFKA_BOOTSTRAP_SERVERS).")
    String bootstrapServers;

    @Option(names = "--config", paramLabel = "FILE", description = "Properties file (partitions, replication, retention, prefix).")
    Path configFile;

    @Option(names = "--verify-only", description = "Create nothing; exit 1 when a topic is missing or differs.")
    boolean verifyOnly;

    @Option(names = "--grant", paramLabel = "PRINCIPAL",
            description = "Also create the ACLs the app's principal needs (e.g. User:caseflow; docs/security.md, \"Kafka ACLs\")."
                    + " Run as an administrator.")
    List<String> grants = new java.util.ArrayList<>();

    @Mixin
    ConnectTimeoutOption connectTimeout = new ConnectTimeoutOption();

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        CaseflowConfig config;
        try {
            Map<String, String> overrides = new LinkedHashMap<>();
            if (bootstrapServers != null) {
                overrides.put("kafka.bootstrap.servers", bootstrapServers);
            }
            connectTimeout.addTo(overrides);
            config = ConfigLoader.load(configFile, System.getenv(), overrides);
        } catch (InvalidConfigException e) {
            err.println("caseflow topics: " + e.getMessage());
            return CaseflowCli.EXIT_BAD_INPUT;
        }
        for (String principal : grants) {
            if (!principal.matches("[A-Za-z]+:.+")) {
                err.println("caseflow topics: --grant: a principal is TYPE:NAME (User:caseflow), got '" + principal + "'");
                return CaseflowCli.EXIT_BAD_INPUT;
            }
        }
        List<TopicSpec> specs = TopicSpec.all(config);
        KafkaReachability.require(AdminProps.of(config), config.connection().connectTimeout());
        try (Admin admin = Admin.create(AdminProps.of(config))) {
            TopicAdmin topics = new TopicAdmin(admin);
            List<String> problems;
            if (verifyOnly) {
                problems = topics.verify(specs);
            } else {
                TopicAdmin.TopicReport report = topics.ensure(specs);
                report.created().forEach(name -> out.println("created " + name));
                problems = report.problems();
            }
            problems.forEach(problem -> err.println("MISMATCH " + problem));
            for (String principal : grants) {
                var acls = CaseflowAcls.forGrant(config, principal);
                admin.createAcls(acls).all().get(config.connection().connectTimeout().toMillis() + 5_000,
                        java.util.concurrent.TimeUnit.MILLISECONDS);
                out.println("granted " + principal + " " + acls.size() + " ACLs");
            }
            if (problems.isEmpty()) {
                out.println("all " + specs.size() + " topics OK on " + config.bootstrapServers());
                return CaseflowCli.EXIT_OK;
            }
            return CaseflowCli.EXIT_FAILURE;
        }
    }
}
