package org.caseflow.streams.domain.cases;

import org.caseflow.streams.domain.courts.CourtId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.caseflow.streams.domain.cases.TestEvents.at;
import static org.caseflow.streams.domain.cases.TestEvents.filed;
import static org.caseflow.streams.domain.cases.TestEvents.midnight;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.caseflow.events.CaseEvent;
import org.caseflow.events.DeadlineAlert;
import org.caseflow.events.Procedure;
import org.caseflow.streams.domain.seeds.Seeds;
import org.caseflow.streams.domain.seeds.TestSeeds;
import org.junit.jupiter.api.Test;

/**
 * The engine settings an operator can change ({@code caseflow.engine.*}, DESIGN §5): the OVERDUE reminder interval,
 * when the higher court hears of an overdue case, and the zone of a court the registry does not know. The defaults
 * are DESIGN §5's (7 days, 30 days, Asia/Shanghai); other values move exactly what they say and nothing else.
 */
class EngineSettingsTest {
    static final Seeds SEEDS = TestSeeds.load(Path.of("seeds"));
    static final String CASE = "(2025)湘0211民初1号";
    static final LocalDate FILED = LocalDate.of(2025, 3, 3);
    // CPL 164: a civil summary case is tried within 3 months of filing: 2025-03-03 + 3 months = 2025-06-03 (a Tuesday).
    static final LocalDate DEADLINE = LocalDate.of(2025, 6, 3);
    static final CaseEngine.Settings DEFAULTS = CaseEngine.Settings.defaults();

    static CaseEngine.Settings settings(int reminderDays, int higherCourtAfterDays, ZoneId defaultZone) {
        return new CaseEngine.Settings(DEFAULTS.orphanTimeout(), DEFAULTS.maxEventsBeforeFiling(),
                DEFAULTS.performanceObservation(), DEFAULTS.closedRetention(), reminderDays, higherCourtAfterDays,
                defaultZone);
    }

    static CaseState filedCase(EngineHarness cases) {
        return cases.onEvent(null, filed("e1", CASE, Procedure.CIVIL_FIRST_SUMMARY, FILED), at(FILED)).state();
    }

    @Test
    void shouldKeepDesignDefaults() {
        assertThat(DEFAULTS.overdueReminderDays()).isEqualTo(7);
        assertThat(DEFAULTS.higherCourtAfterDays()).isEqualTo(30);
        assertThat(DEFAULTS.defaultZone()).isEqualTo(ZoneId.of("Asia/Shanghai"));
        assertThat(DEFAULTS.orphanTimeout()).isEqualTo(Duration.ofDays(7));
    }

    @Test
    void shouldRemindOverdueCasesAtTheConfiguredInterval() {
        EngineHarness cases = new EngineHarness(new CaseEngine(SEEDS, settings(3, 30, DEFAULTS.defaultZone())));
        CaseState state = filedCase(cases);

        // Ten days overdue: BREACHED (deadline + 1), then reminders on deadline + 4, + 7, + 10: the third is due.
        CaseResult late = cases.onTimer(state, midnight(DEADLINE.plusDays(10)));

        assertThat(late.alerts()).extracting(DeadlineAlert::getAlertId)
                .containsExactly(CASE + "/v1/BREACHED", CASE + "/v1/OVERDUE-3");
        assertThat(late.state().timerDue()).isEqualTo(midnight(DEADLINE.plusDays(13)));
    }

    @Test
    void shouldEscalateToTheHigherCourtAfterTheConfiguredDays() {
        EngineHarness soon = new EngineHarness(new CaseEngine(SEEDS, settings(7, 8, DEFAULTS.defaultZone())));
        EngineHarness byDefault = new EngineHarness(new CaseEngine(SEEDS, DEFAULTS));

        // Eight days overdue: OVERDUE-1. 湘0211's higher court is 湘02 (seeds/courts).
        DeadlineAlert early = soon.onTimer(filedCase(soon), midnight(DEADLINE.plusDays(8))).alerts().get(1);
        DeadlineAlert usual = byDefault.onTimer(filedCase(byDefault), midnight(DEADLINE.plusDays(8))).alerts().get(1);

        assertThat(early.getAlertId()).isEqualTo(CASE + "/v1/OVERDUE-1");
        assertThat(early.getEscalateTo()).contains("higher-court:湘02");
        assertThat(usual.getAlertId()).isEqualTo(CASE + "/v1/OVERDUE-1");
        assertThat(usual.getEscalateTo()).doesNotContain("higher-court:湘02");
    }

    @Test
    void shouldCountDaysOfACourtWithoutAZoneInTheConfiguredDefaultZone() {
        // 粤0304 is in no file of seeds/courts: no zone of its own, so its thresholds fall at midnight of the default.
        CaseEngine utc = new CaseEngine(SEEDS, settings(7, 30, ZoneOffset.UTC));
        EngineHarness cases = new EngineHarness(utc);
        CaseEvent filing = CaseEvent.newBuilder(filed("e1", "(2025)粤0304民初1号", Procedure.CIVIL_FIRST_SUMMARY, FILED))
                .setCourt("粤0304").build();

        CaseState state = cases.onEvent(null, filing, at(FILED)).state();

        assertThat(utc.zoneOf(new CourtId("粤0304"))).isEqualTo(ZoneOffset.UTC);
        assertThat(utc.zoneOf(new CourtId("湘0211"))).isEqualTo(ZoneId.of("Asia/Shanghai"));
        assertThat(utc.zones()).contains(ZoneOffset.UTC);
        // NOTICE at 00:00 UTC of the day that leaves 15 days, not 00:00 in Shanghai.
        assertThat(state.timerDue()).isEqualTo(DEADLINE.minusDays(15).atStartOfDay(ZoneOffset.UTC).toInstant());
    }

    @Test
    void shouldRefuseSettingsThatCannotWork() {
        assertThatThrownBy(() -> settings(0, 30, ZoneOffset.UTC)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("overdueReminderDays");
        assertThatThrownBy(() -> settings(7, -1, ZoneOffset.UTC)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("higherCourtAfterDays");
    }
}
