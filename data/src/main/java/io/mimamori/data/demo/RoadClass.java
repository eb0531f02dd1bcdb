package io.mimamori.data.demo;

/** The road hierarchy of the demo town, with OSM's highway value and a Japanese speed limit. */
enum RoadClass {
  TRUNK("trunk", "60", true, 0.15),
  PRIMARY("primary", "50", true, 0.3),
  SECONDARY("secondary", "50", true, 0.5),
  TERTIARY("tertiary", "40", true, 0.8),
  RESIDENTIAL("residential", "30", true, 1.0),
  SERVICE("service", null, true, 1.3),
  FOOTWAY("footway", null, false, 0),
  STEPS("steps", null, false, 0);

  final String highway;
  final String maxspeed;
  final boolean car;
  /** How many homes a metre of this road fronts, relative to a residential street. */
  final double homeWeight;

  RoadClass(String highway, String maxspeed, boolean car, double homeWeight) {
    this.highway = highway;
    this.maxspeed = maxspeed;
    this.car = car;
    this.homeWeight = homeWeight;
  }

  boolean arterial() {
    return ordinal() <= TERTIARY.ordinal();
  }
}
