package org.caseflow.streams.topology;

import org.caseflow.streams.domain.digest.DigestCalculator;

/**
 * Settings of the digest sub-topology.
 *
 * @param top     how many overdue cases a digest lists ({@code caseflow.digests.top})
 * @param sources how many case tasks send event clocks: the input topics' partition count. On event time a digest
 *                period closes only once that many case tasks have passed its end (a task not heard from yet may still
 *                send alerts of it)
 */
public record DigestSettings(int top, int sources) {
    /** Replay and tests: one partition. */
    public static final DigestSettings DEFAULT = new DigestSettings(DigestCalculator.DEFAULT_TOP, 1);

    public DigestSettings {
        if (top < 0 || sources < 1) {
            throw new IllegalArgumentException("digest top must be >= 0 and sources >= 1, got " + top + ", " + sources);
        }
    }
}
