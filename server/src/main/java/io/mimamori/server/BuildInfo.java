package io.mimamori.server;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/** The version, read from {@code mimamori-build.properties}, which Maven fills in at build time. */
public record BuildInfo(String version, String builtAt, String java) {

  public static BuildInfo current() {
    Properties p = new Properties();
    try (InputStream in = BuildInfo.class.getResourceAsStream("/mimamori-build.properties")) {
      if (in != null) {
        p.load(in);
      }
    } catch (IOException e) {
      // fall through to "unknown"
    }
    return new BuildInfo(
        p.getProperty("version", "unknown"), p.getProperty("built-at", "unknown"), System.getProperty("java.version"));
  }

  public Map<String, Object> asMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", "mimamori");
    m.put("version", version);
    m.put("built_at", builtAt);
    m.put("java", java);
    return m;
  }
}
