package io.mimamori.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mimamori.layers.account.AccountStore;
import io.mimamori.layers.account.PasswordHasher;
import io.mimamori.layers.account.Role;
import io.mimamori.layers.account.RoleGrant;
import io.mimamori.layers.db.Database;
import io.mimamori.layers.testing.TestPostgis;
import io.mimamori.server.config.ServerConfig;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * TLS from the configuration: with a keystore the server speaks HTTPS only (a self-signed key made
 * here with the JDK's keytool), sends HSTS, and marks the session cookie Secure.
 */
class TlsIT {

  private static final String STORE_PASSWORD = "keystore-pass-for-tests";
  private static final String PASSWORD = "tls test passphrase";

  @TempDir Path dir;

  @Test
  void aConfiguredKeystoreServesHttpsOnlyWithSecureCookies() throws Exception {
    Path keystore = selfSigned(dir.resolve("server.p12"));
    ServerConfig config = new ServerConfig("127.0.0.1", 0, Path.of("target/test-home"), Optional.empty(), Optional.empty(),
        "", "テスト市", 4, 64_000_000L, 3, 1000).withTls(new ServerConfig.Tls(keystore, STORE_PASSWORD));
    try (Database db = Database.open(TestPostgis.freshDatabase("tls"), 4);
        MimamoriApp app = MimamoriApp.start(config, db.dataSource())) {
      new AccountStore(db.dataSource()).create("tls.hq", "本部", new PasswordHasher().hash(PASSWORD.toCharArray()), "222038",
          List.of(RoleGrant.everywhere(Role.HQ)));
      HttpClient client = HttpClient.newBuilder().sslContext(trusting(keystore)).connectTimeout(Duration.ofSeconds(5)).build();
      String base = "https://127.0.0.1:" + app.port();

      HttpResponse<String> health = client.send(HttpRequest.newBuilder(URI.create(base + "/health")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(health.statusCode()).isEqualTo(200);
      assertThat(health.headers().firstValue("strict-transport-security")).contains("max-age=31536000");

      HttpResponse<String> login = client.send(HttpRequest.newBuilder(URI.create(base + "/api/login"))
          .POST(HttpRequest.BodyPublishers.ofString("{\"login\": \"tls.hq\", \"password\": \"" + PASSWORD + "\"}"))
          .header("Content-Type", "application/json").build(), HttpResponse.BodyHandlers.ofString());
      assertThat(login.statusCode()).isEqualTo(200);
      assertThat(login.headers().firstValue("set-cookie").orElseThrow()).contains("Secure").contains("HttpOnly");

      // plain HTTP on the same port gets no HTTP answer
      HttpClient plain = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
      assertThatThrownBy(() -> plain.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/health"))
          .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString()))
          .isInstanceOf(IOException.class);
      // a client that does not trust the key does not connect
      assertThatThrownBy(() -> HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/health")).build(),
          HttpResponse.BodyHandlers.ofString())).isInstanceOf(IOException.class);
    }
  }

  @Test
  void aKeystoreThatCannotBeReadOrHasNoPasswordIsRefusedAtStart() throws Exception {
    assertThatThrownBy(() -> new ServerConfig.Tls(dir.resolve("missing.p12"), "x")).hasMessageContaining("tls.keystore");
    Path keystore = selfSigned(dir.resolve("other.p12"));
    assertThatThrownBy(() -> new ServerConfig.Tls(keystore, "")).hasMessageContaining("tls.keystore-password");
    assertThat(new ServerConfig.Tls(keystore, STORE_PASSWORD).toString()).doesNotContain(STORE_PASSWORD);
  }

  /** A self-signed EC key for localhost and 127.0.0.1, made by the JDK's keytool. */
  static Path selfSigned(Path keystore) throws Exception {
    Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
    Process p = new ProcessBuilder(keytool.toString(), "-genkeypair", "-alias", "mimamori", "-keyalg", "EC",
        "-groupname", "secp256r1", "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-validity", "2",
        "-keystore", keystore.toString(), "-storetype", "PKCS12", "-storepass", STORE_PASSWORD, "-keypass", STORE_PASSWORD)
        .redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    assertThat(p.waitFor()).as(out).isZero();
    assertThat(Files.size(keystore)).isPositive();
    return keystore;
  }

  private static SSLContext trusting(Path keystore) throws Exception {
    KeyStore ks = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(keystore)) {
      ks.load(in, STORE_PASSWORD.toCharArray());
    }
    TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(ks);
    SSLContext ssl = SSLContext.getInstance("TLS");
    ssl.init(null, tmf.getTrustManagers(), null);
    return ssl;
  }
}
