package org.caseflow.streams.runtime.config;

import java.time.Duration;
import java.util.Map;
import org.caseflow.streams.topology.ClockMode;
import org.caseflow.streams.topology.WorkBudgets;

/**
 * What drives deadlines and how much work one punctuation may do: {@code caseflow.clock.mode},
 * {@code caseflow.tick.interval.ms}, {@code caseflow.tick.max.timers}, {@code caseflow.events.max.ahead.ms},
 * {@code caseflow.event-time.grace.ms} and the work budgets {@code caseflow.tick.budget.ms},
 * {@code caseflow.indicators.flush.budget.ms} and {@code caseflow.timer.retry.ms}.
 *
 * @param orderGrace the configured grace; the topology applies it only in event-time mode
 *                   ({@link CaseflowConfig#topologySettings})
 */
public record ClockSettings(ClockMode mode, Duration tickInterval, int tickMaxTimers, Duration maxEventAhead,
        Duration orderGrace, WorkBudgets workBudgets) {

    static ClockSettings parse(DefinedConfig c) {
        return new ClockSettings(ClockMode.valueOf(c.upper(ConfigKeys.CLOCK_MODE)), c.millis(ConfigKeys.TICK_INTERVAL_MS),
                c.integer(ConfigKeys.TICK_MAX_TIMERS), c.millis(ConfigKeys.EVENTS_MAX_AHEAD_MS),
                c.millis(ConfigKeys.EVENT_TIME_GRACE_MS),
                new WorkBudgets(c.millis(ConfigKeys.TICK_BUDGET_MS), c.millis(ConfigKeys.INDICATORS_FLUSH_BUDGET_MS),
                        c.millis(ConfigKeys.TIMER_RETRY_MS)));
    }

    void putSettings(Map<String, String> s) {
        s.put(ConfigKeys.CLOCK_MODE, mode.name());
        s.put(ConfigKeys.TICK_INTERVAL_MS, String.valueOf(tickInterval.toMillis()));
        s.put(ConfigKeys.TICK_MAX_TIMERS, String.valueOf(tickMaxTimers));
        s.put(ConfigKeys.EVENTS_MAX_AHEAD_MS, String.valueOf(maxEventAhead.toMillis()));
        s.put(ConfigKeys.EVENT_TIME_GRACE_MS, String.valueOf(orderGrace.toMillis()));
        s.put(ConfigKeys.TICK_BUDGET_MS, String.valueOf(workBudgets.tick().toMillis()));
        s.put(ConfigKeys.INDICATORS_FLUSH_BUDGET_MS, String.valueOf(workBudgets.flush().toMillis()));
        s.put(ConfigKeys.TIMER_RETRY_MS, String.valueOf(workBudgets.timerRetry().toMillis()));
    }
}
