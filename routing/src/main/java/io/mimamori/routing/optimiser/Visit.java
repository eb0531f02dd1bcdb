package io.mimamori.routing.optimiser;

/**
 * One stop of a route, with its times recomputed from the problem: the team arrives, waits until
 * the task's window opens if early, begins, and leaves after the service time.
 */
public record Visit(String taskId, int taskIndex, double arrival, double start, double departure) {}
