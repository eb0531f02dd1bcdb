package io.mimamori.server.dispatch;

import io.mimamori.routing.TravelTimeMatrix;
import io.mimamori.routing.optimiser.TravelTimes;

/** A square road matrix over a plan's points as the optimiser's travel times (+∞ where blocked). */
record MatrixTravelTimes(TravelTimeMatrix matrix) implements TravelTimes {

  MatrixTravelTimes {
    if (matrix.rows() != matrix.cols()) {
      throw new IllegalArgumentException("the plan's matrix must be square, got " + matrix.rows() + " x " + matrix.cols());
    }
  }

  @Override
  public double seconds(int from, int to) {
    return from == to ? 0 : matrix.seconds(from, to);
  }

  @Override
  public int size() {
    return matrix.rows();
  }
}
