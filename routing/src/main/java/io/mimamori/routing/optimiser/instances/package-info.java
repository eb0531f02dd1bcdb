/**
 * Readers of the literature's vehicle-routing benchmarks into {@link
 * io.mimamori.routing.optimiser.RoutingProblem}s: Solomon and Gehring-Homberger VRPTW, CVRPLIB
 * (X set), Chao's team orienteering problem, and their best-known tables.
 */
package io.mimamori.routing.optimiser.instances;
