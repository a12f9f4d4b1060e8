package org.caseflow.streams.domain.input;

import java.util.Locale;

/**
 * What every string of an event must be: well-formed Unicode without control characters. Ids become Kafka keys,
 * store keys, URL paths and log lines, where a NUL or a line feed splits or hides what follows; a lone surrogate
 * cannot be encoded in UTF-8 (Avro writes it as {@code ?}, so the stored id would silently differ from the sent
 * one); a replacement character U+FFFD is what a decoder leaves where bytes were not UTF-8 (the app's decoder does
 * so for a raw record), so the text is no longer what was sent.
 */
final class TextCheck {
    private TextCheck() {
    }

    /** The first problem of {@code text} in field {@code field}, or null; positions count characters from 1. */
    static Refusal check(String field, String text) {
        int position = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            position++;
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++; // a pair: one character outside the BMP
            } else if (Character.isSurrogate(c)) {
                return new Refusal(Refusal.MALFORMED_TEXT, field,
                        "lone surrogate " + codePoint(c) + " at character " + position + " (not valid Unicode)");
            } else if (c == '\uFFFD') {
                return new Refusal(Refusal.MALFORMED_TEXT, field, "replacement character U+FFFD at character "
                        + position + " (the text was damaged by an earlier decoding)");
            } else if (Character.getType(c) == Character.CONTROL) {
                return new Refusal(Refusal.CONTROL_CHARACTER, field,
                        "control character " + codePoint(c) + " at character " + position);
            }
        }
        return null;
    }

    private static String codePoint(char c) {
        return String.format(Locale.ROOT, "U+%04X", (int) c);
    }
}
