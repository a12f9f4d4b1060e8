package org.caseflow.streams.domain.digest;

import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.caseflow.events.AlertLevel;
import org.caseflow.events.Digest;
import org.caseflow.events.DigestCase;
import org.caseflow.streams.domain.cases.AvroVocabulary;

/**
 * Computes one digest from a recipient's alert entries (pure; DESIGN.md section 9). A case counts once, at the highest
 * level among its alerts to the recipient firing when the period closes; days left and overdue are counted as of the
 * period's last day; "newly breached" are the cases whose BREACHED alert was raised in the period.
 */
public final class DigestCalculator {
    public static final int DEFAULT_TOP = 20;

    private DigestCalculator() {
    }

    /** What the previous digest of the same recipient and kind said, or null for the first. */
    public record Previous(String period, DigestTally tally) {
    }

    public record Result(Digest digest, DigestTally tally) {
    }

    public static Result compute(String recipient, String court, DigestPeriod period, ZoneId zone,
            List<DigestEntry> entries, Previous previous, int top) {
        long end = period.end(zone).toEpochMilli();
        long start = period.start(zone).toEpochMilli();
        Map<String, List<DigestEntry>> byCase = new TreeMap<>();
        for (DigestEntry e : entries) {
            byCase.computeIfAbsent(e.caseId(), k -> new ArrayList<>()).add(e);
        }
        int[] levels = new int[AlertLevel.values().length];
        int cases = 0;
        int newlyBreached = 0;
        int due3 = 0;
        int due7 = 0;
        int due15 = 0;
        int acknowledged = 0;
        List<DigestCase> overdue = new ArrayList<>();
        for (List<DigestEntry> alerts : byCase.values()) {
            if (alerts.stream().anyMatch(e -> AlertLevel.BREACHED.name().equals(e.level())
                    && e.raisedAt() >= start && e.raisedAt() < end)) {
                newlyBreached++;
            }
            DigestEntry top1 = alerts.stream().filter(e -> e.firingAt(end))
                    .max(Comparator.comparingInt((DigestEntry e) -> AlertLevel.valueOf(e.level()).ordinal())
                            .thenComparing(DigestEntry::raisedAt))
                    .orElse(null);
            if (top1 == null) {
                continue;
            }
            cases++;
            levels[AlertLevel.valueOf(top1.level()).ordinal()]++;
            boolean acked = alerts.stream().anyMatch(e -> e.firingAt(end) && e.acknowledgedBefore(end));
            if (acked) {
                acknowledged++;
            }
            long left = ChronoUnit.DAYS.between(period.lastDay(), top1.deadline());
            if (left < 0) {
                overdue.add(DigestCase.newBuilder().setCaseId(top1.caseId()).setCourt(top1.court())
                        .setProcedure(AvroVocabulary.avro(top1.procedure())).setLevel(AlertLevel.valueOf(top1.level()))
                        .setDeadline(top1.deadline()).setDaysOverdue((int) -left).setAcknowledged(acked).build());
            } else {
                due3 += left <= 3 ? 1 : 0;
                due7 += left <= 7 ? 1 : 0;
                due15 += left <= 15 ? 1 : 0;
            }
        }
        DigestTally tally = new DigestTally(cases, levels[AlertLevel.NOTICE.ordinal()],
                levels[AlertLevel.WARNING.ordinal()], levels[AlertLevel.CRITICAL.ordinal()],
                levels[AlertLevel.BREACHED.ordinal()], levels[AlertLevel.OVERDUE.ordinal()], newlyBreached, due3, due7,
                due15, overdue.size(), acknowledged);
        // Longest overdue first: the earliest deadline; the caseId settles ties, so the order is the same every time.
        overdue.sort(Comparator.comparing(DigestCase::getDeadline).thenComparing(DigestCase::getCaseId));
        Digest digest = Digest.newBuilder().setRecipient(recipient).setKind(period.kind().code())
                .setPeriod(period.label()).setFirstDay(period.firstDay()).setLastDay(period.lastDay())
                .setClosedAt(period.end(zone)).setCourt(court).setCounts(tally.toAvro())
                .setChange(previous == null ? null : tally.minus(previous.tally()).toAvro())
                .setPreviousPeriod(previous == null ? null : previous.period())
                .setOverdue(new ArrayList<>(overdue.subList(0, Math.min(top, overdue.size())))).build();
        return new Result(digest, tally);
    }
}
