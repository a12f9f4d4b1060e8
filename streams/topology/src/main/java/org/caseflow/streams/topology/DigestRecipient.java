package org.caseflow.streams.topology;

import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;
import org.caseflow.streams.domain.digest.DigestCalculator;

/**
 * What the digest processor keeps of one recipient ({@link StoreNames#DIGEST_RECIPIENTS}): the court and zone of its
 * first alert, the first local day whose digests are not yet closed, the previous digest of each kind (for the
 * change), and whether a day has been closed since it was (re)started: until then an alert of an earlier day moves
 * {@code nextDay} back to it (alerts of several case tasks arrive in any order), afterwards it is late.
 */
public record DigestRecipient(String court, String zone, LocalDate nextDay, Map<String, DigestCalculator.Previous> previous,
        boolean closed) {
    public DigestRecipient {
        previous = previous == null ? new TreeMap<>() : new TreeMap<>(previous);
    }

    DigestRecipient next(LocalDate day, Map<String, DigestCalculator.Previous> previous) {
        return new DigestRecipient(court, zone, day, previous, true);
    }

    /** Whether every previous digest said nothing (or there is none): with no entries left, the recipient can go. */
    boolean quiet() {
        return previous.values().stream().allMatch(p -> p.tally().isEmpty());
    }
}
