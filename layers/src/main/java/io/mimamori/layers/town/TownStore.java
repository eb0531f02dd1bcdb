package io.mimamori.layers.town;

import io.mimamori.layers.hazard.HazardStore;
import io.mimamori.layers.shelter.ShelterStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;

/** The town as a whole: extent and counts over shelters, hazards and the register. */
public final class TownStore {

  /** The extent of everything placed on the map, or nulls when nothing is stored. */
  private static final String EXTENT =
      """
      SELECT ST_XMin(e), ST_YMin(e), ST_XMax(e), ST_YMax(e)
      FROM (SELECT ST_Extent(g)::geometry AS e FROM (
              SELECT geom AS g FROM shelter
              UNION ALL SELECT ST_Envelope(geom) FROM hazard_zone
              UNION ALL SELECT ST_Envelope(geom) FROM district) AS all_geoms) AS x
      """;

  private static final String ACTIVE_RESIDENTS =
      "SELECT count(*) FROM resident WHERE register_status = 'active'";

  /** The municipality most shelters belong to. */
  private static final String MAIN_MUNICIPALITY =
      """
      SELECT municipality_code FROM shelter WHERE municipality_code IS NOT NULL
      GROUP BY municipality_code ORDER BY count(*) DESC, municipality_code LIMIT 1
      """;

  private final DataSource dataSource;
  private final ShelterStore shelters;
  private final HazardStore hazards;

  public TownStore(DataSource dataSource) {
    this.dataSource = dataSource;
    this.shelters = new ShelterStore(dataSource);
    this.hazards = new HazardStore(dataSource);
  }

  public TownSummary summary() throws SQLException {
    double[] bbox = null;
    long residents;
    String municipality = null;
    try (Connection c = dataSource.getConnection()) {
      try (PreparedStatement ps = c.prepareStatement(EXTENT);
          ResultSet rs = ps.executeQuery()) {
        if (rs.next() && rs.getObject(1) != null) {
          bbox = new double[] {rs.getDouble(1), rs.getDouble(2), rs.getDouble(3), rs.getDouble(4)};
        }
      }
      try (PreparedStatement ps = c.prepareStatement(ACTIVE_RESIDENTS);
          ResultSet rs = ps.executeQuery()) {
        rs.next();
        residents = rs.getLong(1);
      }
      try (PreparedStatement ps = c.prepareStatement(MAIN_MUNICIPALITY);
          ResultSet rs = ps.executeQuery()) {
        if (rs.next()) {
          municipality = rs.getString(1);
        }
      }
    }
    return new TownSummary(
        Optional.ofNullable(bbox), shelters.countByKind(), hazards.countByType(), residents, Optional.ofNullable(municipality));
  }
}
