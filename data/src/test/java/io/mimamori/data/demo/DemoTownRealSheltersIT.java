package io.mimamori.data.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.mimamori.layers.db.Database;
import io.mimamori.layers.shelter.Shelter;
import io.mimamori.layers.shelter.ShelterKind;
import io.mimamori.layers.testing.TestPostgis;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.locationtech.jts.geom.Coordinate;
import org.junit.jupiter.api.Test;

/** Numazu's real GSI shelters: the town is laid out around them, and they replace the generated ones. */
class DemoTownRealSheltersIT {

  private static long count(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static List<Shelter> numazu() throws Exception {
    Path gsi = TestPostgis.sharedData().resolve("gsi-shelters-jp-shelter-api");
    Path emergency = gsi.resolve("emergency_222038.geojson"), evacuation = gsi.resolve("evacuation_222038.geojson");
    Assumptions.assumeTrue(Files.exists(emergency) && Files.exists(evacuation),
        "the GSI shelters of Numazu are not in " + gsi + "; skipping the real-shelter test");
    return GsiShelterFixture.read(emergency, evacuation);
  }

  /**
   * The coast is pushed out round real shelters standing where the generated sea would be (the
   * Izu side): as rounded headlands merging into one shore, not as sharp spikes (the old ones turned
   * by 135 degrees at their tips; the generated coast itself turns by at most about 40).
   */
  @Test
  void theCoastBendsSmoothlyRoundRealShelters() throws Exception {
    List<Shelter> real = numazu();
    TownGeography geo = new TownGeography(TownFrame.of(1.0, real), 7, real);
    Coordinate[] c = geo.coast.getCoordinates();
    double sharpest = 0;
    for (int i = 2; i + 2 < c.length; i++) {
      double before = Math.atan2(c[i].y - c[i - 2].y, c[i].x - c[i - 2].x);
      double after = Math.atan2(c[i + 2].y - c[i].y, c[i + 2].x - c[i].x);
      double turn = Math.abs(Math.toDegrees(after - before));
      sharpest = Math.max(sharpest, turn > 180 ? 360 - turn : turn);
    }
    assertThat(sharpest).as("sharpest turn of the coast over 240 m either side, degrees").isLessThan(60);
    for (Shelter s : real) {
      double x = geo.frame.x(s.location().lon()), y = geo.frame.y(s.location().lat());
      assertThat(geo.isLand(x, y)).as(s.name()).isTrue();
      assertThat(geo.distanceToCoast(x, y)).as(s.name()).isGreaterThan(TownGeography.SHORE_MARGIN * 0.5);
    }
  }

  @Test
  void welfareSheltersAreGeneratedWhenTheRealListHasNone() throws Exception {
    List<Shelter> real = numazu().stream().filter(s -> s.kind() != ShelterKind.WELFARE_SHELTER).toList();
    Path dir = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "real-no-welfare");
    GeneratedTown town = DemoTownGenerator.generate(DemoTownSpec.of(7, 2_000, 1.0).withRealShelters(real), dir,
        ProgressListener.none(), () -> false);
    assertThat(town.shelters()).filteredOn(s -> s.kind() == ShelterKind.WELFARE_SHELTER)
        .isNotEmpty().allMatch(s -> s.source().equals("demo") && !s.targetGroups().isEmpty());
    assertThat(town.shelters()).filteredOn(s -> s.source().equals("demo"))
        .allMatch(s -> s.kind() == ShelterKind.WELFARE_SHELTER);
    assertThat(town.shelters()).containsAll(real);
  }

