package org.caseflow.streams.domain.seeds;

import org.caseflow.streams.domain.courts.CourtId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.caseflow.events.Procedure;
import org.caseflow.streams.domain.cases.TestEvents;
import org.caseflow.streams.domain.input.EventChecks;
import org.caseflow.streams.domain.input.Refusal;
import org.caseflow.streams.topology.ReferenceFiles;
import org.junit.jupiter.api.Test;

/**
 * Courts published live (issue 15): a new court is added from its effectiveFrom on (input validation accepts its
 * events from that day, roll-ups include it); changing or removing a court the running tasks know is refused whole.
 */
class CourtsPublicationTest {
    /** The default court zone (DESIGN §5): courts published live must be in it. */
    static final java.time.ZoneId LIVE_ZONE = java.time.ZoneId.of("Asia/Shanghai");
    static final Seeds SEEDS = TestSeeds.load(Path.of("seeds"));
    static final String LINE_OF_湘0211 = "{code: 湘0211, name: 株洲市天元区人民法院, nameEn: Tianyuan District People's Court,"
            + " level: BASIC, parent: 湘02, zone: Asia/Shanghai, jurisdiction: CN}";

    static ReferencePublication courts(String version, String extra) {
        return ReferencePublication.parse(ReferenceKind.COURTS, "courts-" + version + ".yaml",
                ReferenceFiles.courtsAdding(version, "2027-01-01", extra), null);
    }

    static org.caseflow.events.CaseEvent filingAt湘0299(String id, String caseId, LocalDate on) {
        org.caseflow.events.CaseEvent e = TestEvents.filed(id, caseId, Procedure.CIVIL_FIRST_SUMMARY, on);
        e.setCourt("湘0299");
        return e;
    }

    @Test
    void shouldAddANewCourtFromItsEffectiveDate() {
        assertThat(ReferenceKind.detect(Path.of("c.yaml"), ReferenceFiles.courtsAdding("2027.1", "2027-01-01", "")))
                .isEqualTo(ReferenceKind.COURTS);
        ReferenceData data = ReferenceData.of(SEEDS, LIVE_ZONE).publish(courts("2027.1", "  - " + LINE_OF_湘0211 + "\n"));
        assertThat(data.courts().ancestors(new CourtId("湘0299"))).containsExactly(new CourtId("湘02"), new CourtId("湘"));
        assertThat(data.courts().withSubordinates(new CourtId("湘02"))).contains(new CourtId("湘0299"), new CourtId("湘0211"));
        assertThat(data.courtAddedOn(new CourtId("湘0299"))).isEqualTo(LocalDate.of(2027, 1, 1));
        assertThat(data.courtAddedOn(new CourtId("湘0211"))).as("a court of the seeds").isNull();
        assertThat(data.current().courts().contains(new CourtId("湘0299"))).as("cases are computed with it").isTrue();
        assertThat(data.current().rules()).isSameAs(SEEDS.rules());
        assertThat(data.caseVersions()).as("no case is recomputed for a new court").isEqualTo(
                ReferenceData.of(SEEDS, LIVE_ZONE).caseVersions());
        assertThat(data.versions()).containsEntry(ReferenceData.COURTS_KEY, "2027.1");

        EventChecks checks = new EventChecks(data::courts, data::courtAddedOn, SEEDS.caseNumbers());
        String caseId = "(2027)湘0299民初1号";
        assertThat(checks.check(filingAt湘0299("x", caseId, LocalDate.of(2026, 12, 31)))).get().extracting(Refusal::reason, Refusal::detail)
                .containsExactly(Refusal.UNKNOWN_COURT, "court 湘0299 is in force from 2027-01-01 (added live); this"
                        + " event is dated before");
        assertThat(checks.check(filingAt湘0299("y", caseId, LocalDate.of(2027, 1, 4)))).isEmpty();
        assertThat(new EventChecks(SEEDS.courts(), SEEDS.caseNumbers()).check(filingAt湘0299("y", caseId, LocalDate.of(2027, 1, 4)))).get()
                .extracting(Refusal::reason).isEqualTo(Refusal.UNKNOWN_COURT);
    }

