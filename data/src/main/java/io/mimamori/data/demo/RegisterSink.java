package io.mimamori.data.demo;

import io.mimamori.layers.register.ConsentRow;
import io.mimamori.layers.register.HouseholdRow;
import io.mimamori.layers.register.PlanRow;
import io.mimamori.layers.register.PlanSupporterRow;
import io.mimamori.layers.register.ResidentRow;
import io.mimamori.layers.register.SupporterRow;

/** Where the register generator puts its rows: the bulk writer when loading, a counter in tests. */
interface RegisterSink {
  void add(SupporterRow row);

  void add(HouseholdRow row);

  void add(ResidentRow row);

  void add(PlanRow row);

  void add(PlanSupporterRow row);

  void add(ConsentRow row);
}
