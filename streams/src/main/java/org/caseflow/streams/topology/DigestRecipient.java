package org.caseflow.streams.topology;

import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;
import org.caseflow.streams.domain.digest.DigestCalculator;

/**
 * What the digest processor keeps of one recipient ({@link StoreNames#DIGEST_RECIPIENTS}): the court and zone of its
 * first alert, the first local day whose digests are not yet closed, and the previous digest of each kind (for the
 * change).
 */
public record DigestRecipient(String court, String zone, LocalDate nextDay, Map<String, DigestCalculator.Previous> previous) {
    public DigestRecipient {
        previous = previous == null ? new TreeMap<>() : new TreeMap<>(previous);
    }

    DigestRecipient next(LocalDate day, Map<String, DigestCalculator.Previous> previous) {
        return new DigestRecipient(court, zone, day, previous);
    }

    /** Whether every previous digest said nothing (or there is none): with no entries left, the recipient can go. */
    boolean quiet() {
        return previous.values().stream().allMatch(p -> p.tally().isEmpty());
    }
}
