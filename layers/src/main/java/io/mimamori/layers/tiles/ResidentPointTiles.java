package io.mimamori.layers.tiles;

import io.mimamori.layers.disclosure.Viewer;
import io.mimamori.layers.disclosure.VisibleResidents;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;

/**
 * The {@code residents} tile layer: the home points of the residents visible to one viewer, as
 * Mapbox Vector Tiles made by PostGIS. The disclosure policy's {@link VisibleResidents} is joined
 * in the tile's own query, so a tile can hold nobody the viewer's JSON lists would not. Each
 * feature's id is the resident id; its one attribute is the basis of the disclosure. These tiles
 * are personal data: they are rendered per viewer, never cached, and the caller audits the ids
 * that came back.
 */
public final class ResidentPointTiles {

  public static final String LAYER = "residents";

  /** A rendered tile and the residents in it (for the audit log). */
  public record Rendered(byte[] mvt, List<Long> residentIds) {
    public Rendered {
      residentIds = List.copyOf(residentIds);
    }
  }

  /** Parameters: the visibility query's, then z, x, y, margin (degrees). */
  private static final String POINTS =
      """
      WITH visible AS (%s),
           b AS (SELECT ST_TileEnvelope(?, ?, ?) AS t3857),
           e AS (SELECT t3857, ST_Expand(ST_Transform(t3857, 4326), ?) AS t4326 FROM b)
      SELECT ST_AsMVT(q, 'residents', 4096, 'geom', 'id'), array_agg(q.id ORDER BY q.id) FROM (
        SELECT r.id, v.basis, ST_AsMVTGeom(ST_Transform(hh.geom, 3857), e.t3857, 4096, 64, true) AS geom
        FROM e
        JOIN household hh ON hh.geom && e.t4326
        JOIN resident r ON r.household_id = hh.id
        JOIN visible v ON v.resident_id = r.id
      ) AS q
      WHERE q.geom IS NOT NULL
      """;

  private static final int EXTENT = 4096;
  private static final int BUFFER = 64;

  private final DataSource dataSource;

  public ResidentPointTiles(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** The tile of the residents {@code viewer} may see; empty bytes when none is in it. */
  public Rendered render(Viewer viewer, TileCoord t) throws SQLException {
    VisibleResidents.Sql visible = VisibleResidents.of(viewer);
    double margin = t.widthDegrees() * (BUFFER + 1) / EXTENT;
    try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(POINTS.formatted(visible.text()))) {
      int i = visible.bind(ps, 1);
      ps.setInt(i++, t.z());
      ps.setInt(i++, t.x());
      ps.setInt(i++, t.y());
      ps.setDouble(i, margin);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next() || rs.getArray(2) == null) {
          return new Rendered(new byte[0], List.of());
        }
        byte[] mvt = rs.getBytes(1);
        return new Rendered(mvt == null ? new byte[0] : mvt, List.of((Long[]) rs.getArray(2).getArray()));
      }
    }
  }
}
