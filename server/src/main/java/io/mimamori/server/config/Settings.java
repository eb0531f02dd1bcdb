package io.mimamori.server.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Where settings come from, strongest first: environment variables ({@code MIMAMORI_PORT}), then a
 * properties file ({@code port=8080}; the file named by {@code MIMAMORI_CONFIG}, else
 * {@code mimamori.properties} in the working folder if present), then the default. Every lookup
 * carries a description, so {@link #describe()} lists each option with its value and meaning.
 */
public final class Settings {

  private final Map<String, String> env;
  private final Properties file;
  private final String fileName;
  private final Map<String, String> described = new TreeMap<>();

  public Settings(Map<String, String> env, Properties file, String fileName) {
    this.env = Map.copyOf(env);
    this.file = file;
    this.fileName = fileName;
  }

  /** The process environment and the configuration file it names (or the default file, if present). */
  public static Settings fromEnvironment() {
    Map<String, String> env = System.getenv();
    String named = env.get("MIMAMORI_CONFIG");
    Path path = Path.of(named != null && !named.isBlank() ? named : "mimamori.properties");
    Properties props = new Properties();
    if (Files.exists(path)) {
      try (Reader r = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
        props.load(r);
      } catch (IOException e) {
        throw new IllegalArgumentException("Cannot read the configuration file " + path + ": " + e.getMessage(), e);
      }
    } else if (named != null && !named.isBlank()) {
      throw new IllegalArgumentException("MIMAMORI_CONFIG names " + path + ", which does not exist");
    }
    return new Settings(env, props, path.toString());
  }

  public String string(String key, String description, String defaultValue) {
    String envKey = "MIMAMORI_" + key.toUpperCase().replace('.', '_').replace('-', '_');
    String value = env.get(envKey);
    if (value == null || value.isBlank()) {
      value = file.getProperty(key);
    }
    if (value == null || value.isBlank()) {
      value = defaultValue;
    }
    described.put(key, envKey + " / " + key + " = " + (key.contains("password") ? "***" : value) + "  (" + description + ")");
    return value;
  }

  public int integer(String key, String description, int defaultValue) {
    String raw = string(key, description, Integer.toString(defaultValue));
    try {
      return Integer.parseInt(raw.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("Setting " + key + " must be a whole number, got '" + raw + "' (" + fileName + " or environment)");
    }
  }

  /** Every option read so far, one per line, with its source names, value and description. */
  public String describe() {
    return String.join("\n", described.values());
  }
}
