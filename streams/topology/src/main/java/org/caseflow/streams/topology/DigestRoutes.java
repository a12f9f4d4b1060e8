package org.caseflow.streams.topology;

import java.util.List;

/**
 * The digest routes of one processing call of the case processor (one record, or one bounded step of timers), handed
 * to the {@link DigestRouter} at once: it sends one feed record per recipient for them all instead of one per alert and
 * recipient. A midnight storm's 20,000 crossings of a step then write a few hundred feed records, not 40,000. Nothing
 * waits across calls: the case processor hands over what it collected before its call returns (so before any commit)
 * and before it sends its event clock, which must follow every alert raised before it.
 */
record DigestRoutes(List<DigestRoute> routes) {
    DigestRoutes {
        routes = List.copyOf(routes);
    }
}
