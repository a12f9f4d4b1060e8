package org.caseflow.streams.domain.rules;

/** Days before the deadline at which NOTICE, WARNING and CRITICAL alerts fire (DESIGN §5). */
public record LeadTimes(int noticeDays, int warningDays, int criticalDays) {
    public static final LeadTimes DEFAULT = new LeadTimes(15, 7, 3);
}
