package io.mimamori.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class SettingsTest {

  @Test
  void environmentBeatsTheFileWhichBeatsTheDefault() {
    Properties file = new Properties();
    file.setProperty("port", "9000");
    file.setProperty("town.name", "試験町");
    Settings s = new Settings(Map.of("MIMAMORI_PORT", "9100"), file, "mimamori.properties");
    ServerConfig c = ServerConfig.from(s);
    assertThat(c.port()).isEqualTo(9100);
    assertThat(c.townName()).isEqualTo("試験町");
    assertThat(c.host()).isEqualTo("127.0.0.1");
    assertThat(c.database()).isEmpty();
    assertThat(c.basemapUrl()).contains(ServerConfig.DEFAULT_BASEMAP);
    assertThat(s.describe()).contains("MIMAMORI_PORT / port = 9100", "HTTP port");
  }

  @Test
  void anExternalDatabaseAndOfflineMode() {
    Settings s = new Settings(Map.of("MIMAMORI_DB_URL", "jdbc:postgresql://db:5432/mimamori", "MIMAMORI_DB_PASSWORD", "secret",
        "MIMAMORI_BASEMAP", "none"), new Properties(), "-");
    ServerConfig c = ServerConfig.from(s);
    assertThat(c.database()).get().satisfies(d -> {
      assertThat(d.jdbcUrl()).isEqualTo("jdbc:postgresql://db:5432/mimamori");
      assertThat(d.toString()).doesNotContain("secret");
    });
    assertThat(c.basemapUrl()).isEmpty();
    assertThat(s.describe()).doesNotContain("secret");
  }

  @Test
  void routingIsOffUntilAnOsmFileIsNamedAndItsGraphCacheLivesUnderHome() {
    ServerConfig off = ServerConfig.from(new Settings(Map.of("MIMAMORI_HOME", "/srv/mimamori"), new Properties(), "-"));
    assertThat(off.routing().osmFile()).isEmpty();
    assertThat(off.routing().graphCache()).isEqualTo(java.nio.file.Path.of("/srv/mimamori/graph-cache"));
    Settings s = new Settings(Map.of("MIMAMORI_ROUTING_OSM_FILE", "/data/town.osm.pbf", "MIMAMORI_JOBS_KEEP_MINUTES", "5"),
        new Properties(), "-");
    ServerConfig on = ServerConfig.from(s);
    assertThat(on.routing().osmFile()).contains(java.nio.file.Path.of("/data/town.osm.pbf"));
    assertThat(on.routing().keepFinishedJobs()).isEqualTo(java.time.Duration.ofMinutes(5));
    assertThat(s.describe()).contains("MIMAMORI_ROUTING_OSM_FILE / routing.osm-file = /data/town.osm.pbf",
        "routing.graph-cache", "jobs.max-running", "routing.threads");
    assertThatThrownBy(() -> ServerConfig.from(new Settings(Map.of("MIMAMORI_JOBS_MAX_RUNNING", "0"), new Properties(), "f")))
        .hasMessageContaining("jobs.max-running");
  }

  @Test
  void tlsAndDisclosureRetention() throws Exception {
    ServerConfig plain = ServerConfig.from(new Settings(Map.of(), new Properties(), "-"));
    assertThat(plain.tls()).isEmpty();
    assertThat(plain.disclosureRetention()).isEqualTo(java.time.Duration.ofDays(30));
    java.nio.file.Path keystore = java.nio.file.Files.createTempFile("keystore", ".p12");
    try {
      Settings s = new Settings(Map.of("MIMAMORI_TLS_KEYSTORE", keystore.toString(), "MIMAMORI_TLS_KEYSTORE_PASSWORD", "hunter22",
          "MIMAMORI_DISCLOSURE_RETENTION_DAYS", "7"), new Properties(), "-");
      ServerConfig c = ServerConfig.from(s);
      assertThat(c.tls()).get().satisfies(t -> assertThat(t.keystore()).isEqualTo(keystore.toAbsolutePath()));
      assertThat(c.disclosureRetention()).isEqualTo(java.time.Duration.ofDays(7));
      assertThat(s.describe()).contains("tls.keystore", "disclosure.retention-days = 7").doesNotContain("hunter22");
      assertThat(c.toString()).doesNotContain("hunter22");
    } finally {
      java.nio.file.Files.delete(keystore);
    }
    assertThatThrownBy(() -> ServerConfig.from(new Settings(Map.of("MIMAMORI_TLS_KEYSTORE", "/nonexistent/ks.p12",
        "MIMAMORI_TLS_KEYSTORE_PASSWORD", "x"), new Properties(), "f"))).hasMessageContaining("tls.keystore");
    assertThatThrownBy(() -> ServerConfig.from(new Settings(Map.of("MIMAMORI_DISCLOSURE_RETENTION_DAYS", "-1"),
        new Properties(), "f"))).hasMessageContaining("disclosure.retention-days");
  }

  @Test
  void badValuesAreRefusedWithTheSettingNamed() {
    assertThatThrownBy(() -> ServerConfig.from(new Settings(Map.of("MIMAMORI_PORT", "eighty"), new Properties(), "f")))
        .hasMessageContaining("port").hasMessageContaining("eighty");
    assertThatThrownBy(() -> ServerConfig.from(new Settings(Map.of("MIMAMORI_PORT", "70000"), new Properties(), "f")))
        .hasMessageContaining("port");
    assertThatThrownBy(() -> ServerConfig.from(new Settings(Map.of("MIMAMORI_DB_URL", "jdbc:mysql://x/y"), new Properties(), "f")))
        .hasMessageContaining("PostgreSQL");
    assertThatThrownBy(() -> ServerConfig.from(new Settings(Map.of("MIMAMORI_BASEMAP", "ftp://tiles"), new Properties(), "f")))
        .hasMessageContaining("basemap");
  }
}
