package io.mimamori.routing.optimiser.instances;

import io.mimamori.routing.optimiser.EuclideanTravelTimes;
import io.mimamori.routing.optimiser.RoutingProblem;

/**
 * A literature instance read into a {@link RoutingProblem}, with its plane coordinates (location 0
 * is the depot in every format read here).
 */
public record BenchmarkInstance(String name, RoutingProblem problem, EuclideanTravelTimes coordinates) {}