    @Test
    void shouldRefuseWhatWouldChangeACourtTheRunningTasksKnow() {
        assertThatThrownBy(() -> ReferenceData.of(SEEDS, LIVE_ZONE).publish(courts("2027.1", "  - "
                + LINE_OF_湘0211.replace("parent: 湘02", "parent: 湘") + "\n")))
                .isInstanceOf(SeedException.class).hasMessageStartingWith("courts-2027.1.yaml: court 湘0211: differs"
                        + " from the court in force").hasMessageContaining("takes a redeploy");
        assertThatThrownBy(() -> ReferenceData.of(SEEDS, LIVE_ZONE).publish(ReferencePublication.parse(ReferenceKind.COURTS,
                "c.yaml", new String(ReferenceFiles.courtsAdding("2027.1", "2027-01-01", ""),
                        java.nio.charset.StandardCharsets.UTF_8).replace("Asia/Shanghai", "Asia/Urumqi")
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8), null)))
                .hasMessageStartingWith("c.yaml: court 湘0299: zone: Asia/Urumqi: a court added live must be in"
                        + " Asia/Shanghai");
        assertThatThrownBy(() -> ReferenceData.of(SEEDS, LIVE_ZONE).publish(ReferencePublication.parse(ReferenceKind.COURTS,
                "c.yaml", new String(ReferenceFiles.courtsAdding("2027.1", "2027-01-01", ""),
                        java.nio.charset.StandardCharsets.UTF_8).replace("parent: 湘02", "parent: 湘09")
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8), null)))
                .hasMessage("c.yaml: court 湘0299: parent: unknown court '湘09'");
        assertThatThrownBy(() -> ReferencePublication.parse(ReferenceKind.COURTS, "c.yaml",
                ReferenceFiles.courtsAdding("2027.1", "2027-01-01", ""), Propagation.PENDING))
                .hasMessageStartingWith("c.yaml: propagation: courts are added from their effectiveFrom on");

        // A later version that leaves out a court added earlier would remove it: refused, the earlier one stays.
        ReferenceData one = ReferenceData.of(SEEDS, LIVE_ZONE).publish(courts("2027.1", ""));
        byte[] other = new String(ReferenceFiles.courtsAdding("2027.2", "2027-03-01", ""),
                java.nio.charset.StandardCharsets.UTF_8).replace("湘0299", "湘0298")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertThatThrownBy(() -> one.publish(ReferencePublication.parse(ReferenceKind.COURTS, "c2.yaml", other, null)))
                .hasMessage("c2.yaml: court 湘0299: missing: it was added by version 2027.1; removing or merging a court"
                        + " takes a redeploy");
        // Adding a second court later keeps the first one's date.
        ReferenceData two = one.publish(courts("2027.2", "  - {code: 湘0298, name: 株洲市另区人民法院, nameEn: Another"
                + " District People's Court, level: BASIC, parent: 湘02, zone: Asia/Shanghai, jurisdiction: CN}\n"));
        assertThat(two.courtAddedOn(new CourtId("湘0299"))).isEqualTo(LocalDate.of(2027, 1, 1));
        assertThat(two.courts().withSubordinates(new CourtId("湘02"))).contains(new CourtId("湘0298"), new CourtId("湘0299"));
        assertThat(List.of(two.chains().get(ReferenceData.COURTS_KEY).size())).containsExactly(2);
    }

    @Test
    void shouldAcceptLiveOnlyCourtsInTheConfiguredDefaultZone() {
        // caseflow.engine.default.zone=Asia/Urumqi: the running tasks give a court they did not load that zone, so a
        // court added live must be in it (its thresholds and digests fall at local midnight there).
        java.time.ZoneId urumqi = java.time.ZoneId.of("Asia/Urumqi");
        byte[] inUrumqi = new String(ReferenceFiles.courtsAdding("2027.1", "2027-01-01", ""),
                java.nio.charset.StandardCharsets.UTF_8).replace("Asia/Shanghai", "Asia/Urumqi")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);

        ReferenceData data = ReferenceData.of(SEEDS, urumqi).publish(ReferencePublication.parse(ReferenceKind.COURTS,
                "c.yaml", inUrumqi, null));

        assertThat(data.courts().find(new CourtId("湘0299")).map(org.caseflow.streams.domain.courts.Court::zone)).contains(urumqi);
        assertThat(data.liveZone()).isEqualTo(urumqi);
        assertThatThrownBy(() -> ReferenceData.of(SEEDS, urumqi).publish(courts("2027.1", "")))
                .hasMessageStartingWith("courts-2027.1.yaml: court 湘0299: zone: Asia/Shanghai: a court added live must be"
                        + " in Asia/Urumqi");
    }
}
