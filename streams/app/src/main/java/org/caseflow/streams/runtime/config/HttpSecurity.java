package org.caseflow.streams.runtime.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * How the HTTP server lets people in: whether the API needs a token ({@code caseflow.http.auth}), how long a login
 * session lasts, and TLS (a PKCS12 key store, or a PEM certificate chain with its PKCS8 key; {@code caseflow.http.tls.ca}
 * the certificates peers are trusted by when queries are forwarded between instances). docs/security.md.
 *
 * @param tokenAuth       false only when {@code caseflow.http.auth=none} was set explicitly
 * @param keystorePassword a secret: never logged ({@link #toString} leaves it out)
 */
public record HttpSecurity(boolean tokenAuth, Duration sessionTtl, Path keystore, String keystorePassword, Path certificate,
        Path privateKey, Path peerCa) {

    public boolean tls() {
        return keystore != null || certificate != null;
    }

    /** Each key is valid by itself ({@link ConfigDefinitions}); what is checked here is how they combine. */
    static HttpSecurity parse(DefinedConfig c, List<String> problems) {
        Path keystore = c.optionalPath(ConfigKeys.HTTP_TLS_KEYSTORE);
        Path cert = c.optionalPath(ConfigKeys.HTTP_TLS_CERT);
        Path key = c.optionalPath(ConfigKeys.HTTP_TLS_KEY);
        if (keystore != null && (cert != null || key != null)) {
            problems.add(ConfigKeys.HTTP_TLS_KEYSTORE + ": give either a PKCS12 key store or a PEM certificate and key, not both");
        }
        if ((cert == null) != (key == null)) {
            problems.add((cert == null ? ConfigKeys.HTTP_TLS_CERT : ConfigKeys.HTTP_TLS_KEY) + ": required with "
                    + (cert == null ? ConfigKeys.HTTP_TLS_KEY : ConfigKeys.HTTP_TLS_CERT));
        }
        return new HttpSecurity(!c.text(ConfigKeys.HTTP_AUTH).equalsIgnoreCase("none"), c.millis(ConfigKeys.HTTP_SESSION_TTL_MS),
                keystore, c.text(ConfigKeys.HTTP_TLS_KEYSTORE_PASSWORD), cert, key, c.optionalPath(ConfigKeys.HTTP_TLS_CA));
    }

    void putSettings(Map<String, String> s) {
        s.put(ConfigKeys.HTTP_AUTH, tokenAuth ? "token" : "none");
        s.put(ConfigKeys.HTTP_SESSION_TTL_MS, String.valueOf(sessionTtl.toMillis()));
        s.put(ConfigKeys.HTTP_TLS_KEYSTORE, keystore == null ? "" : keystore.toString());
        s.put(ConfigKeys.HTTP_TLS_KEYSTORE_PASSWORD, keystorePassword);
        s.put(ConfigKeys.HTTP_TLS_CERT, certificate == null ? "" : certificate.toString());
        s.put(ConfigKeys.HTTP_TLS_KEY, privateKey == null ? "" : privateKey.toString());
        s.put(ConfigKeys.HTTP_TLS_CA, peerCa == null ? "" : peerCa.toString());
    }

    @Override
    public String toString() {
        return "HttpSecurity[auth=" + (tokenAuth ? "token" : "none") + ", sessionTtl=" + sessionTtl + ", tls=" + tls() + "]";
    }
}
