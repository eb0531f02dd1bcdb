package io.mimamori.data.imports.gsi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.mimamori.data.imports.ImportOptions;
import io.mimamori.data.imports.Importers;
import io.mimamori.data.imports.ReadResult;
import io.mimamori.layers.db.Database;
import io.mimamori.layers.hazard.HazardType;
import io.mimamori.layers.imports.ImportReport;
import io.mimamori.layers.imports.ImportReport.Outcome;
import io.mimamori.layers.imports.ImportRunStore;
import io.mimamori.layers.shelter.Shelter;
import io.mimamori.layers.shelter.ShelterKind;
import io.mimamori.layers.shelter.ShelterStore;
import io.mimamori.layers.testing.TestPostgis;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The real GSI lists of seven municipalities (../shared/data/gsi-shelters-jp-shelter-api). */
class GsiShelterImportIT {

  private static Path gsi;

  @BeforeAll
  static void data() {
    gsi = TestPostgis.sharedData().resolve("gsi-shelters-jp-shelter-api");
    Assumptions.assumeTrue(Files.isDirectory(gsi), "the real GSI shelter files are not in " + gsi + "; skipped");
  }

  private static ReadResult<Shelter> read(String fileName) throws Exception {
    ReadResult<Shelter> r = GsiShelterReader.read(gsi.resolve(fileName));
    assertThat(r.rejections()).as(fileName + " has no rejected feature").isEmpty();
    assertThat(r.records()).hasSize(r.rowsRead());
    return r;
  }

  private static Map<ShelterKind, Long> byKind(ReadResult<Shelter> r) {
    return r.records().stream().collect(Collectors.groupingBy(Shelter::kind, TreeMap::new, Collectors.counting()));
  }

  private static Map<String, Long> byWording(ReadResult<Shelter> r) {
    return r.records().stream().filter(s -> s.targetGroupsText() != null)
        .collect(Collectors.groupingBy(Shelter::targetGroupsText, Collectors.counting()));
  }

  @Test
  void numazu() throws Exception {
    ReadResult<Shelter> sites = read("emergency_222038.geojson");
    ReadResult<Shelter> shelters = read("evacuation_222038.geojson");
    assertThat(sites.kind()).isEqualTo("gsi_evacuation_sites");
    assertThat(byKind(sites)).containsExactly(entry(ShelterKind.EVACUATION_SITE, 105L));
    assertThat(shelters.rowsRead()).isEqualTo(51);
    assertThat(byKind(shelters)).containsExactly(
        entry(ShelterKind.DESIGNATED_SHELTER, 50L), entry(ShelterKind.WELFARE_SHELTER, 1L));
    assertThat(sites.records()).allSatisfy(s -> {
      assertThat(s.municipalityCode()).isEqualTo("222038");
      assertThat(s.source()).isEqualTo("gsi");
      assertThat(s.sourceId()).startsWith("E22203");
      assertThat(s.location().lon()).isBetween(138.7767, 138.9111);
      assertThat(s.location().lat()).isBetween(34.9479, 35.1486);
    });
    Shelter first = sites.records().get(0);
    assertThat(first.sourceId()).isEqualTo("E2220300001201");
    assertThat(first.hazards()).containsExactlyInAnyOrder(HazardType.LANDSLIDE, HazardType.TSUNAMI);
    assertThat(first.location().lon()).isEqualTo(138.780771);
    assertThat(first.location().lat()).isEqualTo(34.999718);
  }

  @Test
  void kobeWelfareSheltersAndTheirTargetGroups() throws Exception {
    assertThat(read("emergency_281000.geojson").rowsRead()).isEqualTo(431);
    ReadResult<Shelter> shelters = read("evacuation_281000.geojson");
    assertThat(shelters.rowsRead()).isEqualTo(681);
    assertThat(byKind(shelters)).containsExactly(
        entry(ShelterKind.DESIGNATED_SHELTER, 324L), entry(ShelterKind.WELFARE_SHELTER, 357L));
    assertThat(byWording(shelters)).containsOnly(
        entry("要配慮者とその家族等", 187L),
        entry("高齢者・市が特定した者とその家族等", 144L),
        entry("障害者・市が特定した者とその家族等", 26L));
    Map<Set<String>, Long> codes = shelters.records().stream().filter(s -> s.kind() == ShelterKind.WELFARE_SHELTER)
        .collect(Collectors.groupingBy(Shelter::targetGroups, Collectors.counting()));
    assertThat(codes).containsOnly(
        entry(Set.of("care_needing", "families"), 187L),
        entry(Set.of("elderly", "designated_by_city", "families"), 144L),
        entry(Set.of("disabled", "designated_by_city", "families"), 26L));
    assertThat(shelters.notes()).contains("357 welfare shelters (受入対象者 filled in)");
  }

