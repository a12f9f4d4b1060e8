package org.caseflow.streams.runtime.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.junit.jupiter.api.Test;

class BoundedThreadReplacementTest {
    @Test
    void shouldReplaceDeadThreadsUpToTheBudgetThenShutDownTheClient() {
        BoundedThreadReplacement handler = new BoundedThreadReplacement(2);
        RuntimeException boom = new IllegalStateException("boom");

        assertThat(handler.handle(boom)).isEqualTo(StreamThreadExceptionResponse.REPLACE_THREAD);
        assertThat(handler.handle(boom)).isEqualTo(StreamThreadExceptionResponse.REPLACE_THREAD);
        assertThat(handler.handle(boom)).isEqualTo(StreamThreadExceptionResponse.SHUTDOWN_CLIENT);
        assertThat(handler.replacements()).isEqualTo(3);
    }

    @Test
    void shouldShutDownAtOnceWithNoReplacementBudget() {
        assertThat(new BoundedThreadReplacement(0).handle(new IllegalStateException("boom")))
                .isEqualTo(StreamThreadExceptionResponse.SHUTDOWN_CLIENT);
    }
}
