package org.caseflow.streams.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.caseflow.streams.domain.cases.TestEvents.closed;
import static org.caseflow.streams.domain.cases.TestEvents.filed;
import static org.caseflow.streams.domain.cases.TestEvents.midnight;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.caseflow.events.AlertLevel;
import org.caseflow.events.DeadlineAlert;
import org.caseflow.events.Digest;
import org.caseflow.events.DigestCase;
import org.caseflow.events.DigestCounts;
import org.caseflow.events.Procedure;
import org.caseflow.streams.domain.cases.CaseEngine;
import org.caseflow.streams.domain.digest.DigestEntry;
import org.caseflow.streams.domain.notify.AlertAck;
import org.caseflow.streams.domain.seeds.TestSeeds;
import org.caseflow.streams.runtime.replay.Replayer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The digest sub-topology on TopologyTestDriver (through {@link Replayer}: the production topology on event time), with
 * a hand-built history of three summary civil cases of 湘0211, judge J-1, division 民一庭. Deadlines (CPL 164, summary
 * procedure: 3 months from filing, the filing day not counted; Civil Code art. 202: the corresponding day of the final
 * month): A filed 2025-03-03 → 2025-06-03, B filed 2025-03-10 → 2025-06-10, C filed 2025-03-20 → 2025-06-20 (all
 * working days). Lead times 15/7/3 days (the rule table's default, SPC rule): NOTICE, WARNING, CRITICAL from 00:00 of
 * the day with that many days left; BREACHED from 00:00 of the day after the deadline.
 */
class DigestTopologyTest {
    static final String A = "(2025)湘0211民初1号";
    static final String B = "(2025)湘0211民初2号";
    static final String C = "(2025)湘0211民初3号";
    static final String JUDGE = "judge:J-1";

    @TempDir
    Path stateDir;
    Replayer replay;

    @BeforeEach
    void start() {
        replay = new Replayer(new CaseEngine(TestSeeds.load(Path.of("seeds")), CaseEngine.Settings.defaults()), stateDir,
                new SimpleMeterRegistry());
        replay.pipe(filed("a1", A, Procedure.CIVIL_FIRST_SUMMARY, LocalDate.of(2025, 3, 3)));
        replay.pipe(filed("b1", B, Procedure.CIVIL_FIRST_SUMMARY, LocalDate.of(2025, 3, 10)));
        replay.pipe(filed("c1", C, Procedure.CIVIL_FIRST_SUMMARY, LocalDate.of(2025, 3, 20)));
    }

    @AfterEach
    void stop() {
        replay.close();
    }

    @Test
    void shouldCountTheJudgesDayByHand() {
        replay.advanceTo(midnight(LocalDate.of(2025, 6, 6)));

        // 2025-06-04: A breached at 00:00 (deadline 06-03), B has 6 days left (WARNING since 06-03: 7 left),
        // C has 16 left: its NOTICE comes at 06-05 00:00, the very end of the period, so not yet.
        Digest d0604 = digest(JUDGE, "day", "2025-06-04");
        assertThat(d0604.getCounts()).isEqualTo(counts(2, 0, 1, 0, 1, 0, 1, 0, 1, 1, 1, 0));
        assertThat(d0604.getOverdue()).extracting(DigestCase::getCaseId, DigestCase::getDaysOverdue, DigestCase::getLevel)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(A, 1, AlertLevel.BREACHED));
        assertThat(d0604.getOverdue().get(0).getDeadline()).isEqualTo(LocalDate.of(2025, 6, 3));
        assertThat(d0604.getClosedAt()).isEqualTo(midnight(LocalDate.of(2025, 6, 5)));
        assertThat(d0604.getCourt()).isEqualTo("湘0211");

        // 2025-06-05: C's NOTICE (15 left); A 2 days overdue, no new breach; B 5 left.
        Digest d0605 = digest(JUDGE, "day", "2025-06-05");
        assertThat(d0605.getCounts()).isEqualTo(counts(3, 1, 1, 0, 1, 0, 0, 0, 1, 2, 1, 0));
        assertThat(d0605.getPreviousPeriod()).isEqualTo("2025-06-04");
        assertThat(d0605.getChange()).isEqualTo(counts(1, 1, 0, 0, 0, 0, -1, 0, 0, 1, 0, 0));
        assertThat(d0605.getOverdue().get(0).getDaysOverdue()).isEqualTo(2);

        // The judge's first digest is the day of A's NOTICE: 2025-05-19 (06-03 less 15 days); nothing before.
        List<Digest> judges = replay.digests().stream().filter(d -> d.getRecipient().equals(JUDGE)).toList();
        assertThat(judges.get(0).getPeriod()).isEqualTo("2025-05-19");
        assertThat(judges.get(0).getChange()).isNull();
        assertThat(judges).extracting(Digest::getPeriod).doesNotHaveDuplicates().last().isEqualTo("2025-06-05");
    }

    @Test
    void shouldKeyDailyDigestsByEveryEscalationRole() {
        replay.advanceTo(midnight(LocalDate.of(2025, 6, 5)));
        // The division chief hears of A from CRITICAL (05-31, 3 days left), the president from BREACHED (06-04).
        Digest chief = digest("division-chief:湘0211/民一庭", "day", "2025-06-04");
        assertThat(chief.getCounts()).isEqualTo(counts(1, 0, 0, 0, 1, 0, 1, 0, 0, 0, 1, 0));
        assertThat(replay.digests()).filteredOn(d -> d.getRecipient().startsWith("division-chief:"))
                .extracting(Digest::getPeriod).first().isEqualTo("2025-05-31");
        Digest president = digest("president:湘0211", "day", "2025-06-04");
        assertThat(president.getCounts().getNewlyBreached()).isEqualTo(1);
        assertThat(replay.digests()).filteredOn(d -> d.getRecipient().startsWith("president:"))
                .extracting(Digest::getPeriod).containsExactly("2025-06-04");
    }

    @Test
    void shouldDigestTheCourtByIsoWeekAndMonth() {
        replay.pipe(closed("b2", B, LocalDate.of(2025, 6, 6)));
        replay.advanceTo(midnight(LocalDate.of(2025, 7, 1)));
        // May 2025, as of the 31st: A CRITICAL since 05-31 (3 left), B NOTICE since 05-26 (10 left), C none yet.
        Digest may = digest("court:湘0211", "month", "2025-05");
        assertThat(may.getCounts()).isEqualTo(counts(2, 1, 0, 1, 0, 0, 0, 1, 1, 2, 0, 0));
        assertThat(may.getFirstDay()).isEqualTo(LocalDate.of(2025, 5, 1));
        // ISO week 23 is Monday 2025-06-02 to Sunday 06-08. As of the 8th: A 5 days overdue (BREACHED on 06-04 is new
        // this week), B closed on 06-06 (its alerts resolved: not counted), C 12 left (NOTICE).
        Digest w23 = digest("court:湘0211", "week", "2025-W23");
        assertThat(w23.getCounts()).isEqualTo(counts(2, 1, 0, 0, 1, 0, 1, 0, 0, 1, 1, 0));
        assertThat(w23.getLastDay()).isEqualTo(LocalDate.of(2025, 6, 8));
        assertThat(w23.getOverdue()).extracting(DigestCase::getDaysOverdue).containsExactly(5);
        // A's first OVERDUE reminder: 7 days after the breach (06-11); the week after shows it as OVERDUE.
        assertThat(digest("court:湘0211", "week", "2025-W24").getCounts().getOverdue()).isEqualTo(1);
        assertThat(replay.digests()).noneMatch(d -> d.getRecipient().startsWith("court:") && d.getKind().equals("day"));
        assertThat(replay.digests()).noneMatch(d -> d.getRecipient().startsWith("judge:") && !d.getKind().equals("day"));
    }

    /**
     * B's NOTICE (05-26) and WARNING (06-03) fire to judge J-1; on 06-04 B is reassigned to J-2 (JUDGE_ASSIGNED) and on
     * 06-06 closed. The RESOLVED alerts name J-2 (the judge now), but they also reach J-1, where they fired (kept with
     * the firing alert in the case record): J-1's digest of 06-06 no longer counts B, and J-2, who was never told of
     * B's alerts, gets no digest of them.
     */
    @Test
    void shouldTakeAResolutionToTheJudgeTheAlertFiredTo() {
        replay.advanceTo(midnight(LocalDate.of(2025, 6, 4)).plusSeconds(60));
        replay.pipe(org.caseflow.streams.domain.cases.TestEvents.judge("b2", B, LocalDate.of(2025, 6, 4), "J-2"));
        replay.pipe(closed("b3", B, LocalDate.of(2025, 6, 6)));
        replay.advanceTo(midnight(LocalDate.of(2025, 6, 8)));

        assertThat(replay.alerts()).filteredOn(a -> a.getCaseId().equals(B)
                && a.getStatus() == org.caseflow.events.AlertStatus.RESOLVED)
                .isNotEmpty().allSatisfy(a -> assertThat(a.getEscalateTo()).containsExactly("judge:J-2"));
        // 06-05: A breached, B still firing (WARNING, 5 left), C NOTICE since 06-05. 06-06: B resolved, A and C left.
        assertThat(digest(JUDGE, "day", "2025-06-05").getCounts().getCases()).isEqualTo(3);
        assertThat(digest(JUDGE, "day", "2025-06-06").getCounts().getCases()).isEqualTo(2);
        assertThat(replay.digests()).noneMatch(d -> d.getRecipient().equals("judge:J-2"));
    }

    @Test
    void shouldShowAcknowledgementsMadeBeforeThePeriodEnds() {
        replay.advanceTo(midnight(LocalDate.of(2025, 6, 4)).plusSeconds(60));
        DeadlineAlert breach = replay.alerts().stream()
                .filter(a -> a.getCaseId().equals(A) && a.getLevel() == AlertLevel.BREACHED).findFirst().orElseThrow();
        TestInputTopic<String, AlertAck> acks = TopicHandles.input(replay.driver(), Topics.DEFAULT.alertAcks());
        Instant ackedAt = midnight(LocalDate.of(2025, 6, 4)).plusSeconds(3600);
        acks.pipeInput(A, new AlertAck(breach.getAlertId(), A, "湘0211", JUDGE, "hearing set", ackedAt), ackedAt);
        replay.advanceTo(midnight(LocalDate.of(2025, 6, 5)));
        Digest d0604 = digest(JUDGE, "day", "2025-06-04");
        assertThat(d0604.getCounts().getAcknowledged()).isEqualTo(1);
        assertThat(d0604.getOverdue().get(0).getAcknowledged()).isTrue();
        assertThat(digest("president:湘0211", "day", "2025-06-04").getCounts().getAcknowledged()).isEqualTo(1);
        assertThat(digest(JUDGE, "day", "2025-06-03").getCounts().getAcknowledged()).isZero();
    }

    @Test
    void shouldKeepADayDigestFourHundredDaysAndThenDeleteIt() {
        // A stays overdue (never closed): the judge has a digest every day. Closing 2026-07-09 (2025-06-04 + 400 days)
        // deletes the digest of 2025-06-04 from the store and the topic (tombstone); 06-05 is still kept.
        replay.advanceTo(midnight(LocalDate.of(2026, 7, 10)));
        var store = replay.driver().<String, Digest>getKeyValueStore(StoreNames.DIGESTS);
        assertThat(store.get(JUDGE + "|day|2025-06-04")).isNull();
        assertThat(store.get(JUDGE + "|day|2025-06-05")).isNotNull();
        assertThat(store.get(JUDGE + "|day|2026-07-09").getCounts().getOverdueCases()).isEqualTo(3); // A, B, C
        assertThat(store.get("court:湘0211|week|2025-W23")).as("weeks and months are kept").isNotNull();
        assertThat(replay.digests()).as("tombstones are not digests").doesNotContainNull();
    }

    /**
     * An alert acknowledged and resolved on 2025-04-01 is dropped when that day closes (a role's day digest is the
     * only period that counts it); when the same alert fires again on 04-03 it is a new entry, not acknowledged, as
     * it was when each entry was a record of its own that closing deleted. Fed straight to the digest feed, with the
     * case task's clock (partition 0) moved on by hand; Y keeps the judge's record alive through the days between.
     */
    @Test
    void shouldTreatAnAlertFiringAgainAfterItsEntryWasDroppedAsNew() {
        TestInputTopic<String, DigestFeed> feed = TopicHandles.input(replay.driver(), Topics.DEFAULT.digestFeed());
        String judge = "judge:J-9";
        String x = "(2025)湘0211民初9号";
        String y = "(2025)湘0211民初8号";
        feed.pipeInput(judge, DigestFeed.batch(judge, List.of(notice(judge, y, "FIRING", local(4, 1, 9)),
                notice(judge, x, "FIRING", local(4, 1, 10)),
                new DigestFeed(DigestFeed.ACK, judge, x + "/v2/NOTICE", x, "湘0211", null, null, null, null,
                        local(4, 1, 11), -1, null),
                notice(judge, x, "RESOLVED", local(4, 1, 12)))), local(4, 1, 12));
        feed.pipeInput("clock@0", DigestFeed.clock(0, local(4, 3, 0)), local(4, 3, 0));
        feed.pipeInput(judge, DigestFeed.batch(judge, List.of(notice(judge, x, "FIRING", local(4, 3, 10)))),
                local(4, 3, 10));
        feed.pipeInput("clock@0", DigestFeed.clock(0, local(4, 4, 0)), local(4, 4, 0));
        replay.advanceTo(midnight(LocalDate.of(2025, 3, 21))); // reads what came out; the case clock's 03-21 is behind

        assertThat(digest(judge, "day", "2025-04-01").getCounts().getCases()).isEqualTo(1); // Y; X resolved by its end
        DigestCounts d0403 = digest(judge, "day", "2025-04-03").getCounts();
        assertThat(d0403.getCases()).isEqualTo(2);
        assertThat(d0403.getAcknowledged()).as("X's acknowledgement went with its dropped entry").isZero();
    }

    private static DigestFeed notice(String recipient, String caseId, String status, long at) {
        return new DigestFeed(DigestFeed.ALERT, recipient, caseId + "/v2/NOTICE", caseId, "湘0211",
                org.caseflow.streams.domain.rules.Procedure.CIVIL_FIRST_SUMMARY, "NOTICE", status,
                LocalDate.of(2025, 4, 30), at, -1, null);
    }

    /** 2025-{@code month}-{@code day} at {@code hour}:00 in 湘0211's zone (UTC+8), in epoch millis. */
    private static long local(int month, int day, int hour) {
        return LocalDate.of(2025, month, day).atTime(hour, 0).atZone(java.time.ZoneId.of("Asia/Shanghai")).toInstant()
                .toEpochMilli();
    }

    /**
     * An upgrade from the build that kept one JSON record per entry ({@code recipient|caseId|alertId}): on 06-04 at
     * 00:01 every recipient's entry log is replaced by the records that build would hold, and the digests of 06-05
     * are still those counted by hand in {@link #shouldCountTheJudgesDayByHand}.
     */
    @Test
    void shouldReadTheEntriesTheBuildBeforeKeptOneToARecord() {
        replay.advanceTo(midnight(LocalDate.of(2025, 6, 4)).plusSeconds(60));
        KeyValueStore<String, byte[]> store = replay.driver().getKeyValueStore(StoreNames.DIGEST_ENTRIES);
        KeyValueStore<String, String> clocks = replay.driver().getKeyValueStore(StoreNames.DIGEST_CLOCKS);
        Set<String> recipients = new TreeSet<>();
        try (KeyValueIterator<String, byte[]> it = store.all()) {
            it.forEachRemaining(kv -> recipients.add(kv.key.substring(0, kv.key.indexOf('|'))));
        }
        assertThat(recipients).contains(JUDGE, "court:湘0211");
        JsonSerde<DigestEntry> json = new JsonSerde<>(DigestEntry.class);
        int entries = 0;
        for (String recipient : recipients) {
            DigestEntryLog.Loaded loaded = new DigestEntryLog(store, clocks).load(recipient);
            loaded.keys().forEach(store::delete);
            for (KeyValue<String, DigestEntry> kv : loaded.entries()) {
                store.put(kv.key, json.serializer().serialize("t", kv.value));
                entries++;
            }
        }
        assertThat(entries).isGreaterThan(recipients.size());

        replay.advanceTo(midnight(LocalDate.of(2025, 6, 6)));
        assertThat(digest(JUDGE, "day", "2025-06-05").getCounts()).isEqualTo(counts(3, 1, 1, 0, 1, 0, 0, 0, 1, 2, 1, 0));
        assertThat(digest("president:湘0211", "day", "2025-06-05").getCounts().getBreached()).isEqualTo(1);
    }

    private Digest digest(String recipient, String kind, String period) {
        Optional<Digest> found = replay.digests().stream().filter(d -> d.getRecipient().equals(recipient)
                && d.getKind().equals(kind) && d.getPeriod().equals(period)).reduce((a, b) -> b);
        assertThat(found).as("digest %s|%s|%s in %s", recipient, kind, period,
                replay.digests().stream().map(d -> d.getRecipient() + "|" + d.getKind() + "|" + d.getPeriod()).toList())
                .isPresent();
        return found.get();
    }

    /** In the order of the schema: cases, notice, warning, critical, breached, overdue, newlyBreached, due 3/7/15,
     *  overdueCases, acknowledged. */
    static DigestCounts counts(int... v) {
        return DigestCounts.newBuilder().setCases(v[0]).setNotice(v[1]).setWarning(v[2]).setCritical(v[3])
                .setBreached(v[4]).setOverdue(v[5]).setNewlyBreached(v[6]).setDueWithin3(v[7]).setDueWithin7(v[8])
                .setDueWithin15(v[9]).setOverdueCases(v[10]).setAcknowledged(v[11]).build();
    }
}