  @Test
  void sendaiTsukubaAndTheOthers() throws Exception {
    ReadResult<Shelter> sendai = read("evacuation_041009.geojson");
    assertThat(byWording(sendai)).containsOnly(entry("高齢者", 12L), entry("障害者", 3L), entry("在校生", 1L));
    assertThat(byKind(sendai)).containsEntry(ShelterKind.WELFARE_SHELTER, 16L);
    assertThat(read("emergency_041009.geojson").rowsRead()).isEqualTo(311);
    assertThat(byWording(read("evacuation_082201.geojson"))).containsOnly(entry("要配慮者", 20L));
    assertThat(read("emergency_082201.geojson").rowsRead()).isEqualTo(11);
    assertThat(read("evacuation_131075.geojson").rowsRead()).isEqualTo(39);
    assertThat(read("emergency_332020.geojson").rowsRead()).isEqualTo(253);
    assertThat(byKind(read("evacuation_332020.geojson"))).containsExactly(entry(ShelterKind.DESIGNATED_SHELTER, 191L));
  }

  @Test
  void kumamotoCityFlagsAsStored() throws Exception {
    ReadResult<Shelter> sites = read("emergency_431001.geojson");
    assertThat(sites.rowsRead()).isEqualTo(317);
    assertThat(byKind(read("evacuation_431001.geojson"))).containsExactly(entry(ShelterKind.DESIGNATED_SHELTER, 182L));
    try (Database db = Database.open(TestPostgis.freshDatabase("gsi_kumamoto"), 2)) {
      ImportReport report = new Importers(db.dataSource())
          .importFile(gsi.resolve("emergency_431001.geojson"), ImportOptions.defaults());
      assertThat(report.outcome()).isEqualTo(Outcome.COMMITTED);
      assertThat(report.rowsStored()).isEqualTo(317);
      assertThat(new ShelterStore(db.dataSource()).countByHazard()).containsOnly(
          entry("flood", 220L), entry("landslide", 294L), entry("tsunami", 293L), entry("earthquake", 311L),
          entry("storm_surge", 303L), entry("fire", 316L), entry("inland_flood", 317L), entry("volcano", 317L));
    }
  }

  @Test
  void allSevenMunicipalitiesImportWithoutRejectionAndReimportDoesNotDuplicate() throws Exception {
    try (Database db = Database.open(TestPostgis.freshDatabase("gsi_all"), 2)) {
      Importers importers = new Importers(db.dataSource());
      ShelterStore store = new ShelterStore(db.dataSource());

      List<ImportReport> reports = importers.importAll(List.of(gsi), ImportOptions.defaults());

      assertThat(reports).hasSize(13);
      assertThat(reports).allSatisfy(r -> {
        assertThat(r.outcome()).as(r.summary()).isEqualTo(Outcome.COMMITTED);
        assertThat(r.rejections()).isEmpty();
        assertThat(r.rowsStored()).isEqualTo(r.rowsRead());
      });
      assertThat(store.countByKind()).containsOnly(
          entry("evacuation_site", 1428L), entry("designated_shelter", 1074L), entry("welfare_shelter", 394L));
      assertThat(store.countByTargetGroup()).containsOnly(
          entry("care_needing", 207L), entry("families", 358L), entry("elderly", 156L), entry("disabled", 29L),
          entry("designated_by_city", 170L), entry("pupils", 2L));

      ImportReport again = importers.importFile(gsi.resolve("evacuation_281000.geojson"), ImportOptions.defaults());
      assertThat(again.outcome()).isEqualTo(Outcome.COMMITTED);
      assertThat(store.count()).isEqualTo(2896);
      assertThat(new ImportRunStore(db.dataSource()).recent(100)).hasSize(14);
    }
  }
}
