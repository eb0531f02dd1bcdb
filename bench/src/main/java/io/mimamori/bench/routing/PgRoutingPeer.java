package io.mimamori.bench.routing;

import io.mimamori.layers.db.EmbeddedPostgres;
import io.mimamori.routing.TravelProfile;
import io.mimamori.routing.graph.ProfileCosts;
import io.mimamori.routing.graph.RoadGraph;
import io.mimamori.routing.graph.RoadNetwork;
import io.mimamori.routing.hazard.ActiveHazards;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * pgRouting on the same network: our road graph's segments loaded into PostGIS with the profile's
 * travel seconds per direction (blocked and unusable directions left out, as pgRouting reads a
 * negative cost), queried with {@code pgr_dijkstraCostMatrix} (all pairs of one vertex set) and
 * {@code pgr_dijkstraCost} (many to many). Points are graph nodes, so no snapping is involved.
 * This bench's own SQL: the comparison needs a table of the graph, nothing else in the project does.
 */
final class PgRoutingPeer implements AutoCloseable {

  private static final String DATABASE = "bench_routing";
  private static final String EDGES = "SELECT id, source, target, cost, reverse_cost FROM bench_edges";

  private final EmbeddedPostgres pg;
  private final Connection c;
  final String version;

  PgRoutingPeer(Path home) throws SQLException {
    pg = EmbeddedPostgres.start(home, "postgres");
    try (Connection admin = pg.connect("postgres"); Statement s = admin.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
    }
    pg.ensureDatabase(DATABASE);
    c = pg.connect(DATABASE);
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT pgr_version()")) {
      rs.next();
      version = rs.getString(1);
    }
  }

  /** Loads the graph with the profile's seconds, blocked segments left out; returns the row count. */
  int load(RoadGraph g, TravelProfile profile, ActiveHazards hazards) throws SQLException {
    RoadNetwork net = g.network();
    ProfileCosts costs = g.costs(profile);
    int[] combos = hazards.edgeCombos();
    try (Statement s = c.createStatement()) {
      s.execute("DROP TABLE IF EXISTS bench_edges");
      s.execute("CREATE TABLE bench_edges (id bigint PRIMARY KEY, source bigint, target bigint, cost float8, reverse_cost float8)");
    }
    int rows = 0;
    c.setAutoCommit(false);
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO bench_edges VALUES (?, ?, ?, ?, ?)")) {
      for (int e = 0; e < net.edges(); e++) {
        int slot = net.baseSlot(e);
        if (slot < 0 || (combos != null && combos[e] != 0)) {
          continue;
        }
        double fwd = costs.secondsOut()[slot], bwd = costs.secondsIn()[slot];
        if (!Double.isFinite(fwd) && !Double.isFinite(bwd)) {
          continue;
        }
        int other = net.adjNode()[slot];
        int base = net.adjNode()[net.adjSlot(e)];
        ps.setLong(1, e + 1);
        ps.setLong(2, base + 1);
        ps.setLong(3, other + 1);
        ps.setDouble(4, Double.isFinite(fwd) ? fwd : -1);
        ps.setDouble(5, Double.isFinite(bwd) ? bwd : -1);
        ps.addBatch();
        if (++rows % 5000 == 0) {
          ps.executeBatch();
        }
      }
      ps.executeBatch();
    }
    c.commit();
    c.setAutoCommit(true);
    try (Statement s = c.createStatement()) {
      s.execute("ANALYZE bench_edges");
    }
    return rows;
  }

  /** pgr_dijkstraCostMatrix over {@code nodes} (graph node ids): pairs found and the sum of their seconds. */
  double[] costMatrix(List<Integer> nodes) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT count(*), coalesce(sum(agg_cost), 0) FROM pgr_dijkstraCostMatrix(?, ?::bigint[], directed := true)")) {
      ps.setString(1, EDGES);
      ps.setArray(2, ids(nodes));
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return new double[] {rs.getLong(1), rs.getDouble(2)};
      }
    }
  }

  /** pgr_dijkstraCost from every node of {@code from} to every node of {@code to}: pairs found and the sum. */
  double[] cost(List<Integer> from, List<Integer> to) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT count(*), coalesce(sum(agg_cost), 0) FROM pgr_dijkstraCost(?, ?::bigint[], ?::bigint[], directed := true)")) {
      ps.setString(1, EDGES);
      ps.setArray(2, ids(from));
      ps.setArray(3, ids(to));
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return new double[] {rs.getLong(1), rs.getDouble(2)};
      }
    }
  }

  /** Seconds from node {@code a} to node {@code b}, +∞ when pgRouting finds no path. */
  double pair(int a, int b) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT agg_cost FROM pgr_dijkstraCost(?, ?::bigint, ?::bigint, directed := true)")) {
      ps.setString(1, EDGES);
      ps.setLong(2, a + 1);
      ps.setLong(3, b + 1);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getDouble(1) : (a == b ? 0 : Double.POSITIVE_INFINITY);
      }
    }
  }

  private Array ids(List<Integer> nodes) throws SQLException {
    return c.createArrayOf("bigint", nodes.stream().map(n -> (long) n + 1).toArray());
  }

  @Override
  public void close() throws SQLException {
    c.close();
    pg.close();
  }
}
