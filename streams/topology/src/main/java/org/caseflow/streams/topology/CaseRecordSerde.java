package org.caseflow.streams.topology;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;
import org.caseflow.CaseflowException;
import org.caseflow.streams.domain.EventType;
import org.caseflow.schemas.AvroCodec;
import org.caseflow.state.ScheduledHearing;
import org.caseflow.state.StoredAlert;
import org.caseflow.state.StoredCase;
import org.caseflow.state.StoredConversion;
import org.caseflow.state.StoredExclusion;
import org.caseflow.state.StoredExtension;
import org.caseflow.state.StoredFold;
import org.caseflow.state.StoredHearing;
import org.caseflow.state.StoredOrderKey;
import org.caseflow.state.StoredRejection;
import org.caseflow.state.StoredView;
import org.caseflow.streams.domain.cases.AvroVocabulary;
import org.caseflow.streams.domain.cases.CaseState;
import org.caseflow.streams.domain.cases.CaseView;
import org.caseflow.streams.domain.cases.FiringAlert;
import org.caseflow.streams.domain.cases.FoldPoint;
import org.caseflow.streams.domain.cases.OrderKey;
import org.caseflow.streams.domain.deadline.DateInterval;
import org.caseflow.streams.domain.deadline.DeadlineInput;
import org.caseflow.streams.domain.rules.Approver;
import org.caseflow.streams.domain.rules.ExclusionReason;
import org.caseflow.streams.domain.rules.Procedure;
import org.caseflow.streams.domain.cases.CaseId;
import org.caseflow.streams.domain.courts.CourtId;
import org.caseflow.streams.domain.courts.JudgeId;

/**
 * The case store's value format: a {@link CaseRecord} (the {@link CaseState} and its {@link EventTail}) as the Avro
 * record {@code StoredCase} in single-object encoding, so a state written by any released schema version still reads
 * after a change (the evolution test guards it) and enums travel by name. At most {@link CaseEventLog#CHUNK} events
 * are here (older ones are archived in {@link StoreNames#CASE_EVENTS}) plus 8 bytes per event id, so a record costs
 * about the same to read and write whatever the length of the history.
 */
public final class CaseRecordSerde implements Serde<CaseRecord> {
    /** Format 1 (before the event log) was a hand-written binary form that began with this byte. */
    private static final byte FORMAT_1 = 1;
    /**
     * Format 2 kept every event under its own key in case-event-store; format 3 keeps the recent ones here, each
     * re-encoded; format 4 keeps each as the bytes it arrived as and marks the re-encoded ones of format 3; format 5
     * keeps the fold as Avro binary ({@code foldBytes}).
     */
    static final int FORMAT = 5;
    /** The last format that kept the fold as a nested record ({@code fold}) rather than as bytes. */
    private static final int FORMAT_4 = 4;
    /** The oldest format still read: the events are where format 4 keeps them, only re-encoded. */
    private static final int FORMAT_3 = 3;
    private final AvroCodec<StoredCase> codec = new AvroCodec<>(StoredCase.getClassSchema());
    private final FoldCodec folds = new FoldCodec();

    @Override
    public Serializer<CaseRecord> serializer() {
        return (topic, record) -> record == null ? null : write(record);
    }

    @Override
    public Deserializer<CaseRecord> deserializer() {
        return (topic, bytes) -> bytes == null ? null : read(bytes);
    }

    byte[] write(CaseRecord record) {
        CaseState s = record.state();
        EventTail events = record.events();
        List<ByteBuffer> recent = new ArrayList<>(events.recent().size());
        for (byte[] e : events.recent()) {
            recent.add(ByteBuffer.wrap(e));
        }
        List<StoredAlert> firing = new ArrayList<>();
        for (FiringAlert f : s.firing()) {
            firing.add(new StoredAlert(f.alertId(), f.level(), f.reminder(), f.rank(), f.version(),
                    day(f.deadline()), f.escalatedTo()));
        }
        return codec.encode(StoredCase.newBuilder()
                .setFormat(FORMAT)
                .setCaseId(s.caseId().value())
                .setFirstSeenAt(s.firstSeenAt().toEpochMilli())
                .setFold(null)
                .setFoldBytes(s.fold() == null ? null : ByteBuffer.wrap(folds.encode(s.fold(), this::fold)))
                .setDeadlineVersion(s.deadlineVersion())
                .setVersionDeadline(dayOrNull(s.versionDeadline()))
                .setFiring(firing)
                .setTimerDue(s.timerDue() == null ? null : s.timerDue().toEpochMilli())
                .setWakeUpDue(s.wakeUpDue() == null ? null : s.wakeUpDue().toEpochMilli())
                .setReportedRejections(s.reportedRejections().stream().sorted().toList())
                .setOverdue(s.overdue())
                .setEnforcementFiled(s.enforcementFiled())
                .setPerformanceObserved(s.performanceObserved())
                .setAtRiskKey(StoreKeys.DeadlineKey.of(s))
                .setRecentEvents(recent)
                .setEventIdHashes(ByteBuffer.wrap(events.idHashes()))
                .setArchivedChunks(events.chunks())
                .setReEncodedEvents(ByteBuffer.wrap(events.reEncoded()))
                .build());
    }

