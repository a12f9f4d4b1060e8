package org.caseflow.streams.domain.rules;

/** Case category of a procedure; the indicator scopes of DESIGN §6 use the same names. */
public enum Category { CIVIL, CRIMINAL, ADMINISTRATIVE, ENFORCEMENT }
