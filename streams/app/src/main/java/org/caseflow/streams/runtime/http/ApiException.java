package org.caseflow.streams.runtime.http;

import org.caseflow.CaseflowException;

/** An API answer other than 200: rendered as {@code {"error": message, "status": status}}. */
public final class ApiException extends CaseflowException {
    private final int status;

    public ApiException(int status, String message) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }

    public static ApiException notReady(String why) {
        return new ApiException(503, why);
    }
}
