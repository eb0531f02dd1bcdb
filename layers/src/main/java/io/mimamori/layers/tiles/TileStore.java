package io.mimamori.layers.tiles;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Renders Mapbox Vector Tiles (uncompressed protobuf) in PostGIS with {@code ST_AsMVT}. Extent 4096,
 * buffer 64. Geometries are found with the lon/lat GiST indexes on a tile envelope grown by the
 * buffer and one unit more (what {@code ST_AsMVTGeom} keeps after snapping to the grid reaches half
 * a unit past the buffer), clipped to that envelope, simplified (half a tile unit) and only then
 * transformed to Web Mercator, so a tile costs about what the features inside it cost: a polygon is
 * clipped before it is simplified, since simplifying a whole hazard zone for every tile it touches
 * cost four to six times the rest of the tile (the tile benchmark's MapServer comparison found it).
 * {@code ST_AsMVTGeom} snaps to the tile grid, which simplifies by zoom.
 */
public final class TileStore {

  /** Parameters: z, x, y, margin (degrees). */
  private static final String SHELTERS =
      """
      WITH b AS (SELECT ST_TileEnvelope(?, ?, ?) AS t3857),
           e AS (SELECT t3857, ST_Expand(ST_Transform(t3857, 4326), ?) AS t4326 FROM b)
      SELECT ST_AsMVT(q, 'shelters', 4096, 'geom', 'id') FROM (
        SELECT s.id, s.kind, s.name, array_to_string(s.hazards, ',') AS hazards,
               array_to_string(s.target_groups, ',') AS target_groups,
               array_to_string(s.disability_types, ',') AS disability_types,
               s.capacity_persons, s.capacity_children,
               o.opening_id IS NOT NULL AS open, o.occupied, o.capacity_persons AS open_capacity,
               coalesce(o.level, 'closed') AS level,
               ST_AsMVTGeom(ST_Transform(s.geom, 3857), e.t3857, 4096, 64, true) AS geom
        FROM e, shelter s
        LEFT JOIN shelter_occupancy o ON o.shelter_id = s.id AND o.closed_at IS NULL
        WHERE s.geom && e.t4326
        ORDER BY s.id
      ) AS q
      WHERE q.geom IS NOT NULL
      """;

  /** Parameters: z, x, y, margin (degrees), simplification tolerance (degrees). */
  private static final String HAZARDS =
      """
      WITH b AS (SELECT ST_TileEnvelope(?, ?, ?) AS t3857),
           e AS (SELECT t3857, ST_Expand(ST_Transform(t3857, 4326), ?) AS t4326 FROM b)
      SELECT ST_AsMVT(q, 'hazards', 4096, 'geom', 'id') FROM (
        SELECT h.id, h.hazard_type, h.rank, h.phenomenon,
               ST_AsMVTGeom(ST_Transform(ST_SimplifyPreserveTopology(ST_ClipByBox2D(h.geom, e.t4326), ?), 3857),
                            e.t3857, 4096, 64, true) AS geom
        FROM hazard_zone h, e
        WHERE h.geom && e.t4326
        ORDER BY h.hazard_type, h.rank, h.id
      ) AS q
      WHERE q.geom IS NOT NULL
      """;

  /**
   * Active residents counted per square cell of a global Web Mercator grid (cell i, j covers
   * [i, i + 1) x [j, j + 1) times the cell size, so cells agree across tiles), in one pass over the
   * homes in the tile: each home's cell is computed, not searched for. Counts per priority band
   * (national profile; unscored residents count in the total only). Cells under the minimum are
   * dropped. Homes are searched in the tile grown by its buffer and one cell, so that every cell
   * drawn is counted whole. Parameters: z, x, y, margin (m), cell size (m) three times, minimum.
   */
  private static final String RESIDENT_DENSITY =
      """
      WITH b AS (SELECT ST_TileEnvelope(?, ?, ?) AS t3857),
           e AS (SELECT t3857, ST_Transform(ST_Expand(t3857, ?), 4326) AS t4326 FROM b),
           homes AS (
             SELECT floor(ST_X(p) / ?)::int AS i, floor(ST_Y(p) / ?)::int AS j, rp.band
             FROM e, household hh
             JOIN resident r ON r.household_id = hh.id AND r.register_status = 'active'
             LEFT JOIN resident_priority rp ON rp.profile = 'national' AND rp.resident_id = r.id
             CROSS JOIN LATERAL ST_Transform(hh.geom, 3857) AS p
             WHERE hh.geom && e.t4326
           ),
           cells AS (
             SELECT i, j, count(*) AS residents,
                    count(*) FILTER (WHERE band = 'A') AS band_a, count(*) FILTER (WHERE band = 'B') AS band_b,
                    count(*) FILTER (WHERE band = 'C') AS band_c, count(*) FILTER (WHERE band = 'D') AS band_d
             FROM homes GROUP BY i, j
           )
      SELECT ST_AsMVT(q, 'resident_density', 4096, 'geom') FROM (
        SELECT c.residents, c.band_a, c.band_b, c.band_c, c.band_d,
               ST_AsMVTGeom(ST_SetSRID(ST_Square(?, c.i, c.j), 3857), b.t3857, 4096, 64, true) AS geom
        FROM cells c, b
        WHERE c.residents >= ?
      ) AS q
      WHERE q.geom IS NOT NULL
      """;

  /**
   * Safety checks of the active emergencies per cell of the same grid as {@link #RESIDENT_DENSITY},
   * counted by status; no cell is suppressed (operations roles only). Parameters as there, without
   * the minimum.
   */
  private static final String CHECK_STATUS =
      """
      WITH b AS (SELECT ST_TileEnvelope(?, ?, ?) AS t3857),
           e AS (SELECT t3857, ST_Transform(ST_Expand(t3857, ?), 4326) AS t4326 FROM b),
           homes AS (
             SELECT floor(ST_X(p) / ?)::int AS i, floor(ST_Y(p) / ?)::int AS j, c.status
             FROM e, household hh
             JOIN resident r ON r.household_id = hh.id
             JOIN safety_check c ON c.resident_id = r.id
             JOIN emergency em ON em.id = c.emergency_id AND em.ended_at IS NULL
             CROSS JOIN LATERAL ST_Transform(hh.geom, 3857) AS p
             WHERE hh.geom && e.t4326
           ),
           cells AS (
             SELECT i, j, count(*) AS checks,
                    count(*) FILTER (WHERE status = 'not_assigned') AS not_assigned,
                    count(*) FILTER (WHERE status = 'assigned') AS assigned,
                    count(*) FILTER (WHERE status = 'on_the_way') AS on_the_way,
                    count(*) FILTER (WHERE status = 'safe_at_home') AS safe_at_home,
                    count(*) FILTER (WHERE status = 'evacuated') AS evacuated,
                    count(*) FILTER (WHERE status = 'needs_help') AS needs_help,
                    count(*) FILTER (WHERE status = 'not_at_home') AS not_at_home,
                    count(*) FILTER (WHERE status = 'could_not_reach') AS could_not_reach
             FROM homes GROUP BY i, j
           )
      SELECT ST_AsMVT(q, 'check_status', 4096, 'geom') FROM (
        SELECT c.checks, c.not_assigned, c.assigned, c.on_the_way, c.safe_at_home, c.evacuated, c.needs_help,
               c.not_at_home, c.could_not_reach,
               ST_AsMVTGeom(ST_SetSRID(ST_Square(?, c.i, c.j), 3857), b.t3857, 4096, 64, true) AS geom
        FROM cells c, b
      ) AS q
      WHERE q.geom IS NOT NULL
      """;

  private static final int EXTENT = 4096;
  private static final int BUFFER = 64;

  private final DataSource dataSource;
  private final int minimumCellCount;

  /**
   * @param minimumCellCount resident cells with fewer people are not drawn (at least 1)
   */
  public TileStore(DataSource dataSource, int minimumCellCount) {
    if (minimumCellCount < 1) {
      throw new IllegalArgumentException("the minimum people per cell must be at least 1, got " + minimumCellCount);
    }
    this.dataSource = dataSource;
    this.minimumCellCount = minimumCellCount;
  }

  /** The tile's protobuf bytes; empty (zero bytes) when nothing is in it. */
  public byte[] render(TileLayer layer, TileCoord t) throws SQLException {
    // one unit more than the buffer: ST_AsMVTGeom snaps to the grid before it drops what lies beyond
    // the buffer, so it keeps a point up to half a unit outside; the index search must not drop it first
    double margin = t.widthDegrees() * (BUFFER + 1) / EXTENT;
    try (Connection c = dataSource.getConnection()) {
      return switch (layer) {
        case SHELTERS -> query(c, SHELTERS, t, margin);
        case HAZARDS -> query(c, HAZARDS, t, margin, t.widthDegrees() / EXTENT / 2);
        case RESIDENT_DENSITY -> cells(c, RESIDENT_DENSITY, t, minimumCellCount);
        case CHECK_STATUS -> cells(c, CHECK_STATUS, t, null);
      };
    }
  }

  /** The equator's length in Web Mercator metres: a zoom-0 tile's width. */
  private static final double WORLD_METRES = 40_075_016.686;

  /** A tile's width in Web Mercator metres. */
  private static double tileMetres(TileCoord t) {
    return WORLD_METRES / (1L << t.z());
  }

  /** Cells about a sixteenth of the tile across, never smaller than 200 m (privacy floor). */
  static double cellSizeMetres(TileCoord t) {
    return Math.max(200, tileMetres(t) / 16);
  }

  /** A layer of grid cells: parameters z, x, y, margin, cell size three times, then the minimum if any. */
  private static byte[] cells(Connection c, String sql, TileCoord t, Integer minimum) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setInt(1, t.z());
      ps.setInt(2, t.x());
      ps.setInt(3, t.y());
      double size = cellSizeMetres(t);
      ps.setDouble(4, size + tileMetres(t) * (BUFFER + 1) / EXTENT);
      ps.setDouble(5, size);
      ps.setDouble(6, size);
      ps.setDouble(7, size);
      if (minimum != null) {
        ps.setInt(8, minimum);
      }
      return bytes(ps);
    }
  }

  private static byte[] query(Connection c, String sql, TileCoord t, double... degrees) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setInt(1, t.z());
      ps.setInt(2, t.x());
      ps.setInt(3, t.y());
      for (int i = 0; i < degrees.length; i++) {
        ps.setDouble(4 + i, degrees[i]);
      }
      return bytes(ps);
    }
  }

  private static byte[] bytes(PreparedStatement ps) throws SQLException {
    try (ResultSet rs = ps.executeQuery()) {
      if (!rs.next()) {
        return new byte[0];
      }
      byte[] b = rs.getBytes(1);
      return b == null ? new byte[0] : b;
    }
  }
}
