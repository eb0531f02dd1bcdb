package io.mimamori.layers.tiles;

import static org.assertj.core.api.Assertions.assertThat;

import io.mimamori.layers.db.Database;
import io.mimamori.layers.geo.LonLat;
import io.mimamori.layers.hazard.HazardStore;
import io.mimamori.layers.hazard.HazardType;
import io.mimamori.layers.hazard.HazardZone;
import io.mimamori.layers.shelter.Shelter;
import io.mimamori.layers.shelter.ShelterKind;
import io.mimamori.layers.shelter.ShelterStore;
import io.mimamori.layers.testing.TestPostgis;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;

class TileStoreIT {

  private static Database db;
  private static TileStore tiles;

  // Numazu station area; z14 tile 14/14512/6484 holds lon 138.8672..138.8892, lat 35.0840..35.1019
  private static final TileCoord AT_Z14 = new TileCoord(14, 14512, 6484);

  @BeforeAll
  static void load() throws Exception {
    db = Database.open(TestPostgis.freshDatabase("tiles"), 4);
    tiles = new TileStore(db.dataSource(), 5);
    try (Connection c = db.dataSource().getConnection()) {
      c.setAutoCommit(false);
      ShelterStore.upsertAll(c, List.of(
          new Shelter("222038", ShelterKind.EVACUATION_SITE, "中央公園", null, LonLat.of(138.875, 35.090),
              Set.of(HazardType.TSUNAMI, HazardType.EARTHQUAKE), null, null, null, null, null, null, "t", "1"),
          new Shelter("222038", ShelterKind.CHILD_WELFARE_SHELTER, "支援学校", null, LonLat.of(138.880, 35.095),
              null, null, Set.of("pupils"), Set.of("intellectual"), 150, 50, null, "t", "2"),
          new Shelter("222038", ShelterKind.DESIGNATED_SHELTER, "遠い学校", null, LonLat.of(138.95, 35.20),
              null, null, null, null, 500, null, null, "t", "3")));
      GeometryFactory gf = new GeometryFactory();
      HazardStore.insertAll(c, List.of(new HazardZone(HazardType.FLOOD, 3, null, "川", null, "t", "f1",
          gf.createPolygon(new Coordinate[] {new Coordinate(138.870, 35.086), new Coordinate(138.885, 35.086),
              new Coordinate(138.885, 35.100), new Coordinate(138.870, 35.100), new Coordinate(138.870, 35.086)}))));
      try (Statement s = c.createStatement()) {
        // 12 people in one household block near (138.876, 35.091), 2 people far away: only the first cell is drawn
        s.execute("""
            INSERT INTO household (municipality_code, address, geom, composition, member_count)
            SELECT '222038', 'synthetic', ST_SetSRID(ST_MakePoint(138.876 + i * 0.00001, 35.091), 4326), 'alone', 1
            FROM generate_series(1, 12) AS i
            """);
        s.execute("""
            INSERT INTO household (municipality_code, address, geom, composition, member_count)
            SELECT '222038', 'synthetic', ST_SetSRID(ST_MakePoint(138.884, 35.099 + i * 0.00001), 4326), 'alone', 1
            FROM generate_series(1, 2) AS i
            """);
        s.execute("""
            INSERT INTO resident (household_id, municipality_code, register_no, family_name, given_name, birth_date, sex)
            SELECT id, '222038', 'R' || id, '試験', '太郎', DATE '1940-01-01', 'male' FROM household
            """);
      }
      c.commit();
    }
  }

  @AfterAll
  static void close() {
    db.close();
  }

  @Test
  void sheltersCarryTheirAttributes() throws Exception {
    MvtReader.Layer layer = MvtReader.read(tiles.render(TileLayer.SHELTERS, AT_Z14)).get("shelters");
    assertThat(layer.features()).hasSize(2);
    Map<String, Object> park = layer.features().get(0).attributes();
    assertThat(park).containsEntry("kind", "evacuation_site").containsEntry("name", "中央公園")
        .containsEntry("hazards", "earthquake,tsunami");
    Map<String, Object> school = layer.features().get(1).attributes();
    assertThat(school).containsEntry("kind", "child_welfare_shelter").containsEntry("disability_types", "intellectual");
    assertThat(((Number) school.get("capacity_persons")).intValue()).isEqualTo(150);
    assertThat(((Number) school.get("capacity_children")).intValue()).isEqualTo(50);
    assertThat(layer.features()).allSatisfy(f -> assertThat(f.type()).isEqualTo(1));
  }

