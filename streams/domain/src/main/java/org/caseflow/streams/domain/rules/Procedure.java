package org.caseflow.streams.domain.rules;

/**
 * The procedure codes of the rule table (DESIGN §3). The set is closed by the event contract: a code reaches the
 * domain only through the Avro enum {@code org.caseflow.events.Procedure}, converted at {@code AvroVocabulary}, so a new
 * procedure needs a schema release anyway. Everything about a procedure (category, instance, limit, extensions, lead
 * times, sources) stays seed data in {@code seeds/rules/trial-limits.yaml}: this enum only names the entries, and
 * {@link RuleTable} refuses a table that misses one.
 */
public enum Procedure {
    CIVIL_FIRST_ORDINARY,
    CIVIL_FIRST_SUMMARY,
    CIVIL_SMALL_CLAIMS,
    CIVIL_SECOND_JUDGMENT,
    CIVIL_SECOND_RULING,
    CIVIL_SPECIAL,
    CIVIL_RETRIAL_REVIEW,
    CIVIL_RETRIAL_FIRST,
    CIVIL_RETRIAL_SECOND,
    CRIMINAL_FIRST,
    CRIMINAL_SUMMARY,
    CRIMINAL_SPEEDY,
    CRIMINAL_SECOND,
    CRIMINAL_PRIVATE_NOT_DETAINED,
    CRIMINAL_RETRIAL,
    ADMIN_FIRST,
    ADMIN_SUMMARY,
    ADMIN_SECOND,
    ENFORCEMENT,
    ENFORCEMENT_NON_LITIGATION,
    ENFORCEMENT_OBJECTION,
    ENFORCEMENT_RECONSIDERATION
}
