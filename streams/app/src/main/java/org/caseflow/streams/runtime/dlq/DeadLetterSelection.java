package org.caseflow.streams.runtime.dlq;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Which dead letters a command acts on: positions in the dead-letter topic ({@code --offsets 0:12,1:15}, or bare
 * offsets {@code 12,15} when they are unambiguous) and/or a reason ({@code --reason key-mismatch}); a dead letter must
 * match both when both are given. Nothing given selects everything.
 *
 * @param positions empty for any position
 * @param reason    null for any reason
 */
public record DeadLetterSelection(List<Position> positions, String reason) {
    public DeadLetterSelection {
        positions = List.copyOf(positions);
    }

    /** One position: an offset, in one partition or (partition null) in whichever holds it. */
    public record Position(Integer partition, long offset) {
        boolean matches(DeadLetter letter) {
            return letter.offset() == offset && (partition == null || partition == letter.partition());
        }

        @Override
        public String toString() {
            return partition == null ? String.valueOf(offset) : partition + ":" + offset;
        }
    }

    /**
     * @param offsets comma-separated {@code P:O} or {@code O}, or null
     * @throws IllegalArgumentException for a position that is not one
     */
    public static DeadLetterSelection of(String offsets, String reason) {
        List<Position> positions = new ArrayList<>();
        if (offsets != null) {
            for (String item : offsets.split(",")) {
                positions.add(position(item.trim()));
            }
        }
        return new DeadLetterSelection(positions, reason);
    }

    private static Position position(String text) {
        try {
            int colon = text.indexOf(':');
            Integer partition = colon < 0 ? null : Integer.valueOf(text.substring(0, colon));
            long offset = Long.parseLong(text.substring(colon + 1));
            if ((partition != null && partition < 0) || offset < 0) {
                throw new NumberFormatException("negative");
            }
            return new Position(partition, offset);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a dead-letter position: '" + text
                    + "' (expected PARTITION:OFFSET or OFFSET, e.g. 0:12)", e);
        }
    }

    /** Whether anything narrows the selection (re-publishing everything by accident is refused). */
    public boolean narrowed() {
        return !positions.isEmpty() || reason != null;
    }

    /**
     * The dead letters of {@code all} selected, in their order.
     *
     * @throws IllegalArgumentException when a position names no dead letter, or a bare offset names several
     */
    public List<DeadLetter> select(List<DeadLetter> all) {
        for (Position position : positions) {
            List<DeadLetter> at = all.stream().filter(position::matches).toList();
            if (at.isEmpty()) {
                throw new IllegalArgumentException("no dead letter at " + position);
            }
            if (at.size() > 1) {
                throw new IllegalArgumentException("offset " + position + " is in several partitions ("
                        + at.stream().map(DeadLetter::id).toList() + "): write PARTITION:OFFSET");
            }
        }
        return all.stream()
                .filter(l -> positions.isEmpty() || positions.stream().anyMatch(p -> p.matches(l)))
                .filter(l -> reason == null || Objects.equals(reason, l.headers().reason()))
                .toList();
    }
}
