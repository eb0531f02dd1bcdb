package io.mimamori.layers.db;

import java.util.Objects;

/** Where the database is and how to log in. The password is never printed by {@link #toString}. */
public record DatabaseConfig(String jdbcUrl, String user, String password) {

  public DatabaseConfig {
    Objects.requireNonNull(jdbcUrl, "jdbcUrl");
    if (!jdbcUrl.startsWith("jdbc:postgresql:")) {
      throw new IllegalArgumentException("Only PostgreSQL URLs (jdbc:postgresql:...) are supported, got " + jdbcUrl);
    }
    Objects.requireNonNull(user, "user");
    password = password == null ? "" : password;
  }

  @Override
  public String toString() {
    return "DatabaseConfig[" + jdbcUrl + ", user=" + user + "]";
  }
}
