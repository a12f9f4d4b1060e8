package org.caseflow.streams.runtime.notify;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.caseflow.CaseflowException;

/** {@code X-Caseflow-Signature: sha256=<hex HMAC-SHA256 of the body>} (DESIGN.md section 9). */
public final class Signature {
    public static final String HEADER = "X-Caseflow-Signature";

    private Signature() {
    }

    public static String of(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new CaseflowException("HMAC-SHA256 unavailable", e);
        }
    }
}
