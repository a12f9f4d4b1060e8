package org.caseflow.streams.topology;

import java.time.Duration;

/**
 * Settings of the Caseflow topology; built once by the runtime from configuration.
 *
 * @param topics        topic names
 * @param clockMode     wall clock (live) or event time (replay, demo simulation)
 * @param tickInterval  how often the punctuator looks for due timers
 * @param tickMaxTimers work bound per tick, so a midnight storm cannot stall the stream thread
 */
public record TopologySettings(TopicNames topics, ClockMode clockMode, Duration tickInterval, int tickMaxTimers) {
    public static TopologySettings defaults() {
        return new TopologySettings(TopicNames.DEFAULT, ClockMode.WALL_CLOCK, Duration.ofSeconds(1), 20_000);
    }

    public TopologySettings withClockMode(ClockMode mode) {
        return new TopologySettings(topics, mode, tickInterval, tickMaxTimers);
    }

    public TopologySettings withTopics(TopicNames names) {
        return new TopologySettings(names, clockMode, tickInterval, tickMaxTimers);
    }
}
