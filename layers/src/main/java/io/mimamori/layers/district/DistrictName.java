package io.mimamori.layers.district;

/** A stored district as a filter names it: its id in the district table and its name. */
public record DistrictName(int id, String name) {}
