package org.caseflow.streams.runtime.http;

/** One dispute of {@code GET /api/v1/courts/{court}/lineage}: its root case and how many case numbers it generated. */
public record LineageEntry(String rootCaseId, long caseNumbers) {
}
