package io.mimamori.layers.features;

/**
 * One page of features: {@code featuresJson} is a JSON array of GeoJSON features in id order;
 * {@code numberMatched} counts every feature meeting the box, {@code numberReturned} those here.
 */
public record FeaturePage(String featuresJson, long numberMatched, int numberReturned) {

  /** The page as a GeoJSON FeatureCollection. */
  public String asFeatureCollection() {
    return "{\"type\":\"FeatureCollection\",\"numberMatched\":" + numberMatched + ",\"numberReturned\":"
        + numberReturned + ",\"features\":" + featuresJson + "}";
  }
}
