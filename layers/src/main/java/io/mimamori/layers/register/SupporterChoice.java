package io.mimamori.layers.register;

/**
 * A supporter offered to a planner choosing a plan's supporters: who they are, how to reach them,
 * how many plans they already serve and, when asked near a resident, how far they live from that
 * resident's home (metres; null when either place is unknown).
 */
public record SupporterChoice(long id, int version, String kind, String relation, String name, String phone,
    String address, Double lon, Double lat, int plans, Integer distanceMetres) {}
