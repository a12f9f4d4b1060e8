package org.caseflow.streams.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.caseflow.streams.domain.seeds.TestSeeds;
import org.junit.jupiter.api.Test;

/**
 * Golden test of {@code describe()}: renaming a source, processor, store or topic changes the
 * changelog and internal topic names of a running deployment, so it must be deliberate. To accept
 * a deliberate change: {@code mvn -pl streams test -Dtest=TopologyDescriptionTest -Dgolden.update=true}.
 */
class TopologyDescriptionTest {
    static final Path GOLDEN = Path.of("streams/topology/src/test/resources/golden/topology-describe.txt");

    @Test
    void shouldKeepEveryNameOfTheTopology() throws IOException {
        String described = CaseflowTopology.build(TopologySettings.defaults(), TestSeeds.load(Path.of("seeds")),
                new SimpleMeterRegistry()).describe().toString();
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(GOLDEN, described, StandardCharsets.UTF_8);
        }
        assertThat(described).isEqualTo(Files.readString(GOLDEN, StandardCharsets.UTF_8));
        assertThat(described).contains(StoreNames.CASES, StoreNames.DUE_INDEX, Names.CASE_PROCESSOR,
                Names.LINK_PROCESSOR);
    }
}