  /**
   * Numazu's GSI list has one welfare shelter, too few to show plans matched to welfare shelters in
   * advance: the town adds generated ones up to its share (26 for 20,000 on the register), with
   * capacities and announced target groups, outside the hazard zones.
   */
  @Test
  void welfareSheltersAreAddedUpToTheTownsShare() throws Exception {
    List<Shelter> real = numazu();
    assertThat(real).filteredOn(s -> s.kind() == ShelterKind.WELFARE_SHELTER).hasSize(1);
    Path dir = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "real-welfare");
    GeneratedTown town = DemoTownGenerator.generate(DemoTownSpec.of(7, 20_000, 1.0).withRealShelters(real), dir,
        ProgressListener.none(), () -> false);
    List<Shelter> welfare = town.shelters().stream().filter(s -> s.kind() == ShelterKind.WELFARE_SHELTER).toList();
    assertThat(welfare).hasSize(26);
    List<Shelter> generated = welfare.stream().filter(s -> s.source().equals("demo")).toList();
    assertThat(generated).hasSize(25).allMatch(s -> s.capacityPersons() != null && s.capacityPersons() >= 15
        && !s.targetGroups().isEmpty() && s.targetGroupsText() != null);
    assertThat(generated.stream().map(Shelter::targetGroupsText).distinct()).hasSize(3);
    assertThat(generated.stream().map(Shelter::name).distinct()).hasSize(25);
    assertThat(generated).allMatch(s -> town.geography().isLand(town.geography().frame.x(s.location().lon()),
        town.geography().frame.y(s.location().lat())));
    assertThat(generated).filteredOn(s -> town.hazardIndex().at(s.location().lon(), s.location().lat()).isEmpty())
        .as("generated welfare shelters outside every hazard zone").hasSizeGreaterThanOrEqualTo(23);
  }

  @Test
  void theTownCoversTheRealSheltersAndUsesThem() throws Exception {
    List<Shelter> real = numazu();
    assertThat(real).hasSize(156);
    Path dir = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "real-shelters");
    try (Database db = Database.open(TestPostgis.freshDatabase("demo_real_shelters"), 2)) {
      DemoTownSummary s = DemoTownGenerator.generateAndLoad(db.dataSource(),
          DemoTownSpec.of(7, 2_000, 1.0).withRealShelters(real), dir, ProgressListener.none(), () -> false);
      for (Shelter sh : real) {
        assertThat(sh.location().lon()).isBetween(s.minLon(), s.maxLon());
        assertThat(sh.location().lat()).isBetween(s.minLat(), s.maxLat());
      }
      assertThat(s.minLat()).isLessThan(34.95); // Numazu's southern shelters (Heda, Toi side) are in
      try (Connection c = db.dataSource().getConnection()) {
        assertThat(count(c, "SELECT count(*) FROM shelter WHERE source = 'gsi'")).isEqualTo(156);
        assertThat(count(c, "SELECT count(*) FROM shelter WHERE source = 'demo' AND kind IN "
            + "('evacuation_site', 'designated_shelter')")).isZero();
        assertThat(count(c, "SELECT count(*) FROM shelter WHERE kind = 'child_welfare_shelter'")).isEqualTo(6);
        // every real shelter stands on the town's land (the coast was moved out where needed)
        assertThat(count(c, "SELECT count(*) FROM shelter s WHERE s.source = 'gsi' AND NOT EXISTS "
            + "(SELECT 1 FROM district d WHERE ST_Intersects(d.geom, s.geom))")).isZero();
        assertThat(count(c, "SELECT count(*) FROM evacuation_plan p JOIN shelter s ON s.id = p.destination_shelter_id "
            + "WHERE s.source = 'gsi'")).isPositive();
        // Numazu's list has one shelter with announced target groups; a town of 2,000 on the register
        // has 4 welfare shelters (at least 4), so 3 are generated
        assertThat(count(c, "SELECT count(*) FROM shelter WHERE kind = 'welfare_shelter' AND source = 'gsi'")).isEqualTo(1);
        assertThat(count(c, "SELECT count(*) FROM shelter WHERE kind = 'welfare_shelter' AND source = 'demo'")).isEqualTo(3);
        assertThat(count(c, "SELECT count(*) FROM demo_dataset WHERE shelter_source = 'demo,gsi,kumamoto_child_welfare_table'"))
            .isEqualTo(1);
      }
    }
  }
}
