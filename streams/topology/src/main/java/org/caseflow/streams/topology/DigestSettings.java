package org.caseflow.streams.topology;

import org.caseflow.streams.domain.digest.DigestCalculator;

/**
 * Settings of the digest sub-topology.
 *
 * @param top     how many overdue cases a digest lists ({@code caseflow.digests.top})
 * @param sources how many case tasks send event clocks: the input topics' partition count. On event time a digest
 *                period closes only once that many case tasks have passed its end (a task not heard from yet may still
 *                send alerts of it)
 * @param enabled whether the app builds digests at all ({@code caseflow.digests.enabled}): they cost the hot path
 *                about as much again per alert as the alert itself (docs/performance.md), which an operator who does
 *                not deliver digests need not pay
 */
public record DigestSettings(int top, int sources, boolean enabled) {
    /** Replay and tests: one partition. */
    public static final DigestSettings DEFAULT = new DigestSettings(DigestCalculator.DEFAULT_TOP, 1, true);

    public DigestSettings {
        if (top < 0 || sources < 1) {
            throw new IllegalArgumentException("digest top must be >= 0 and sources >= 1, got " + top + ", " + sources);
        }
    }
}
