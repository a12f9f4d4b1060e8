package org.caseflow.streams.runtime.config;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * A stored API token: the JDK's PBKDF2WithHmacSHA256 of the token with a random 16-byte salt, written
 * {@code pbkdf2-sha256.ITERATIONS.KEYID.SALT.HASH} (base64url; no ':', ';', ',', '$' or '=', so it survives properties
 * files, compose and shell interpolation). Tokens made by {@code caseflow token new} read {@code cft_KEYID_SECRET}: the
 * key id (8 hex digits, not secret) picks the one entry to check, so a request costs one PBKDF2 at most; a token of the
 * operator's own making has key id {@code -} and is checked against every such entry.
 */
public record TokenHash(int iterations, String keyId, byte[] salt, byte[] hash) {
    public static final String SCHEME = "pbkdf2-sha256";
    /**
     * Tokens made here carry 256 random bits, which no stretching makes safer; the iterations protect a weak token of the
     * operator's own making if the configuration leaks, and bound what a wrong guess costs the server (one hash).
     */
    public static final int DEFAULT_ITERATIONS = 100_000;
    public static final String NO_KEY_ID = "-";
    private static final Pattern GENERATED = Pattern.compile("cft_([0-9a-f]{8})_([A-Za-z0-9_-]{43})");
    private static final Pattern WRITTEN = Pattern.compile(
            Pattern.quote(SCHEME) + "\\.(\\d{1,9})\\.([0-9a-f]{8}|-)\\.([A-Za-z0-9_-]{16,})\\.([A-Za-z0-9_-]{43})");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    /** A fresh random token in the {@code cft_KEYID_SECRET} form. */
    public static String newToken() {
        byte[] id = new byte[4];
        byte[] secret = new byte[32];
        RANDOM.nextBytes(id);
        RANDOM.nextBytes(secret);
        return "cft_" + HexFormat.of().formatHex(id) + "_" + B64.encodeToString(secret);
    }

    /** The key id of a token made by {@link #newToken}, or {@link #NO_KEY_ID}. */
    public static String keyIdOf(String token) {
        Matcher m = GENERATED.matcher(token);
        return m.matches() ? m.group(1) : NO_KEY_ID;
    }

    public static TokenHash of(String token) {
        return of(token, DEFAULT_ITERATIONS);
    }

    public static TokenHash of(String token, int iterations) {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        return new TokenHash(iterations, keyIdOf(token), salt, derive(token, salt, iterations));
    }

    /** Parses the written form; empty when it is not one (e.g. a token itself was configured). */
    public static Optional<TokenHash> parse(String text) {
        Matcher m = WRITTEN.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        int iterations = Integer.parseInt(m.group(1));
        if (iterations < 1_000) {
            return Optional.empty();
        }
        Base64.Decoder d = Base64.getUrlDecoder();
        return Optional.of(new TokenHash(iterations, m.group(2), d.decode(m.group(3)), d.decode(m.group(4))));
    }

    /** Constant time in the token's content: the derived key is compared with {@link MessageDigest#isEqual}. */
    public boolean matches(String token) {
        return MessageDigest.isEqual(hash, derive(token, salt, iterations));
    }

    public String written() {
        return SCHEME + "." + iterations + "." + keyId + "." + B64.encodeToString(salt) + "." + B64.encodeToString(hash);
    }

    private static byte[] derive(String token, byte[] salt, int iterations) {
        try {
            PBEKeySpec spec = new PBEKeySpec(token.toCharArray(), salt, iterations, 256);
            try {
                return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
            } finally {
                spec.clearPassword();
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 unavailable in this JDK", e);
        }
    }

    /** SHA-256 of a token, what a verified token is remembered by (never the token itself). */
    public static byte[] digest(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 unavailable in this JDK", e);
        }
    }

    @Override
    public String toString() {
        return "TokenHash[" + keyId + "]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TokenHash t && written().equals(t.written());
    }

    @Override
    public int hashCode() {
        return written().hashCode();
    }
}
