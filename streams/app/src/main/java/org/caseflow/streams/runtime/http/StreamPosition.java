package org.caseflow.streams.runtime.http;

import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * An alert-stream event id: for every partition of the deadline-alerts topic, the offset of the next alert not yet
 * sent, e.g. {@code 0:120,1:98,2:77}. Every instance tails the same topic, so an id from one instance means the same
 * on any other: a client that reconnects through a load balancer resumes exactly where it stopped.
 *
 * @param next partition → next offset
 */
record StreamPosition(SortedMap<Integer, Long> next) {
    /** Longest id accepted back in {@code Last-Event-ID}: far more than any real partition count needs. */
    static final int MAX_ID_LENGTH = 64 * 1024;

    StreamPosition {
        next = new TreeMap<>(next);
    }

    String id() {
        return next.entrySet().stream().map(e -> e.getKey() + ":" + e.getValue()).collect(Collectors.joining(","));
    }

    /** The position of an id, or empty when it is not one of ours (a client's own id, garbage): never an error. */
    static Optional<StreamPosition> parse(String id) {
        if (id == null || id.isBlank() || id.length() > MAX_ID_LENGTH) {
            return Optional.empty();
        }
        SortedMap<Integer, Long> next = new TreeMap<>();
        for (String part : id.trim().split(",")) {
            int colon = part.indexOf(':');
            if (colon <= 0) {
                return Optional.empty();
            }
            try {
                int partition = Integer.parseInt(part.substring(0, colon).trim());
                long offset = Long.parseLong(part.substring(colon + 1).trim());
                if (partition < 0 || offset < 0 || next.put(partition, offset) != null) {
                    return Optional.empty();
                }
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        return Optional.of(new StreamPosition(next));
    }

    /** Next offset of the partition; 0 for one this position does not know (everything of it is after it). */
    long next(int partition) {
        return next.getOrDefault(partition, 0L);
    }

    static StreamPosition of(Map<Integer, Long> next) {
        return new StreamPosition(new TreeMap<>(next));
    }
}
