package org.caseflow.streams.runtime.simulator;

/**
 * Every rate and range that shapes the simulated court activity, in one place. docs/simulator.md
 * explains each; they aim at plausible Chinese court figures, not at any real court's statistics.
 * Filing rates are per court and working day at scale 1.0.
 */
final class Rates {
    private Rates() {
    }

    // Filings at a basic court. Its civil first-instance volume is fixed per court (from its code),
    // between these bounds, so that the same court is always "large" or "small".
    static final double BASIC_CIVIL_FIRST_MIN = 30.0;
    static final double BASIC_CIVIL_FIRST_MAX = 100.0;
    static final double SHARE_SUMMARY = 0.65;
    static final double SHARE_ORDINARY = 0.22;
    static final double SHARE_SMALL_CLAIMS = 0.13;
    /** Criminal and administrative filings as a share of the court's civil first-instance volume. */
    static final double BASIC_CRIMINAL_PER_CIVIL = 0.08;
    static final double CRIMINAL_SHARE_FIRST = 0.25;
    static final double CRIMINAL_SHARE_SUMMARY = 0.45;
    static final double CRIMINAL_SHARE_SPEEDY = 0.30;
    static final double BASIC_ADMIN_PER_DAY = 0.6;

    // First-instance filings at the intermediate court (large claims, serious crimes, admin cases).
    static final double INTERMEDIATE_CIVIL_FIRST_PER_DAY = 3.0;
    static final double INTERMEDIATE_CRIMINAL_FIRST_PER_DAY = 0.5;
    static final double INTERMEDIATE_ADMIN_FIRST_PER_DAY = 1.5;

    /** Monday is the busiest filing day, Friday the quietest. Index 0 = Monday. */
    static final double[] WEEKDAY_FACTOR = {1.15, 1.05, 1.0, 0.95, 0.85};

    // Life cycle.
    static final int ASSIGN_MIN_WORKING_DAYS = 1;
    static final int ASSIGN_MAX_WORKING_DAYS = 3;
    static final double SUMMARY_TO_ORDINARY = 0.05;
    static final double SECOND_SUSPENSION = 0.15;
    static final double POSTPONEMENT = 0.10;
    static final double LATE = 0.04;
    /** Of the late cases, this share drags on for months (often past the simulated horizon). */
    static final double LATE_LONG = 0.25;
    static final int LATE_MIN_DAYS = 5;
    static final int LATE_MAX_DAYS = 30;
    static final int LATE_LONG_MIN_DAYS = 60;
    static final int LATE_LONG_MAX_DAYS = 400;
    /** Cases that need an extension, by base limit: long procedures need one more often. */
    static final double EXTENSION_LONG = 0.08;
    static final double EXTENSION_SHORT = 0.03;
    static final double FOREIGN_RELATED = 0.005;
    /** Events recorded one to three working days after the day they describe. */
    static final double LATE_RECORDING = 0.02;

    // After closure.
    static final double APPEAL = 0.12;
    static final double APPEAL_AFFIRMED = 0.80;
    static final double APPEAL_REVERSED = 0.12;
    static final double APPEAL_REMANDED = 0.08;
    static final int APPEAL_FILED_MIN_DAYS = 20;
    static final int APPEAL_FILED_MAX_DAYS = 45;
    static final double MONETARY = 0.85;
    static final double ENFORCEMENT_APPLIED = 0.35;
    static final int ENFORCEMENT_FILED_MIN_DAYS = 3;
    static final int ENFORCEMENT_FILED_MAX_DAYS = 90;
    static final double RETRIAL_REVIEW = 0.015;
    static final double RETRIAL_ORDERED = 0.10;
    static final int REMAND_FILED_MIN_DAYS = 10;
    static final int REMAND_FILED_MAX_DAYS = 40;

    // Enforcement.
    static final double ENFORCEMENT_COMPLETED = 0.55;
    static final double ENFORCEMENT_CREDIT_BLACKLIST = 0.40;
    static final double ENFORCEMENT_SEIZURE = 0.40;
    static final double ENFORCEMENT_AUCTION = 0.10;
    static final double ENFORCEMENT_DETENTION = 0.02;
    static final double ENFORCEMENT_PARTIAL_PAYMENT = 0.40;
    static final double JUDGED_SHARE_OF_CLAIM_MIN = 0.4;

    // Claim amounts (CNY): log-normal, median and spread (sigma of ln).
    static final double CLAIM_MEDIAN_SUMMARY = 30_000;
    static final double CLAIM_MEDIAN_ORDINARY = 200_000;
    static final double CLAIM_MEDIAN_SMALL = 12_000;
    static final double CLAIM_MAX_SMALL = 50_000;
    static final double CLAIM_SIGMA = 1.0;
}
