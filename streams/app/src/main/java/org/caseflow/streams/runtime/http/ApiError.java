package org.caseflow.streams.runtime.http;

/** The JSON body of every error answer. */
public record ApiError(String error, int status) {
}
