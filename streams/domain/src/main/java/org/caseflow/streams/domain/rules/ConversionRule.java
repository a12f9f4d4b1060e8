package org.caseflow.streams.domain.rules;

/** What a conversion into a procedure does to the clock (DOMAIN §2). */
public enum ConversionRule {
    /** Keep counting from the original filing (civil: CPL Interp. 258; administrative: ALL Interp. 105). */
    KEEP_FILING_DATE,
    /** Count from the conversion decision (criminal: CrPL Interp. 368, 376). */
    FROM_CONVERSION
}
