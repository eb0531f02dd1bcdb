package io.mimamori.data.demo;

import io.mimamori.layers.demo.DemoDataset;
import io.mimamori.layers.demo.DemoDatasetStore;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;

/** Whether a database already holds the demo town, so that a second start does not load it again. */
public final class DemoTown {
  private DemoTown() {}

  public static boolean isLoaded(DataSource ds) throws SQLException {
    return loaded(ds).isPresent();
  }

  /** What demo town is loaded (seed, size, sources, OSM file), if any. */
  public static Optional<DemoDataset> loaded(DataSource ds) throws SQLException {
    return new DemoDatasetStore(ds).find();
  }
}
