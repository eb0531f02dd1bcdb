package io.mimamori.server;

import io.mimamori.server.config.ServerConfig;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * The HTTPS connector Javalin serves on when {@code tls.keystore} is set: TLS 1.2 and 1.3 only
 * (Jetty's defaults exclude the weak suites), HTTP/1.1 inside, on the configured host and port.
 * It replaces the plain HTTP connector: a server with a keystore does not answer plain HTTP.
 */
final class TlsConnector {

  private TlsConnector() {}

  static Connector create(Server server, HttpConfiguration http, ServerConfig.Tls tls, String host, int port) {
    SslContextFactory.Server ssl = new SslContextFactory.Server();
    ssl.setKeyStorePath(tls.keystore().toString());
    ssl.setKeyStoreType(tls.keystore().getFileName().toString().toLowerCase().endsWith(".jks") ? "JKS" : "PKCS12");
    ssl.setKeyStorePassword(tls.password());
    ssl.setIncludeProtocols("TLSv1.3", "TLSv1.2");
    HttpConfiguration https = new HttpConfiguration(http);
    https.setSecureScheme("https");
    https.addCustomizer(new SecureRequestCustomizer());
    ServerConnector connector = new ServerConnector(server, new SslConnectionFactory(ssl, "http/1.1"),
        new HttpConnectionFactory(https));
    connector.setHost(host);
    connector.setPort(port);
    return connector;
  }
}
