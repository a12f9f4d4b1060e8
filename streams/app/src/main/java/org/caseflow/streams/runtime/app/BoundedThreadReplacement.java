package org.caseflow.streams.runtime.app;

import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replaces a stream thread that died of an unexpected exception, at most {@code maxReplacements}
 * times over the life of the client; after that the client shuts down (and readiness goes false) so a
 * crash loop is visible to the orchestrator instead of silently burning CPU.
 */
final class BoundedThreadReplacement implements StreamsUncaughtExceptionHandler {
    private static final Logger LOG = LoggerFactory.getLogger(BoundedThreadReplacement.class);
    private final int maxReplacements;
    private final AtomicInteger replaced = new AtomicInteger();

    BoundedThreadReplacement(int maxReplacements) {
        this.maxReplacements = maxReplacements;
    }

    @Override
    public StreamThreadExceptionResponse handle(Throwable exception) {
        int n = replaced.incrementAndGet();
        if (n <= maxReplacements) {
            LOG.error("stream thread died; replacing it ({} of {})", n, maxReplacements, exception);
            return StreamThreadExceptionResponse.REPLACE_THREAD;
        }
        LOG.error("stream thread died after {} replacements; shutting this instance down", maxReplacements, exception);
        return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
    }

    int replacements() {
        return replaced.get();
    }
}
