package io.mimamori.layers.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mimamori.layers.testing.TestPostgis;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SchemaIT {

  @Test
  void migrationsApplyFromAnEmptyDatabase() throws SQLException {
    EmbeddedPostgres pg = TestPostgis.cluster();
    String name = "t_empty_" + ProcessHandle.current().pid();
    try (Connection c = pg.connect("postgres");
        Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + name);
      s.execute("CREATE DATABASE " + name); // no template: nothing in it, not even PostGIS
    }
    try (Database db = Database.open(pg.config(name), 2)) {
      assertThat(Database.migrate(db.dataSource())).as("second migrate is a no-op").isZero();
      try (Connection c = db.dataSource().getConnection();
          Statement s = c.createStatement()) {
      assertThat(strings(s, "SELECT postgis_lib_version()")).singleElement().asString().startsWith("3.");
      assertThat(strings(s, "SELECT table_name FROM information_schema.tables WHERE table_schema='public' ORDER BY 1"))
          .contains(
              "resident", "household", "supporter", "evacuation_plan", "plan_supporter", "consent",
              "shelter", "hazard_zone", "district", "import_run", "import_rejection");
      // every geometry column is EPSG:4326 and has a GiST index
      List<String> geometryColumns = strings(s, "SELECT f_table_name || '.' || f_geometry_column || ':' || srid FROM geometry_columns WHERE f_table_schema='public'");
      assertThat(geometryColumns).isNotEmpty().allMatch(g -> g.endsWith(":4326"));
      for (String g : geometryColumns) {
        String table = g.substring(0, g.indexOf('.'));
        assertThat(strings(s, "SELECT indexdef FROM pg_indexes WHERE tablename='" + table + "' AND indexdef LIKE '%USING gist%'"))
            .as("GiST index on " + g)
            .isNotEmpty();
      }
      }
    }
  }

  @Test
  void constraintsRejectValuesOutsideTheVocabulary() throws SQLException {
    DatabaseConfig cfg = TestPostgis.freshDatabase("schema_constraints");
    try (Connection c = DriverManager.getConnection(cfg.jdbcUrl(), cfg.user(), cfg.password());
        Statement s = c.createStatement()) {
      assertThatThrownBy(() -> s.execute(
              "INSERT INTO shelter (kind, name, geom, source, source_id, hazards) VALUES "
                  + "('evacuation_site', 'x', ST_SetSRID(ST_MakePoint(138.8, 35.1), 4326), 't', '1', '{meteor}')"))
          .hasMessageContaining("shelter_hazards_check");
      assertThatThrownBy(() -> s.execute(
              "INSERT INTO hazard_zone (hazard_type, rank, source, geom) VALUES "
                  + "('landslide', 3, 't', ST_Multi(ST_MakeEnvelope(0,0,1,1,4326)))"))
          .hasMessageContaining("check");
      assertThatThrownBy(() -> s.execute(
              "INSERT INTO hazard_zone (hazard_type, rank, source, geom) VALUES "
                  + "('flood', 1, 't', ST_Multi(ST_MakeEnvelope(0,0,1,1,3857)))"))
          .hasMessageContaining("SRID");
    }
  }

  @Test
  void clusterRestartKeepsTheData() throws SQLException {
    java.nio.file.Path home = TestPostgis.projectRoot().resolve("target/pg-restart-" + ProcessHandle.current().pid());
    try (EmbeddedPostgres first = EmbeddedPostgres.start(home, "restart")) {
      try (Connection c = first.connect("restart"); Statement s = c.createStatement()) {
        s.execute("CREATE TABLE kept (v text)");
        s.execute("INSERT INTO kept VALUES ('still here')");
      }
    }
    try (EmbeddedPostgres second = EmbeddedPostgres.start(home, "restart");
        Connection c = second.connect("restart");
        Statement s = c.createStatement()) {
      assertThat(strings(s, "SELECT v FROM kept")).containsExactly("still here");
    }
  }

  private static List<String> strings(Statement s, String sql) throws SQLException {
    List<String> out = new ArrayList<>();
    try (ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    }
    return out;
  }
}
