package org.caseflow.streams.runtime.config;

import java.util.List;
import org.caseflow.CaseflowException;

/** Configuration that cannot be used; the message lists every problem, one per line. */
public final class InvalidConfigException extends CaseflowException {
    private final List<String> problems;

    public InvalidConfigException(List<String> problems) {
        super("invalid configuration:\n  " + String.join("\n  ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