  @Test
  void aLowZoomTileHoldsEverythingAndAFarTileNothing() throws Exception {
    assertThat(MvtReader.read(tiles.render(TileLayer.SHELTERS, new TileCoord(8, 226, 101))).get("shelters").features())
        .hasSize(3);
    assertThat(tiles.render(TileLayer.SHELTERS, new TileCoord(14, 0, 0))).isEmpty();
  }

  /**
   * Found by the tile benchmark beside MapServer: ST_AsMVTGeom snaps a point to the grid before it
   * drops what lies beyond the 64-unit buffer, so a point 64.3 units east of the tile is drawn at
   * 4160; the index search must not have left it out already. One at 64.8 units rounds to 4161 and
   * is not drawn.
   */
  @Test
  void aPointWithinHalfAUnitOfTheBufferIsKept() throws Exception {
    TileCoord tile = new TileCoord(10, 920, 405);
    double unit = tile.widthDegrees() / 4096;
    try (Connection c = db.dataSource().getConnection()) {
      c.setAutoCommit(false);
      ShelterStore.upsertAll(c, List.of(
          new Shelter("222038", ShelterKind.DESIGNATED_SHELTER, "縁の内", null, LonLat.of(tile.east() + 64.3 * unit, 35.0),
              null, null, null, null, null, null, null, "t", "edge-in"),
          new Shelter("222038", ShelterKind.DESIGNATED_SHELTER, "縁の外", null, LonLat.of(tile.east() + 64.8 * unit, 35.0),
              null, null, null, null, null, null, null, "t", "edge-out")));
      c.commit();
    }
    MvtReader.Layer layer = MvtReader.read(tiles.render(TileLayer.SHELTERS, tile)).get("shelters");
    assertThat(layer.features()).singleElement().satisfies(f -> assertThat(f.attributes()).containsEntry("name", "縁の内"));
  }

  @Test
  void hazardsAreClippedPolygonsWithTypeAndRank() throws Exception {
    MvtReader.Layer layer = MvtReader.read(tiles.render(TileLayer.HAZARDS, AT_Z14)).get("hazards");
    assertThat(layer.features()).singleElement().satisfies(f -> {
      assertThat(f.type()).isEqualTo(3);
      assertThat(f.attributes()).containsEntry("hazard_type", "flood");
      assertThat(((Number) f.attributes().get("rank")).intValue()).isEqualTo(3);
    });
    // at zoom 18 the polygon covers the tile: clipped to about the tile's square
    MvtReader.Layer inside = MvtReader.read(tiles.render(TileLayer.HAZARDS, new TileCoord(18, 232199, 103751))).get("hazards");
    assertThat(inside.features()).singleElement().satisfies(f -> assertThat(f.geometryCommands()).isLessThan(20));
  }

  @Test
  void residentCellsWithFewPeopleAreSuppressedAndNoPersonalFieldLeaves() throws Exception {
    new io.mimamori.layers.priority.PriorityStore(db.dataSource()).scoreAll(io.mimamori.layers.priority.PriorityProfile.NATIONAL);
    MvtReader.Layer layer = MvtReader.read(tiles.render(TileLayer.RESIDENT_DENSITY, AT_Z14)).get("resident_density");
    // the block of 12 is drawn (in one cell, or two if a cell edge runs through it); the 2 far away are not
    assertThat(layer.features()).isNotEmpty().allSatisfy(f -> {
      assertThat(f.attributes().keySet()).containsExactly("residents", "band_a", "band_b", "band_c", "band_d");
      int residents = ((Number) f.attributes().get("residents")).intValue();
      assertThat(residents).isGreaterThanOrEqualTo(5);
      int bands = java.util.stream.Stream.of("band_a", "band_b", "band_c", "band_d")
          .mapToInt(k -> ((Number) f.attributes().get(k)).intValue()).sum();
      assertThat(bands).as("every scored resident is in one band").isEqualTo(residents);
    });
    assertThat(layer.features().stream().mapToInt(f -> ((Number) f.attributes().get("residents")).intValue()).sum())
        .isEqualTo(12);
  }
}
