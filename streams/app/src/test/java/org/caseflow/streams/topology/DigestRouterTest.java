package org.caseflow.streams.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.MockProcessorContext.CapturedForward;
import org.apache.kafka.streams.processor.api.Record;
import org.caseflow.events.AlertLevel;
import org.caseflow.events.AlertStatus;
import org.caseflow.events.DeadlineAlert;
import org.caseflow.streams.runtime.notify.NotifyFixture;
import org.junit.jupiter.api.Test;

/**
 * The digest router batches what one call of the case processor routed: one feed record per recipient, items in the
 * order raised, at most {@link DigestRouter#BATCH_ITEMS} each (a storm's step must not exceed Kafka's record size).
 */
class DigestRouterTest {
    @Test
    void shouldSendOneFeedRecordPerRecipientAndSplitLongBatches() {
        MockProcessorContext<String, DigestFeed> context = new MockProcessorContext<>();
        DigestRouter router = new DigestRouter();
        router.init(context);
        List<DigestRoute> routes = new ArrayList<>();
        int n = 2 * DigestRouter.BATCH_ITEMS + 1;
        for (int i = 0; i < n; i++) {
            DeadlineAlert alert = NotifyFixture.alert("(2025)湘0211民初" + i + "号", AlertLevel.NOTICE, AlertStatus.FIRING,
                    List.of("judge:J-1"));
            routes.add(DigestRoute.alert(alert, List.of(), 1_000L + i));
        }
        router.process(new Record<>(null, new DigestRoutes(routes), 1_000L + n));

        List<CapturedForward<? extends String, ? extends DigestFeed>> sent = context.forwarded();
        assertThat(sent).extracting(f -> (String) f.record().key()).containsExactly("judge:J-1", "judge:J-1", "judge:J-1",
                "court:湘0211", "court:湘0211", "court:湘0211");
        assertThat(sent).extracting(f -> f.record().value().items().size())
                .containsExactly(500, 500, 1, 500, 500, 1);
        List<String> judgeCases = sent.subList(0, 3).stream()
                .flatMap(f -> f.record().value().items().stream()).map(DigestFeed::caseId).toList();
        assertThat(judgeCases).hasSize(n).first().isEqualTo("(2025)湘0211民初0号");
        assertThat(judgeCases.get(n - 1)).isEqualTo("(2025)湘0211民初" + (n - 1) + "号");
        assertThat(sent.get(0).record().value().items().get(7).at()).isEqualTo(1_007L);
    }

    @Test
    void shouldTakeAResolutionAlsoToWhereItsAlertFired() {
        MockProcessorContext<String, DigestFeed> context = new MockProcessorContext<>();
        DigestRouter router = new DigestRouter();
        router.init(context);
        DeadlineAlert resolved = NotifyFixture.alert("(2025)湘0211民初1号", AlertLevel.WARNING, AlertStatus.RESOLVED,
                List.of("judge:J-2"));
        router.process(new Record<>(null, new DigestRoutes(List.of(DigestRoute.alert(resolved, List.of("judge:J-1"),
                5L))), 5L));
        assertThat(context.forwarded()).extracting(f -> (String) f.record().key())
                .containsExactly("judge:J-2", "judge:J-1", "court:湘0211");
    }
}
