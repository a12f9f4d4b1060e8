package org.caseflow.streams.domain.courts;

/** Level of a people's court, highest first; a parent is always of a higher level. */
public enum CourtLevel { SUPREME, HIGH, INTERMEDIATE, BASIC }
