/**
 * Shelters during an emergency: openings, check-ins and check-outs (parties of persons and the
 * family members with them), eligibility at welfare and child welfare shelters, how full each
 * shelter is ({@code shelter_capacity_level} of migration V15: near full from 80 %, full at 100 %),
 * and transfers from ordinary shelters to welfare shelters after triage (requested, accepted or
 * refused, moved). Every change writes a {@link io.mimamori.layers.shelterops.ShelterEvent} with
 * the shelter's state right after it, in the transaction of the change.
 */
package io.mimamori.layers.shelterops;
