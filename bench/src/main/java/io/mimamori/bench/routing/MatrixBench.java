package io.mimamori.bench.routing;

import io.mimamori.data.demo.DemoTownLayers;
import io.mimamori.routing.GeoPoint;
import io.mimamori.routing.HazardAwareRouter;
import io.mimamori.routing.TravelProfile;
import io.mimamori.routing.TravelTimeMatrix;
import io.mimamori.routing.graph.ProfileCosts;
import io.mimamori.routing.graph.RoadNetwork;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Matrices on the demo town with the heavy-rain block, against GraphHopper single routes and pgRouting. */
final class MatrixBench {

  private MatrixBench() {}

  static void run(DemoTownLayers town, HazardAwareRouter router, GraphHopperPeer gh) {
    System.out.println("\n### Matrices, demo town, heavy-rain block, homes as points\n");
    System.out.println("| profile | size | ours wall s (median of 3) | ours processor s | unreachable pairs "
        + "| GraphHopper N² routes, same block, s | ratio | GraphHopper N² routes, no block, s | ratio | agree with GH |");
    System.out.println("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|");
    int[][] sizes = {{100, 100}, {1000, 1000}, {5000, 500}};
    for (TravelProfile p : List.of(TravelProfile.FOOT, TravelProfile.CAR)) {
      for (int[] size : sizes) {
        if (p == TravelProfile.CAR && size[0] != 1000) {
          continue;
        }
        List<GeoPoint> from = RoutingBench.homes(town, size[0], 1);
        List<GeoPoint> to = RoutingBench.homes(town, size[1], 2);
        router.matrix(p, from.subList(0, Math.min(200, from.size())), to); // warm up
        TravelTimeMatrix[] last = new TravelTimeMatrix[1];
        Measure.Times ours = Measure.median(3, () -> last[0] = router.matrix(p, from, to));
        // GraphHopper: a timed sample of the pairs, scaled to all of them
        long all = (long) size[0] * size[1];
        int sample = (int) Math.min(all, 1000);
        int[][] pairs = RoutingBench.samplePairs(size[0], size[1], sample, 5);
        List<GeoPoint> a = new ArrayList<>(), b = new ArrayList<>();
        for (int k = 0; k < sample; k++) {
          a.add(from.get(pairs[0][k]));
          b.add(to.get(pairs[1][k]));
        }
        gh.routes(p, a.subList(0, 200), b.subList(0, 200), true); // warm up
        gh.routes(p, a.subList(0, 200), b.subList(0, 200), false);
        double[][] ghSeconds = new double[1][];
        Measure.Times blocked = Measure.time(() -> ghSeconds[0] = gh.routes(p, a, b, true));
        Measure.Times free = Measure.time(() -> gh.routes(p, a, b, false));
        double ghBlocked = blocked.wall() * all / sample, ghFree = free.wall() * all / sample;
        // compare where GraphHopper's blocking means the same as ours: both points outside every blocking area
        boolean[] outside = new boolean[sample];
        for (int k = 0; k < sample; k++) {
          outside[k] = router.hazards().zoneContaining(a.get(k)) < 0 && router.hazards().zoneContaining(b.get(k)) < 0;
        }
        System.out.println(Measure.f("| %s | %,d × %,d | %.3f | %.3f | %,d | ≈%.0f | %.0f× | ≈%.0f | %.0f× | %s |", p.code(),
            size[0], size[1], ours.wall(), ours.cpu(), last[0].unreachableCount(), ghBlocked, ghBlocked / ours.wall(),
            ghFree, ghFree / ours.wall(), RoutingBench.checkAgainst(last[0], ghSeconds[0], pairs, outside)));
      }
    }
    System.out.println("\nGraphHopper times are a timed sample of 1,000 pairs scaled to all pairs (one request per pair, "
        + "flexible mode, no CH: blocking changes per request); \"agree\" counts sampled pairs with both homes outside "
        + "every blocking area whose times match within 1 s + 1%.");
  }

  static int[][] allPairs(int rows, int cols) {
    int[][] out = new int[2][rows * cols];
    for (int i = 0; i < rows; i++) {
      for (int j = 0; j < cols; j++) {
        out[0][i * cols + j] = i;
        out[1][i * cols + j] = j;
      }
    }
    return out;
  }

