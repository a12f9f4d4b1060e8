package org.caseflow.streams.domain.rules;

/**
 * How a period in months ends. CIVIL: Civil Code 202, the corresponding day of the final month, else
 * its last day. CRIMINAL: CrPL Interp. 202, as civil, except that a period starting on a month's last
 * day ends on the last day of the final month.
 */
public enum MonthRule { CIVIL, CRIMINAL }
