package io.mimamori.data.imports.plateau;

import io.mimamori.data.imports.RowProblem;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.locationtech.jts.geom.Polygon;

/**
 * What the reader collected from one city object: its element and gml:id, gml:name, generic
 * attributes (by name, with the names of their attribute sets), PLATEAU uro/urf values by local
 * name (rank, areaType, disasterType, zoneName), the polygons of each geometry property, and the
 * first problem met while reading it.
 */
final class CityGmlFeature {

  final int number;
  final long line;
  final String element;
  final String gmlId;
  String name;
  final Set<String> attributeSets = new LinkedHashSet<>();
  final Map<String, String> attributes = new HashMap<>();
  final Map<String, String> values = new HashMap<>();
  /** The uro element holding the rank, such as TsunamiRiskAttribute, when there is one. */
  String riskElement;
  String riskRank;
  final Map<String, List<Polygon>> polygonsByProperty = new LinkedHashMap<>();
  RowProblem problem;

  CityGmlFeature(int number, long line, String element, String gmlId) {
    this.number = number;
    this.line = line;
    this.element = element;
    this.gmlId = gmlId;
  }

  /** "feature wtr_123" or "feature 7 (no gml:id)", for reasons. */
  String label() {
    return gmlId != null ? "feature " + gmlId : "feature " + number + " (no gml:id)";
  }

  void problem(RowProblem p) {
    if (problem == null) {
      problem = p;
    }
  }

  void addPolygon(String property, Polygon p) {
    polygonsByProperty.computeIfAbsent(property, k -> new ArrayList<>()).add(p);
  }

  /** The polygons of the first geometry property that has any (one level of detail, not several). */
  List<Polygon> polygons() {
    return polygonsByProperty.values().stream().filter(l -> !l.isEmpty()).findFirst().orElse(List.of());
  }

  int polygonCount() {
    return polygonsByProperty.values().stream().mapToInt(List::size).sum();
  }
}
