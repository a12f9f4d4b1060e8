package org.caseflow.streams.runtime.cli;

import java.util.List;

/**
 * More subcommands for {@code caseflow}, found on the class path with {@link java.util.ServiceLoader}: the demo module
 * adds {@code demo}, {@code simulate} and {@code bench} this way, so the production jar (caseflow-app) has every other
 * command and no embedded broker or simulator, while {@code ./caseflow} has them all.
 */
public interface CommandSet {
    /** Picocli command objects (classes annotated with {@code @Command}), in the order help lists them. */
    List<Object> commands();
}
