package org.caseflow.streams.runtime.http.tls;

import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/** The Jetty connector that replaces the plain HTTP one when TLS is configured: HTTPS only, TLS 1.2 and 1.3. */
public final class HttpsConnector {
    private HttpsConnector() {
    }

    public static ServerConnector create(Server server, HttpConfiguration base, ServerTls tls, String host, int port) {
        SslContextFactory.Server ssl = new SslContextFactory.Server();
        ssl.setKeyStore(tls.keyStore());
        ssl.setKeyStorePassword(new String(tls.keyPassword()));
        ssl.setKeyManagerPassword(new String(tls.keyPassword()));
        ssl.setIncludeProtocols("TLSv1.3", "TLSv1.2");
        HttpConfiguration https = new HttpConfiguration(base);
        // Host names are the client's to check against the certificate; the server answers whatever name it was reached by.
        SecureRequestCustomizer secure = new SecureRequestCustomizer(false);
        https.addCustomizer(secure);
        ServerConnector connector = new ServerConnector(server, new SslConnectionFactory(ssl, "http/1.1"),
                new HttpConnectionFactory(https));
        connector.setHost(host);
        connector.setPort(port);
        return connector;
    }
}
