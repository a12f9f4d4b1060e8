package org.caseflow.streams.domain.input;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * Data minimisation at the door (docs/security.md, "Personal data"): the contract carries no person's name or
 * identity number. {@code judge} is a pseudonymous id ({@code J-0211-017}: a Latin letter first, a digit somewhere, no
 * spaces), never a name; {@code division} is an organisational unit ({@code 民一庭}); reasons are codes or short
 * phrases. None of these fields may hold something shaped like an identity card, phone or bank card number (a run of
 * eleven digits or more, or an 18-character resident id ending in X). Values are never echoed in the refusal: the
 * refusal goes to logs, dead-letter headers and the CLI's output.
 */
final class PersonalDataCheck {
    /** Payload fields a producer fills with free text or an id of a person. */
    static final Set<String> FIELDS = Set.of("judge", "division", "reason");
    private static final Pattern PSEUDONYM = Pattern.compile("[A-Za-z][\\p{L}\\p{N}._:-]{1,63}");
    private static final Pattern DIGIT = Pattern.compile("\\p{Nd}");
    private static final Pattern ID_NUMBER = Pattern.compile("\\d{11,}|\\d{17}[Xx]");

    private PersonalDataCheck() {
    }

    static Refusal check(String field, String text) {
        if (!FIELDS.contains(field)) {
            return null;
        }
        if (ID_NUMBER.matcher(text).find()) {
            return new Refusal(Refusal.PERSONAL_DATA, field, "holds a number shaped like an identity, phone or bank card"
                    + " number (" + text.length() + " characters, not shown); the contract carries no personal data");
        }
        if (field.equals("judge") && !(PSEUDONYM.matcher(text).matches() && DIGIT.matcher(text).find())) {
            return new Refusal(Refusal.PERSONAL_DATA, field, "must be a pseudonymous judge id such as J-0211-017 (a Latin"
                    + " letter first, a digit, no spaces), not a name (" + text.length() + " characters, not shown)");
        }
        return null;
    }
}
