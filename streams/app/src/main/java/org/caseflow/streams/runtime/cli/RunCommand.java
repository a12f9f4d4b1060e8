package org.caseflow.streams.runtime.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import org.caseflow.streams.runtime.app.CaseflowRuntime;
import org.caseflow.streams.runtime.app.CompositionRoot;
import org.caseflow.streams.runtime.config.CaseflowConfig;
import org.caseflow.streams.runtime.config.ConfigLoader;
import org.caseflow.streams.runtime.config.InvalidConfigException;
import org.caseflow.streams.runtime.http.auth.HttpAuth;
import org.caseflow.streams.runtime.http.tls.ServerTls;
import org.caseflow.streams.runtime.kafka.AdminProps;
import org.caseflow.streams.runtime.kafka.KafkaAccessCheck;
import org.caseflow.streams.runtime.kafka.KafkaReachability;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code caseflow run}: production mode against an existing cluster. Configuration = defaults → file →
 * environment, validated before anything starts; then the cluster must answer within
 * caseflow.kafka.connect.timeout.ms. SIGTERM (the JVM shutdown hook) closes gracefully; Kafka Streams stopping by
 * itself, or Kafka unreachable for longer than caseflow.kafka.unreachable.timeout.ms, ends the run with status 1.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run the streams app and HTTP server against an existing Kafka cluster.",
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"1:Kafka unreachable at start, refusing the login or TLS, missing ACLs (caseflow.kafka.connect.timeout.ms) or for longer than "
                + "caseflow.kafka.unreachable.timeout.ms while running, or Kafka Streams stopped by itself",
            "2:bad configuration (no API tokens without caseflow.http.auth=none included)", "143:after SIGTERM, once closed cleanly"})
public final class RunCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--config", paramLabel = "FILE",
            description = "Properties file (caseflow.* and kafka.* keys); CASEFLOW_*/KAFKA_* env vars override it.")
    Path configFile;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter err = spec.commandLine().getErr();
        CaseflowConfig config;
        CompositionRoot root;
        try {
            config = ConfigLoader.load(configFile, System.getenv());
            root = CompositionRoot.of(config); // the one load of the seeds: the tokens' courts and the topology's
            HttpAuth.check(config, root.seeds().courts(), Clock.systemUTC());
            if (config.http().security().tls()) {
                ServerTls.load(config.http().security()); // a wrong password or file is refused before Kafka is asked
            }
        } catch (InvalidConfigException e) {
            err.println("caseflow run: " + e.getMessage());
            return CaseflowCli.EXIT_BAD_INPUT;
        }
        // Without this Kafka Streams would sit in REBALANCING, retrying an unreachable cluster forever.
        KafkaReachability.require(AdminProps.of(config), config.connection().connectTimeout());
        try {
            KafkaAccessCheck.require(config);
        } catch (KafkaAccessCheck.AccessDenied e) {
            err.println("caseflow run: " + e.getMessage());
            return CaseflowCli.EXIT_FAILURE;
        }
        try (CaseflowRuntime runtime = CaseflowRuntime.start(root)) {
            Thread hook = new Thread(runtime::close, "caseflow-shutdown");
            Runtime.getRuntime().addShutdownHook(hook);
            // Returns when the instance cannot go on; SIGTERM ends the JVM via the hook (and lands here too).
            String why = runtime.app().awaitFailure();
            if (runtime.closing()) {
                return CaseflowCli.EXIT_OK;
            }
            err.println("caseflow run: " + why);
            err.flush();
            return CaseflowCli.EXIT_FAILURE;
        }
    }
}
