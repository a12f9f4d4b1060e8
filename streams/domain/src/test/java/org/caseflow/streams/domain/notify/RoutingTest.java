package org.caseflow.streams.domain.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.caseflow.streams.domain.courts.CourtId;
import org.caseflow.events.AlertLevel;
import org.caseflow.streams.domain.courts.CourtRegistry;
import org.caseflow.streams.domain.seeds.SeedException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.caseflow.streams.domain.rules.Procedure;
import org.caseflow.streams.domain.seeds.TestSeeds;

/** Routing of an alert's escalateTo roles through the recipients file, and the file's validation. */
class RoutingTest {
    private static final CourtRegistry COURTS = CourtRegistry.load(Path.of("seeds/courts"), TestSeeds.DISK);
    private static final Routing EXAMPLE = Routing.byRules(
            RecipientsReader.read(Path.of("seeds/notify/recipients.yaml"), COURTS, TestSeeds.DISK));

    @TempDir
    Path dir;

    @Test
    void shouldRouteEachRoleOfTheShippedExampleToItsRecipient() {
        Routing.Result r = EXAMPLE.route(List.of("judge:J-湘0211-07", "division-chief:湘0211/民一庭", "president:湘0211"),
                AlertLevel.BREACHED, id("湘0211"), Procedure.CIVIL_FIRST_ORDINARY);
        assertThat(r.routes()).extracting(Route::recipient)
                .containsExactly("tianyuan-judges", "zhuzhou-division-chiefs", "president-湘0211");
        assertThat(r.routes()).extracting(Route::channel)
                .containsExactly(Channel.WEBHOOK, Channel.WEBHOOK, Channel.ALERTMANAGER);
        assertThat(r.routes().get(1).role()).isEqualTo("division-chief:湘0211/民一庭");
        assertThat(r.unrouted()).isEmpty();
    }

    @Test
    void shouldFilterByLevelCourtTreeAndProcedureAndReportRolesNobodyAnswersFor() {
        // The supervision office takes OVERDUE criminal cases only; a civil one is filtered out on purpose, not unrouted.
        assertThat(EXAMPLE.route(List.of("higher-court:湘02"), AlertLevel.OVERDUE, id("湘0211"), Procedure.CRIMINAL_FIRST).routes())
                .extracting(Route::recipient).containsExactly("zhuzhou-supervision-office");
        Routing.Result civil = EXAMPLE.route(List.of("higher-court:湘02"), AlertLevel.OVERDUE, id("湘0211"), Procedure.CIVIL_FIRST_ORDINARY);
        assertThat(civil.routes()).isEmpty();
        assertThat(civil.unrouted()).isEmpty();
        // Division chiefs of the 湘02 tree only: the high court 湘 is not a subordinate of 湘02.
        assertThat(EXAMPLE.route(List.of("division-chief:湘"), AlertLevel.CRITICAL, id("湘"), Procedure.CIVIL_FIRST_ORDINARY).routes())
                .isEmpty();
        // A judge of another court: nobody answers for that role.
        assertThat(EXAMPLE.route(List.of("judge:J-湘0202-01"), AlertLevel.NOTICE, id("湘0202"), Procedure.CIVIL_FIRST_ORDINARY).unrouted())
                .containsExactly("judge:J-湘0202-01");
    }

