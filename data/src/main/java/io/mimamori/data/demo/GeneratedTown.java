package io.mimamori.data.demo;

import io.mimamori.layers.hazard.HazardZone;
import io.mimamori.layers.shelter.Shelter;
import java.nio.file.Path;
import java.util.List;

/** Everything of a demo town except its register, which is generated while it is loaded. */
record GeneratedTown(
    DemoTownSpec spec,
    TownGeography geography,
    HomeSampler homes,
    List<DistrictPlanner.Area> districts,
    DistrictIndex districtIndex,
    List<HazardZone> hazards,
    HazardIndex hazardIndex,
    List<Shelter> shelters,
    Path osmFile,
    RoadNetwork roads) {}
