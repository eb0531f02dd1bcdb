package io.mimamori.routing.optimiser;

/**
 * What a running job reports: the best solution so far (already checked), the iterations run over
 * all threads, and the seconds since the job started.
 */
public record Progress(Solution best, long iterations, double elapsedSeconds) {}
