package io.mimamori.layers.register;

/**
 * One resident of the register as a register file carries it: the resident (stored ids), the
 * household with its number (stored households without a number get {@code "H" + id}) and the
 * resident's version.
 */
public record RegisterFileRow(ResidentRow resident, NumberedHousehold household, int version) {}
