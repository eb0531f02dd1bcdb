/**
 * The route optimiser's problem written as a Timefold Solver model, for the side-by-side runs of
 * {@code VrpBench} only: one {@link io.mimamori.bench.vrp.timefold.TeamRoute} per team with a
 * planning list of {@link io.mimamori.bench.vrp.timefold.TaskVisit}s, arrival times as declarative
 * shadow variables, and the score from {@link io.mimamori.bench.vrp.timefold.RoutePlanConstraints}.
 * Nothing outside {@code bench} may depend on it.
 */
package io.mimamori.bench.vrp.timefold;
