package io.mimamori.layers.hazard;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;

/**
 * Every hazard zone, cut by the areas of the active (not ended) emergencies that name its hazard
 * type: what the road graph needs to decide which roads are blocked now. Emergencies of several
 * municipalities are taken together (one server serves one town). Which cut parts block is the
 * server's rule, not the store's.
 */
public final class ActiveZoneStore {

  private static final String LIST =
      """
      WITH active AS (
        SELECT h AS hazard_type, ST_Union(e.area) AS area
        FROM emergency e, unnest(e.hazard_types) AS h
        WHERE e.ended_at IS NULL
        GROUP BY h
      ),
      zones AS (
        SELECT z.id, z.hazard_type, z.rank, z.phenomenon, z.name, z.geom,
               CASE WHEN a.area IS NOT NULL AND ST_Intersects(z.geom, a.area) THEN a.area END AS area
        FROM hazard_zone z LEFT JOIN active a ON a.hazard_type = z.hazard_type
      )
      SELECT id, hazard_type, rank, phenomenon, name, ST_AsBinary(geom),
             CASE WHEN area IS NULL THEN NULL
                  WHEN ST_CoveredBy(geom, area) THEN ST_AsBinary(geom)
                  ELSE ST_AsBinary(ST_CollectionExtract(ST_Intersection(geom, area), 3)) END,
             CASE WHEN area IS NULL OR ST_CoveredBy(geom, area) THEN NULL
                  ELSE ST_AsBinary(ST_CollectionExtract(ST_Difference(geom, area), 3)) END
      FROM zones
      ORDER BY id
      """;

  private final DataSource dataSource;

  public ActiveZoneStore(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Every zone in id order, with its parts inside and outside the active emergencies' areas. */
  public List<ActiveZone> list() throws SQLException {
    List<ActiveZone> out = new ArrayList<>();
    WKBReader reader = new WKBReader();
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(LIST);
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(new ActiveZone(rs.getLong(1), HazardType.fromCode(rs.getString(2)), rs.getInt(3), rs.getString(4),
            rs.getString(5), read(reader, rs.getBytes(6)), polygonal(read(reader, rs.getBytes(7))),
            polygonal(read(reader, rs.getBytes(8)))));
      }
    }
    return out;
  }

  private static Geometry read(WKBReader reader, byte[] wkb) throws SQLException {
    if (wkb == null) {
      return null;
    }
    try {
      Geometry g = reader.read(wkb);
      g.setSRID(4326);
      return g;
    } catch (ParseException e) {
      throw new SQLException("PostGIS returned an unreadable geometry: " + e.getMessage(), e);
    }
  }

  /** Null for an empty cut (a zone touching the area only along its edge). */
  private static Geometry polygonal(Geometry g) {
    return g == null || g.isEmpty() ? null : g;
  }
}