  /** Matrices between graph nodes (no snapping) against pgRouting on the same network and costs. */
  static void pgRouting(HazardAwareRouter router, Path work) throws Exception {
    RoadNetwork net = router.graph().network();
    TravelProfile p = TravelProfile.FOOT;
    List<Integer> clean = cleanNodes(router, p);
    try (PgRoutingPeer pg = new PgRoutingPeer(work.resolve("pg"))) {
      int rows = pg.load(router.graph(), p, router.hazards());
      System.out.println(Measure.f("%n### pgRouting %s on the same network (%,d segments loaded, foot seconds, heavy-rain block), graph nodes as points%n",
          pg.version, rows));
      System.out.println("| query | size | ours wall s | ours processor s | pgRouting s | ratio | mean s ours | mean s pgRouting |");
      System.out.println("|---|---|---:|---:|---:|---:|---:|---:|");
      int[][] sizes = {{100, 100}, {1000, 1000}, {5000, 500}};
      for (int[] size : sizes) {
        SplittableRandom r = new SplittableRandom(size[0]);
        List<Integer> fromNodes = new ArrayList<>(), toNodes = new ArrayList<>();
        for (int i = 0; i < size[0]; i++) {
          fromNodes.add(clean.get(r.nextInt(clean.size())));
        }
        for (int i = 0; i < size[1]; i++) {
          toNodes.add(clean.get(r.nextInt(clean.size())));
        }
        List<GeoPoint> from = fromNodes.stream().map(n -> GeoPoint.ofLatLon(net.lat(n), net.lon(n))).toList();
        List<GeoPoint> to = toNodes.stream().map(n -> GeoPoint.ofLatLon(net.lat(n), net.lon(n))).toList();
        TravelTimeMatrix[] m = new TravelTimeMatrix[1];
        Measure.Times ours = Measure.median(3, () -> m[0] = router.matrix(p, from, to));
        double sum = 0;
        long found = 0;
        for (int i = 0; i < size[0]; i++) {
          for (int j = 0; j < size[1]; j++) {
            if (m[0].reachable(i, j) && !fromNodes.get(i).equals(toNodes.get(j))) {
              sum += m[0].seconds(i, j);
              found++;
            }
          }
        }
        long t0 = System.nanoTime();
        double[] pgr = pg.cost(fromNodes, toNodes);
        double pgSeconds = (System.nanoTime() - t0) / 1e9;
        System.out.println(Measure.f("| pgr_dijkstraCost | %,d × %,d | %.3f | %.3f | %.2f | %.0f× | %.0f | %.0f |", size[0], size[1],
            ours.wall(), ours.cpu(), pgSeconds, pgSeconds / ours.wall(), sum / Math.max(1, found), pgr[1] / Math.max(1, pgr[0])));
        if (size[0] == size[1] && size[0] <= 1000) {
          List<Integer> both = new ArrayList<>(fromNodes);
          both.addAll(toNodes);
          List<GeoPoint> bothPoints = new ArrayList<>(from);
          bothPoints.addAll(to);
          Measure.Times square = Measure.median(3, () -> router.matrix(p, bothPoints, bothPoints));
          t0 = System.nanoTime();
          double[] cm = pg.costMatrix(both);
          double cmSeconds = (System.nanoTime() - t0) / 1e9;
          System.out.println(Measure.f("| pgr_dijkstraCostMatrix | %,d × %,d | %.3f | %.3f | %.2f | %.0f× | | %.0f |", both.size(), both.size(),
              square.wall(), square.cpu(), cmSeconds, cmSeconds / square.wall(), cm[1] / Math.max(1, cm[0])));
        }
      }
      // the same pairs, one by one: pgRouting minimises seconds, we minimise the foot weight (seconds
      // over priority), so ours may be slower in seconds by the preference for footways, never faster
      SplittableRandom r = new SplittableRandom(9);
      int faster = 0, equal = 0, n = 40;
      for (int k = 0; k < n; k++) {
        int a = clean.get(r.nextInt(clean.size())), b = clean.get(r.nextInt(clean.size()));
        double theirs = pg.pair(a, b);
        double ours = router.matrix(p, List.of(GeoPoint.ofLatLon(net.lat(a), net.lon(a))),
            List.of(GeoPoint.ofLatLon(net.lat(b), net.lon(b)))).seconds(0, 0);
        if (Math.abs(ours - theirs) <= 0.5) {
          equal++;
        } else if (ours < theirs) {
          faster++;
        }
      }
      System.out.println(Measure.f("%nnode-to-node pairs checked one by one: %d of %d equal within 0.5 s, %d where ours is faster than pgRouting's least-seconds path (should be 0)",
          equal, n, faster));
    }
  }

  /** Nodes whose segments are all clean and usable on the profile (so no zone rules apply there). */
  static List<Integer> cleanNodes(HazardAwareRouter router, TravelProfile p) {
    RoadNetwork net = router.graph().network();
    ProfileCosts c = router.graph().costs(p);
    int[] combos = router.hazards().edgeCombos();
    List<Integer> out = new ArrayList<>();
    for (int v = 0; v < net.nodes(); v++) {
      boolean ok = net.first()[v + 1] > net.first()[v];
      for (int k = net.first()[v]; k < net.first()[v + 1] && ok; k++) {
        int e = net.slotEdge()[k];
        ok = c.usable(e) && Float.isFinite(c.weightOut()[k]) && Float.isFinite(c.weightIn()[k])
            && (combos == null || combos[e] == 0);
      }
      if (ok) {
        out.add(v);
      }
    }
    return out;
  }
}
