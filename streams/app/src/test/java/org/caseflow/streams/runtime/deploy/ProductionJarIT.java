package org.caseflow.streams.runtime.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The production jar (the app module's, copied by deploy/Dockerfile) as built by {@code package}: every production
 * command, and none of the demo — no Kafka broker, no Scala, no simulator or benchmark (issue 14).
 * Runs under Failsafe, after the jar is built.
 */
@Tag("integration")
class ProductionJarIT {
    private static final Path JAR = Path.of("streams/app/target/caseflow-app.jar");

    @Test
    void shouldShipTheApplicationWithoutABrokerScalaOrTheDemo() throws IOException {
        assertThat(JAR).exists();
        try (JarFile jar = new JarFile(JAR.toFile())) {
            List<String> names = jar.stream().map(ZipEntry::getName).toList();
            assertThat(names).contains("org/caseflow/streams/runtime/cli/CaseflowCli.class",
                    "org/caseflow/streams/topology/CaseflowTopology.class",
                    "org/caseflow/streams/domain/cases/CaseEngine.class");
            assertThat(names).as("no Scala").noneMatch(n -> n.startsWith("scala/"));
            assertThat(names).as("no broker").doesNotContain("kafka/server/KafkaRaftServer.class", "kafka/Kafka.class");
            assertThat(names).as("no embedded broker, simulator or benchmark").noneMatch(n ->
                    n.startsWith("org/caseflow/streams/runtime/simulator/")
                            || n.startsWith("org/caseflow/streams/runtime/bench/")
                            || n.equals("org/caseflow/streams/runtime/kafka/EmbeddedKafka.class"));
            assertThat(jar.getManifest().getMainAttributes().getValue("Main-Class"))
                    .isEqualTo("org.caseflow.streams.runtime.cli.CaseflowCli");
        }
    }

    @Test
    void shouldListTheProductionCommandsAndNotTheDemoOnes() throws Exception {
        Path out = Files.createTempFile("caseflow-app-help", ".txt");
        Process help = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", JAR.toString(), "--help")
                .redirectErrorStream(true).redirectOutput(out.toFile()).start();
        assertThat(help.waitFor(2, TimeUnit.MINUTES)).as("caseflow-app --help ends").isTrue();
        String text = Files.readString(out, StandardCharsets.UTF_8);
        Files.deleteIfExists(out);
        assertThat(help.exitValue()).as(text).isZero();
        assertThat(text).contains("run", "replay", "produce", "topics", "notify", "reference", "report");
        assertThat(text.lines().map(String::strip))
                .as("demo, simulate and bench come only with the demo module")
                .noneMatch(l -> l.startsWith("demo ") || l.startsWith("simulate ") || l.startsWith("bench "));
    }
}
