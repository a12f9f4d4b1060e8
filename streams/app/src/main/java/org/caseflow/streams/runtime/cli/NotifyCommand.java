package org.caseflow.streams.runtime.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.caseflow.streams.runtime.config.CaseflowConfig;
import org.caseflow.streams.runtime.config.ConfigKeys;
import org.caseflow.streams.runtime.config.ConfigLoader;
import org.caseflow.streams.runtime.config.InvalidConfigException;
import org.caseflow.streams.runtime.kafka.AdminProps;
import org.caseflow.streams.runtime.kafka.KafkaReachability;
import org.caseflow.streams.runtime.notify.NotifyService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code caseflow notify}: delivers deadline alerts to downstream services (DESIGN.md section 9), a separate process
 * with its own consumer group so it scales apart from the streams app. At least once: offsets are committed after
 * delivery. SIGTERM closes it; whatever was being delivered is delivered again by the next start, with the same key.
 */
@Command(name = "notify", mixinStandardHelpOptions = true,
        description = "Deliver deadline alerts to recipients by webhook and/or Prometheus Alertmanager.",
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"1:Kafka unreachable at start, or a failure while delivering (offsets stay below it)",
            "2:bad configuration or recipients file", "143:after SIGTERM"})
public final class NotifyCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--config", paramLabel = "FILE",
            description = "Properties file (caseflow.* and kafka.* keys); CASEFLOW_*/KAFKA_* env vars override it.")
    Path configFile;

    @Option(names = "--webhook", paramLabel = "URL", description = "Webhook endpoint (caseflow.notify.webhook.url). "
            + "Without a recipients file every role of every alert is sent there.")
    String webhook;

    @Option(names = "--alertmanager", paramLabel = "URL",
            description = "Alertmanager base URL, e.g. http://localhost:9093 (caseflow.notify.alertmanager.url).")
    String alertmanager;

    @Option(names = "--recipients", paramLabel = "FILE",
            description = "Recipients file (caseflow.notify.recipients), e.g. seeds/notify/recipients.yaml.")
    Path recipients;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        Map<String, String> overrides = new LinkedHashMap<>();
        if (webhook != null) {
            overrides.put(ConfigKeys.NOTIFY_WEBHOOK_URL, webhook);
        }
        if (alertmanager != null) {
            overrides.put(ConfigKeys.NOTIFY_ALERTMANAGER_URL, alertmanager);
        }
        if (recipients != null) {
            overrides.put(ConfigKeys.NOTIFY_RECIPIENTS, recipients.toString());
        }
        CaseflowConfig config;
        try {
            config = ConfigLoader.load(configFile, System.getenv(), overrides);
        } catch (InvalidConfigException e) {
            err.println("caseflow notify: " + e.getMessage());
            return CaseflowCli.EXIT_BAD_INPUT;
        }
        KafkaReachability.require(AdminProps.of(config), config.connection().connectTimeout());
        try (NotifyService service = NotifyService.create(config)) {
            Runtime.getRuntime().addShutdownHook(new Thread(service::close, "caseflow-notify-shutdown"));
            err.println("caseflow notify: delivering; metrics on http://localhost:" + service.httpPort() + "/metrics");
            err.flush();
            service.run();
            return CaseflowCli.EXIT_OK;
        }
    }
}
