package org.caseflow.streams.topology;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;
import org.caseflow.events.AlertLevel;
import org.caseflow.events.CaseEvent;
import org.caseflow.schemas.AvroCodec;
import org.caseflow.streams.domain.cases.CaseState;
import org.caseflow.streams.domain.cases.FiringAlert;

/**
 * Compact binary form of {@link CaseState} for the case store and its changelog. Events keep their
 * Avro single-object encoding, so a state written before a schema change still reads after it.
 */
public final class CaseStateSerde implements Serde<CaseState> {
    private static final byte FORMAT = 1;
    private static final long NONE = Long.MIN_VALUE;
    private final AvroCodec<CaseEvent> events = new AvroCodec<>(CaseEvent.getClassSchema());

    @Override
    public Serializer<CaseState> serializer() {
        return (topic, state) -> state == null ? null : write(state);
    }

    @Override
    public Deserializer<CaseState> deserializer() {
        return (topic, bytes) -> bytes == null ? null : read(bytes);
    }

    byte[] write(CaseState s) {
        try (ByteArrayOutputStream bytes = new ByteArrayOutputStream(256); DataOutputStream out =
                new DataOutputStream(bytes)) {
            out.writeByte(FORMAT);
            out.writeUTF(s.caseId());
            out.writeInt(s.events().size());
            for (CaseEvent e : s.events()) {
                byte[] encoded = events.encode(e);
                out.writeInt(encoded.length);
                out.write(encoded);
            }
            out.writeLong(s.firstSeenAt().toEpochMilli());
            out.writeInt(s.deadlineVersion());
            out.writeLong(s.versionDeadline() == null ? NONE : s.versionDeadline().toEpochDay());
            out.writeInt(s.firing().size());
            for (FiringAlert f : s.firing()) {
                out.writeUTF(f.alertId());
                out.writeByte(f.level().ordinal());
                out.writeInt(f.reminder());
                out.writeInt(f.rank());
                out.writeInt(f.version());
                out.writeLong(f.deadline().toEpochDay());
            }
            out.writeLong(s.timerDue() == null ? NONE : s.timerDue().toEpochMilli());
            out.writeInt(s.reportedRejections().size());
            for (String id : s.reportedRejections().stream().sorted().toList()) {
                out.writeUTF(id);
            }
            out.writeBoolean(s.overdue());
            out.writeBoolean(s.enforcementFiled());
            out.writeBoolean(s.performanceObserved());
            out.writeBoolean(s.atRiskKey() != null);
            if (s.atRiskKey() != null) {
                out.writeUTF(s.atRiskKey());
            }
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    CaseState read(byte[] data) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
            byte format = in.readByte();
            if (format != FORMAT) {
                throw new IOException("unknown case state format " + format);
            }
            String caseId = in.readUTF();
            int n = in.readInt();
            List<CaseEvent> list = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                byte[] encoded = new byte[in.readInt()];
                in.readFully(encoded);
                list.add(events.decode(encoded));
            }
            Instant firstSeen = Instant.ofEpochMilli(in.readLong());
            int version = in.readInt();
            long vd = in.readLong();
            int nf = in.readInt();
            List<FiringAlert> firing = new ArrayList<>(nf);
            for (int i = 0; i < nf; i++) {
                firing.add(new FiringAlert(in.readUTF(), AlertLevel.values()[in.readByte()], in.readInt(),
                        in.readInt(), in.readInt(), LocalDate.ofEpochDay(in.readLong())));
            }
            long due = in.readLong();
            int nr = in.readInt();
            Set<String> reported = new HashSet<>();
            for (int i = 0; i < nr; i++) {
                reported.add(in.readUTF());
            }
            boolean overdue = in.readBoolean();
            boolean enforcementFiled = in.readBoolean();
            boolean performanceObserved = in.readBoolean();
            String atRiskKey = in.readBoolean() ? in.readUTF() : null;
            return new CaseState(caseId, List.copyOf(list), firstSeen, version,
                    vd == NONE ? null : LocalDate.ofEpochDay(vd), List.copyOf(firing),
                    due == NONE ? null : Instant.ofEpochMilli(due), Set.copyOf(reported), overdue,
                    enforcementFiled, performanceObserved, atRiskKey);
        } catch (IOException e) {
            throw new UncheckedIOException("corrupt case state", e);
        }
    }
}
