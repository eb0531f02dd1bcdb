package io.mimamori.routing.shelter;

/** A sentence in English and Japanese, for planners and residents. */
public record Text(String en, String ja) {

  @Override
  public String toString() {
    return en;
  }
}
