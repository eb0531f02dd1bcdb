/**
 * The safety-check and visit route optimiser: which team visits which residents, in what order,
 * the most endangered first.
 *
 * <p>In: a {@link io.mimamori.routing.optimiser.RoutingProblem} of {@link
 * io.mimamori.routing.optimiser.Task}s (location, priority, service time, window, skills, people
 * needed, load), {@link io.mimamori.routing.optimiser.Team}s (start, end, shift, skills, size,
 * capacity), {@link io.mimamori.routing.optimiser.TravelTimes} (a road matrix, or straight lines in
 * tests) and an {@link io.mimamori.routing.optimiser.Objective}: priority reached first, then
 * (optionally) fewer teams, then travel plus re-planning penalties.
 *
 * <p>Out: a {@link io.mimamori.routing.optimiser.Solution} with each team's visits and times and
 * the tasks left out with a reason, always passed through the independent {@link
 * io.mimamori.routing.optimiser.SolutionChecker}.
 *
 * <p>Doors: {@link io.mimamori.routing.optimiser.RouteOptimiser#solve} (blocking), {@link
 * io.mimamori.routing.optimiser.OptimisationJob#start} (background, progress, stop), {@link
 * io.mimamori.routing.optimiser.Replanner} (re-plan during operations), {@link
 * io.mimamori.routing.optimiser.PlanEvaluator} (times and rule check of routes edited by hand).
 * The search itself is in {@code search}; readers of the literature benchmarks in {@code instances}.
 * Nothing here knows of a database or HTTP.
 */
package io.mimamori.routing.optimiser;
