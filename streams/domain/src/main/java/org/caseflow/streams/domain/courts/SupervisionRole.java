package org.caseflow.streams.domain.courts;

/** Who an overdue case escalates to, in order (DESIGN §5): judge → division chief → president → higher court. */
public enum SupervisionRole { JUDGE, DIVISION_CHIEF, PRESIDENT, HIGHER_COURT }