    @Test
    void shouldRouteADigestsRoleReferenceLikeAnAlertsRoleWithoutLevelOrProcedureFilters() {
        assertThat(EXAMPLE.routeDigest("judge:J-湘0211-07", id("湘0211")).routes()).extracting(Route::recipient)
                .containsExactly("tianyuan-judges");
        // The supervision office's OVERDUE/criminal filters are for alerts: its role's digest reaches it.
        assertThat(EXAMPLE.routeDigest("higher-court:湘02", id("湘02")).routes()).extracting(Route::recipient)
                .containsExactly("zhuzhou-supervision-office");
        // Court digests: the 湘02 tree's entry takes 湘0211's, not the high court's (filtered, not unrouted).
        assertThat(EXAMPLE.routeDigest("court:湘0211", id("湘0211")).routes()).extracting(Route::recipient)
                .containsExactly("zhuzhou-court-digests");
        Routing.Result high = EXAMPLE.routeDigest("court:湘", id("湘"));
        assertThat(high.routes()).isEmpty();
        assertThat(high.unrouted()).isEmpty();
        assertThat(EXAMPLE.routeDigest("judge:J-湘0202-01", id("湘0202")).unrouted()).containsExactly("judge:J-湘0202-01");
        assertThat(Routing.open(List.of(Channel.WEBHOOK)).routeDigest("court:湘02", id("湘02")).routes())
                .extracting(Route::recipient).containsExactly("court:湘02");
    }

    @Test
    void shouldSendOneMessagePerRecipientAndEveryRoleOnEveryChannelWhenOpen() {
        Routing both = Routing.byRules(List.of(new RecipientRule("all", List.of("judge:*", "president:*"), Channel.WEBHOOK,
                java.util.Optional.empty(), java.util.Set.of(), java.util.Set.of(), java.util.Set.of())));
        assertThat(both.route(List.of("judge:J1", "president:湘02"), AlertLevel.BREACHED, id("湘02"), Procedure.CIVIL_FIRST_ORDINARY)
                .routes()).hasSize(1).first().extracting(Route::role).isEqualTo("judge:J1");
        Routing open = Routing.open(List.of(Channel.WEBHOOK, Channel.ALERTMANAGER));
        assertThat(open.route(List.of("judge:J1", "president:湘02"), AlertLevel.BREACHED, id("湘02"), Procedure.ADMIN_SECOND).routes())
                .extracting(r -> r.recipient() + "@" + r.channel())
                .containsExactly("judge:J1@WEBHOOK", "judge:J1@ALERTMANAGER", "president:湘02@WEBHOOK", "president:湘02@ALERTMANAGER");
    }

    @Test
    void shouldReportEveryProblemOfABadRecipientsFileWithFileEntryAndReason() throws Exception {
        Path file = dir.resolve("recipients.yaml");
        Files.writeString(file, """
                recipients:
                  - id: a
                    roles: ["judge:*"]
                    channel: pager
                  - id: a
                    roles: ["clerk:x", "judge:*x"]
                    channel: webhook
                    levels: [SEVERE]
                    courts: [湘99]
                    procedures: [CIVIL_FIFTH]
                  - roles: []
                    channel: alertmanager
                    url: ftp://x
                """);
        assertThatThrownBy(() -> RecipientsReader.read(file, COURTS, TestSeeds.DISK)).isInstanceOf(SeedException.class)
                .hasMessageContaining(file + ": recipients[0] (a): channel: 'pager' is not webhook or alertmanager")
                .hasMessageContaining(file + ": recipients[1] (a): id: duplicate")
                .hasMessageContaining("recipients[1] (a): roles: 'clerk:x' must start with one of")
                .hasMessageContaining("recipients[1] (a): roles: 'judge:*x': '*' may only end a pattern")
                .hasMessageContaining("recipients[1] (a): levels: unknown code 'SEVERE'")
                .hasMessageContaining("recipients[1] (a): courts: unknown court '湘99'")
                .hasMessageContaining("recipients[1] (a): procedures: unknown code 'CIVIL_FIFTH'")
                .hasMessageContaining(file + ": recipients[2]: id: required")
                .hasMessageContaining("recipients[2]: roles: required")
                .hasMessageContaining("recipients[2]: url: 'ftp://x' must be an http:// or https:// URL");
        Files.writeString(file, "recipients:\n  - id: a\n    roles: [\"judge:*\"]\n    channel: webhook\n    colour: red\n");
        assertThatThrownBy(() -> RecipientsReader.read(file, COURTS, TestSeeds.DISK)).isInstanceOf(SeedException.class)
                .hasMessageContaining("colour");
    }

    private static CourtId id(String code) {
        return new CourtId(code);
    }
}
