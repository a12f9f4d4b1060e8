package org.caseflow.schemas;

import org.caseflow.CaseflowException;

/**
 * Bytes that cannot be read as a Caseflow record. The topology routes such records to the
 * dead-letter topic with {@link #kind()} as the reason.
 */
public final class SchemaDecodeException extends CaseflowException {
    /** Why the bytes could not be decoded. */
    public enum Kind {
        /** Not single-object encoded (no Avro marker), or empty. */
        BAD_HEADER,
        /** Written with a schema this reader does not know. */
        UNKNOWN_FINGERPRINT,
        /** The header was fine but the body is truncated or malformed. */
        CORRUPT,
        /** A complete record followed by more bytes: not what a Caseflow encoder writes. */
        TRAILING_BYTES
    }

    private final Kind kind;

    public SchemaDecodeException(Kind kind, String message, Throwable cause) {
        super(kind + ": " + message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
