package org.caseflow.streams.domain.rules;

/** Unit of a base trial limit. */
public enum LimitUnit { MONTHS, DAYS }