    CaseRecord read(byte[] data) {
        if (data.length > 0 && data[0] == FORMAT_1) {
            throw new CaseflowException("case state in format 1 (written before the event log): reset the "
                    + "application and reprocess the inputs (docs/operations.md, upgrading)");
        }
        StoredCase s = codec.decode(data);
        if (s.getFormat() < FORMAT_3) {
            throw new CaseflowException("case state in format " + s.getFormat() + " (events kept one per key): reset "
                    + "the application and reprocess the inputs (docs/operations.md, upgrading)");
        }
        List<FiringAlert> firing = new ArrayList<>();
        for (StoredAlert a : s.getFiring()) {
            firing.add(new FiringAlert(a.getAlertId(), a.getLevel(), a.getReminder(), a.getRank(), a.getVersion(),
                    LocalDate.ofEpochDay(a.getDeadline()), a.getEscalatedTo()));
        }
        FoldPoint fold;
        if (s.getFormat() <= FORMAT_4 || s.getFoldBytes() == null) {
            fold = s.getFold() == null ? null : fold(s.getFold());
        } else {
            fold = folds.decode(bytes(s.getFoldBytes()), this::fold);
        }
        CaseState state = new CaseState(new CaseId(s.getCaseId()), fold,
                Instant.ofEpochMilli(s.getFirstSeenAt()), s.getDeadlineVersion(), date(s.getVersionDeadline()),
                List.copyOf(firing), instant(s.getTimerDue()), instant(s.getWakeUpDue()),
                Set.copyOf(s.getReportedRejections()), s.getOverdue(), s.getEnforcementFiled(),
                s.getPerformanceObserved(), StoreKeys.DeadlineKey.listing(s.getAtRiskKey()));
        List<byte[]> recent = new ArrayList<>(s.getRecentEvents().size());
        for (ByteBuffer e : s.getRecentEvents()) {
            recent.add(bytes(e));
        }
        byte[] idHashes = bytes(s.getEventIdHashes());
        // Format 3 re-encoded every event it kept: all of them are marked so, and their dead letters say it.
        byte[] reEncoded = s.getFormat() == FORMAT_3 ? EventTail.allSet(idHashes.length / Long.BYTES)
                : bytes(s.getReEncodedEvents());
        return new CaseRecord(state, new EventTail(recent, idHashes, s.getArchivedChunks(), reEncoded));
    }

    private static Instant instant(Long millis) {
        return millis == null ? null : Instant.ofEpochMilli(millis);
    }

    private static byte[] bytes(ByteBuffer buffer) {
        if (buffer.hasArray() && buffer.arrayOffset() == 0 && buffer.position() == 0
                && buffer.remaining() == buffer.array().length) {
            // Avro decoded it into a buffer of its own: the StoredCase is dropped after the read, so take its array.
            return buffer.array();
        }
        ByteBuffer b = buffer.duplicate();
        byte[] out = new byte[b.remaining()];
        b.get(out);
        return out;
    }

