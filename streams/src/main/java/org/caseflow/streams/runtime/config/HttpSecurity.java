package org.caseflow.streams.runtime.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
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

    static HttpSecurity parse(ValueParser p, Map<String, String> values, List<String> problems) {
        String auth = values.getOrDefault(ConfigKeys.HTTP_AUTH, "token").trim().toLowerCase(Locale.ROOT);
        if (!auth.equals("token") && !auth.equals("none")) {
            problems.add(ConfigKeys.HTTP_AUTH + ": must be 'token' or 'none', got '" + auth + "'");
        }
        Duration ttl = Duration.ofMillis(p.longIn(ConfigKeys.HTTP_SESSION_TTL_MS, 60_000, 30L * 24 * 3_600_000));
        Path keystore = optionalPath(p, ConfigKeys.HTTP_TLS_KEYSTORE);
        Path cert = optionalPath(p, ConfigKeys.HTTP_TLS_CERT);
        Path key = optionalPath(p, ConfigKeys.HTTP_TLS_KEY);
        if (keystore != null && (cert != null || key != null)) {
            problems.add(ConfigKeys.HTTP_TLS_KEYSTORE + ": give either a PKCS12 key store or a PEM certificate and key, not both");
        }
        if ((cert == null) != (key == null)) {
            problems.add((cert == null ? ConfigKeys.HTTP_TLS_CERT : ConfigKeys.HTTP_TLS_KEY) + ": required with "
                    + (cert == null ? ConfigKeys.HTTP_TLS_KEY : ConfigKeys.HTTP_TLS_CERT));
        }
        return new HttpSecurity(!auth.equals("none"), ttl, keystore, p.text(ConfigKeys.HTTP_TLS_KEYSTORE_PASSWORD), cert, key,
                optionalPath(p, ConfigKeys.HTTP_TLS_CA));
    }

    private static Path optionalPath(ValueParser p, String key) {
        return p.text(key).isEmpty() ? null : p.path(key);
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
