package io.mimamori.layers.imports;

import static org.assertj.core.api.Assertions.assertThat;

import io.mimamori.layers.db.Database;
import io.mimamori.layers.geo.LonLat;
import io.mimamori.layers.imports.ImportReport.Outcome;
import io.mimamori.layers.shelter.Shelter;
import io.mimamori.layers.shelter.ShelterKind;
import io.mimamori.layers.shelter.ShelterStore;
import io.mimamori.layers.testing.TestPostgis;
import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.Test;

class ImportRunStoreIT {

  @Test
  void runsAndTheirRejectionsReadBackNewestFirst() throws Exception {
    try (Database db = Database.open(TestPostgis.freshDatabase("import_runs"), 2)) {
      ImportRunStore runs = new ImportRunStore(db.dataSource());
      long first = runs.record(new ImportReport("k", "a.csv", Outcome.REJECTED, 3, 0,
          List.of(new Rejection("a.csv", 3, "x", "expected a number"), new Rejection("a.csv", 1, null, "expected 4 columns")),
          "2 of 3 rows rejected"));
      long second = runs.record(new ImportReport("k", "b.csv", Outcome.COMMITTED, 1, 1, List.of(), null));

      List<ImportRun> recent = runs.recent(10);
      assertThat(recent).extracting(ImportRun::id).containsExactly(second, first);
      assertThat(recent.get(1)).satisfies(r -> {
        assertThat(r.outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(r.rowsRead()).isEqualTo(3);
        assertThat(r.rowsRejected()).isEqualTo(2);
        assertThat(r.message()).isEqualTo("2 of 3 rows rejected");
        assertThat(r.finishedAt()).isNotNull();
      });
      assertThat(runs.rejections(first)).containsExactly(
          new Rejection("a.csv", 1, null, "expected 4 columns"), new Rejection("a.csv", 3, "x", "expected a number"));
      assertThat(runs.recent(1)).hasSize(1);
    }
  }

  @Test
  void theShelterChecksumSeesEveryChange() throws Exception {
    try (Database db = Database.open(TestPostgis.freshDatabase("shelter_checksum"), 2)) {
      ShelterStore store = new ShelterStore(db.dataSource());
      String empty = store.checksum();
      Shelter s = new Shelter("222038", ShelterKind.EVACUATION_SITE, "架空広場", null, LonLat.of(138.85, 35.10), null,
          null, null, null, null, null, null, "test", "1");
      try (Connection c = db.dataSource().getConnection()) {
        ShelterStore.upsertAll(c, List.of(s));
      }
      String one = store.checksum();
      try (Connection c = db.dataSource().getConnection()) {
        ShelterStore.upsertAll(c, List.of(s)); // same values: only version and updated_at move
      }
      assertThat(empty).isNotEqualTo(one);
      assertThat(store.checksum()).isNotEqualTo(one);
      assertThat(store.count()).isEqualTo(1);
    }
  }
}
