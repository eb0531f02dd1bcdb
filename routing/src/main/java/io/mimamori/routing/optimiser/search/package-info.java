/**
 * The metaheuristic behind {@link io.mimamori.routing.optimiser.OptimisationJob}: regret
 * construction, SISR-style team minimisation with absence counts (when teams are minimised),
 * then ruin and recreate under simulated annealing with adaptive choice among string, random,
 * worst, related and route removal, greedy insertion with blinks in several orders (or regret),
 * and local search (Or-opt, swap, 2-opt*, 2-opt, route exchange, insertion of left-out tasks) on
 * each new best. Insertion and moves between routes are checked in O(1) with each route's
 * departure times and backward slack ({@code Route}).
 * Only {@link io.mimamori.routing.optimiser.search.Search} is public.
 */
package io.mimamori.routing.optimiser.search;
