package io.mimamori.data.demo;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The demo town's ways as OSM models them: nodes in local metres (with their elevation) and ways
 * with tags, roads first, then rivers, then the coastline. Node and way ids are the list positions
 * plus one, so the order of creation is the order in the file.
 */
final class RoadNetwork {

  /** A way: node indexes (0-based) and tags in the order they are written. */
  record Way(int[] nodes, Map<String, String> tags) {
    Way {
      tags = new LinkedHashMap<>(tags);
    }

    String tag(String key) {
      return tags.get(key);
    }
  }

  private double[] xs = new double[1024];
  private double[] ys = new double[1024];
  private double[] eles = new double[1024];
  private int nodeCount;
  final List<Way> ways = new ArrayList<>();

  int addNode(double x, double y, double ele) {
    if (nodeCount == xs.length) {
      xs = Arrays.copyOf(xs, nodeCount * 2);
      ys = Arrays.copyOf(ys, nodeCount * 2);
      eles = Arrays.copyOf(eles, nodeCount * 2);
    }
    xs[nodeCount] = x;
    ys[nodeCount] = y;
    eles[nodeCount] = ele;
    return nodeCount++;
  }

  int nodeCount() {
    return nodeCount;
  }

  double x(int node) {
    return xs[node];
  }

  double y(int node) {
    return ys[node];
  }

  double ele(int node) {
    return eles[node];
  }

  void addWay(int[] nodes, Map<String, String> tags) {
    ways.add(new Way(nodes, tags));
  }

  long wayCount(String key, String value) {
    return ways.stream().filter(w -> value.equals(w.tag(key))).count();
  }

  /** Total length in metres of the ways tagged highway. */
  double roadLengthMetres() {
    double total = 0;
    for (Way w : ways) {
      if (w.tag("highway") != null) {
        for (int i = 0; i + 1 < w.nodes().length; i++) {
          total += Math.hypot(xs[w.nodes()[i + 1]] - xs[w.nodes()[i]], ys[w.nodes()[i + 1]] - ys[w.nodes()[i]]);
        }
      }
    }
    return total;
  }
}