    private StoredFold fold(FoldPoint p) {
        List<ScheduledHearing> scheduled = new ArrayList<>();
        p.firstScheduled().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> scheduled.add(new ScheduledHearing(e.getKey(), day(e.getValue()))));
        OrderKey last = p.last();
        return new StoredFold(view(p.view()), scheduled, new StoredOrderKey(last.filing(), day(last.day()),
                last.type().code(), last.occurredAt().toEpochMilli(), last.eventId()), p.events());
    }

    private FoldPoint fold(StoredFold f) {
        Map<String, LocalDate> scheduled = new HashMap<>();
        f.getFirstScheduled().forEach(h -> scheduled.put(h.getHearingId(), LocalDate.ofEpochDay(h.getDay())));
        StoredOrderKey k = f.getLast();
        EventType type = EventType.fromCode(k.getType())
                .orElseThrow(() -> new CaseflowException("case state names an unknown event type " + k.getType()));
        OrderKey last = new OrderKey(k.getFiling(), LocalDate.ofEpochDay(k.getDay()), type,
                Instant.ofEpochMilli(k.getOccurredAt()), k.getEventId());
        return new FoldPoint(view(f.getView()), scheduled, last, f.getEvents());
    }

    private static StoredView view(CaseView v) {
        List<StoredRejection> rejections = new ArrayList<>();
        v.rejections().forEach((id, reason) -> rejections.add(new StoredRejection(id, reason)));
        return StoredView.newBuilder()
                .setCaseId(v.caseId().value())
                .setCourt(CourtId.raw(v.court()))
                .setFiled(v.filed())
                .setProcedure(name(v.procedure()))
                .setOriginalProcedure(name(v.originalProcedure()))
                .setFiledOn(dayOrNull(v.filedOn()))
                .setDivision(v.division())
                .setJudge(JudgeId.raw(v.judge()))
                .setOriginCaseId(CaseId.raw(v.originCaseId()))
                .setClaimAmount(v.claimAmount() == null ? null : v.claimAmount().toString())
                .setForeignRelated(v.foreignRelated())
                .setConversions(v.conversions().stream()
                        .map(c -> new StoredConversion(c.fromProcedure().name(), c.toProcedure().name(), day(c.on()))).toList())
                .setRestarts(v.restarts().stream().map(CaseRecordSerde::day).toList())
                .setExtensions(v.extensions().stream()
                        .map(x -> new StoredExtension(x.months(), x.days(), name(x.approver()), day(x.grantedOn())))
                        .toList())
                .setExclusions(v.exclusions().stream()
                        .map(x -> new StoredExclusion(name(x.reason()), day(x.interval().from()),
                                dayOrNull(x.interval().until())))
                        .toList())
                .setClosedOn(dayOrNull(v.closedOn()))
                .setDisposition(AvroVocabulary.avro(v.disposition()))
                .setJudgmentEffectiveOn(dayOrNull(v.judgmentEffectiveOn()))
                .setPerformanceDueOn(dayOrNull(v.performanceDueOn()))
                .setMonetaryJudgment(v.monetaryJudgment())
                .setPaidTotal(v.paidTotal().toString())
                .setHearings(v.hearings().stream()
                        .map(h -> new StoredHearing(h.hearingId(), day(h.heldOn()), h.onFirstDate())).toList())
                .setPostponements(v.postponements())
                .setRejections(rejections)
                .setFlags(v.flags())
                .build();
    }

    private static int day(LocalDate date) {
        return Math.toIntExact(date.toEpochDay());
    }

    private static Integer dayOrNull(LocalDate date) {
        return date == null ? null : day(date);
    }

    private static LocalDate date(Integer epochDay) {
        return epochDay == null ? null : LocalDate.ofEpochDay(epochDay);
    }

    private static CaseView view(StoredView v) {
        Map<String, String> rejections = new LinkedHashMap<>();
        v.getRejections().forEach(r -> rejections.put(r.getEventId(), r.getReason()));
        return new CaseView(new CaseId(v.getCaseId()), CourtId.ofNullable(v.getCourt()), v.getFiled(),
                code(Procedure.class, v.getProcedure()), code(Procedure.class, v.getOriginalProcedure()),
                date(v.getFiledOn()), v.getDivision(), JudgeId.ofNullable(v.getJudge()), CaseId.ofNullable(v.getOriginCaseId()),
                v.getClaimAmount() == null ? null : new BigDecimal(v.getClaimAmount()), v.getForeignRelated(),
                mapped(v.getConversions(), c -> new DeadlineInput.Conversion(Procedure.valueOf(c.getFromProcedure()),
                        Procedure.valueOf(c.getToProcedure()), LocalDate.ofEpochDay(c.getOn()))),
                mapped(v.getRestarts(), day -> LocalDate.ofEpochDay(day)),
                mapped(v.getExtensions(), x -> new DeadlineInput.Extension(x.getMonths(), x.getDays(),
                        code(Approver.class, x.getApprover()), LocalDate.ofEpochDay(x.getGrantedOn()))),
                mapped(v.getExclusions(), x -> new DeadlineInput.Exclusion(code(ExclusionReason.class, x.getReason()),
                        new DateInterval(LocalDate.ofEpochDay(x.getFrom()), date(x.getUntil())))),
                date(v.getClosedOn()), AvroVocabulary.disposition(v.getDisposition()), date(v.getJudgmentEffectiveOn()),
                date(v.getPerformanceDueOn()),
                v.getMonetaryJudgment(), new BigDecimal(v.getPaidTotal()),
                mapped(v.getHearings(), h -> new CaseView.HeldHearing(h.getHearingId(),
                        LocalDate.ofEpochDay(h.getHeldOn()), h.getOnFirstDate())),
                v.getPostponements(), rejections, List.copyOf(v.getFlags()));
    }

    /**
     * {@code items} mapped, unmodifiable. A loop rather than a stream: every case record read converts five such lists,
     * most of them empty.
     */
    private static <S, T> List<T> mapped(List<S> items, Function<S, T> map) {
        if (items.isEmpty()) {
            return List.of();
        }
        List<T> out = new ArrayList<>(items.size());
        for (S item : items) {
            out.add(map.apply(item));
        }
        return Collections.unmodifiableList(out);
    }

    /**
     * The stored form of a domain enum: its name, as the record has always held these fields (strings, so the
     * {@code StoredCase} schema is unchanged; never an ordinal).
     */
    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    private static <E extends Enum<E>> E code(Class<E> type, String name) {
        return name == null ? null : Enum.valueOf(type, name);
    }
}
