package org.caseflow.streams.runtime.http.tls;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Enumeration;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import org.caseflow.streams.runtime.config.ConfigKeys;
import org.caseflow.streams.runtime.config.HttpSecurity;
import org.caseflow.streams.runtime.config.InvalidConfigException;

/**
 * The HTTPS material of {@link HttpSecurity}: the server's key and certificate chain (a PKCS12 key store, or PEM files
 * turned into one in memory), and what peers are trusted by when a query is forwarded to the instance that owns the
 * data: the certificates of {@code caseflow.http.tls.ca} or, without it, the JDK's trusted CAs plus this instance's own
 * chain (instances sharing one self-signed certificate then trust each other). Host names are checked by the client as
 * usual, so each instance's certificate must name its advertised host.
 */
public final class ServerTls {
    static final char[] IN_MEMORY_PASSWORD = "caseflow-in-memory".toCharArray();

    private final KeyStore keyStore;
    private final char[] keyPassword;
    private final List<X509Certificate> peerTrust;

    private ServerTls(KeyStore keyStore, char[] keyPassword, List<X509Certificate> peerTrust) {
        this.keyStore = keyStore;
        this.keyPassword = keyPassword;
        this.peerTrust = peerTrust;
    }

    /** @throws InvalidConfigException naming the key and the file when the material cannot be read */
    public static ServerTls load(HttpSecurity security) {
        KeyStore store;
        char[] password;
        if (security.keystore() != null) {
            password = security.keystorePassword().toCharArray();
            store = readKeyStore(security.keystore(), password);
        } else {
            password = IN_MEMORY_PASSWORD;
            store = fromPem(security.certificate(), security.privateKey());
        }
        List<X509Certificate> trust = new ArrayList<>();
        if (security.peerCa() != null) {
            trust.addAll(readCertificates(ConfigKeys.HTTP_TLS_CA, security.peerCa()));
        } else {
            trust.addAll(jdkTrustedIssuers());
            trust.addAll(chainOf(store));
        }
        return new ServerTls(store, password, trust);
    }

    public KeyStore keyStore() {
        return keyStore;
    }

    public char[] keyPassword() {
        return keyPassword.clone();
    }

    /** The client side of peer forwarding: trusts {@link #load}'s peer certificates only. */
    public SSLContext peerContext() {
        try {
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            int i = 0;
            for (X509Certificate cert : peerTrust) {
                trust.setCertificateEntry("peer-" + i++, cert);
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, tmf.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot build the peers' TLS context: " + e.getMessage(), e);
        }
    }

    private static KeyStore readKeyStore(Path file, char[] password) {
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
            if (chainOf(store).isEmpty()) {
                throw problem(ConfigKeys.HTTP_TLS_KEYSTORE, file, "holds no private key with its certificate");
            }
            return store;
        } catch (IOException | GeneralSecurityException e) {
            // Wrong password and unreadable file alike: say which, never the password.
            throw problem(ConfigKeys.HTTP_TLS_KEYSTORE, file, "cannot read it as PKCS12 with "
                    + ConfigKeys.HTTP_TLS_KEYSTORE_PASSWORD + " (" + e.getMessage() + ")");
        }
    }

    private static KeyStore fromPem(Path certFile, Path keyFile) {
        List<X509Certificate> chain = readCertificates(ConfigKeys.HTTP_TLS_CERT, certFile);
        if (chain.isEmpty()) {
            throw problem(ConfigKeys.HTTP_TLS_CERT, certFile, "holds no PEM certificate");
        }
        PrivateKey key = readKey(keyFile);
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("caseflow", key, IN_MEMORY_PASSWORD, chain.toArray(new Certificate[0]));
            return store;
        } catch (IOException | GeneralSecurityException e) {
            throw problem(ConfigKeys.HTTP_TLS_KEY, keyFile, "does not go with the certificate (" + e.getMessage() + ")");
        }
    }

    private static List<X509Certificate> readCertificates(String key, Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            Collection<? extends Certificate> certs = CertificateFactory.getInstance("X.509").generateCertificates(in);
            return certs.stream().map(c -> (X509Certificate) c).toList();
        } catch (IOException | GeneralSecurityException e) {
            throw problem(key, file, "cannot read PEM certificates (" + e.getMessage() + ")");
        }
    }

    private static PrivateKey readKey(Path file) {
        String pem;
        try {
            pem = Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw problem(ConfigKeys.HTTP_TLS_KEY, file, "cannot read it (" + e.getClass().getSimpleName() + ")");
        }
        if (!pem.contains("-----BEGIN PRIVATE KEY-----")) {
            throw problem(ConfigKeys.HTTP_TLS_KEY, file, "must be an unencrypted PKCS8 PEM key (-----BEGIN PRIVATE KEY-----);"
                    + " convert with 'openssl pkcs8 -topk8 -nocrypt -in KEY -out KEY.pk8'");
        }
        String body = pem.substring(pem.indexOf("-----BEGIN PRIVATE KEY-----") + 27, pem.indexOf("-----END PRIVATE KEY-----"));
        byte[] der = Base64.getMimeDecoder().decode(body);
        for (String algorithm : List.of("RSA", "EC", "Ed25519")) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
            } catch (GeneralSecurityException notThisAlgorithm) {
                // try the next one
            }
        }
        throw problem(ConfigKeys.HTTP_TLS_KEY, file, "is neither an RSA, an EC nor an Ed25519 key");
    }

    private static List<X509Certificate> chainOf(KeyStore store) {
        try {
            List<X509Certificate> chain = new ArrayList<>();
            Enumeration<String> aliases = store.aliases();
            while (aliases.hasMoreElements()) {
                String alias = aliases.nextElement();
                if (store.isKeyEntry(alias) && store.getCertificateChain(alias) != null) {
                    for (Certificate c : store.getCertificateChain(alias)) {
                        chain.add((X509Certificate) c);
                    }
                }
            }
            return chain;
        } catch (GeneralSecurityException e) {
            return List.of();
        }
    }

    private static List<X509Certificate> jdkTrustedIssuers() {
        try {
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init((KeyStore) null);
            List<X509Certificate> issuers = new ArrayList<>();
            for (TrustManager tm : tmf.getTrustManagers()) {
                if (tm instanceof X509TrustManager x509) {
                    issuers.addAll(List.of(x509.getAcceptedIssuers()));
                }
            }
            return issuers;
        } catch (GeneralSecurityException e) {
            return List.of();
        }
    }

    private static InvalidConfigException problem(String key, Path file, String what) {
        return new InvalidConfigException(List.of(key + ": " + file + " " + what));
    }
}
