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
