package io.mimamori.routing.graph;

import com.graphhopper.routing.ev.DecimalEncodedValueImpl;
import com.graphhopper.routing.ev.DefaultImportRegistry;
import com.graphhopper.routing.ev.ImportRegistry;
import com.graphhopper.routing.ev.ImportUnit;
import com.graphhopper.routing.ev.SimpleBooleanEncodedValue;

/**
 * GraphHopper's encoded values plus ours: {@value InclineParser#INCLINE} (absolute steepness in
 * whole percent, from the OSM incline tag) and {@value InclineParser#WHEELCHAIR_BARRIER}
 * ({@code wheelchair=no}). One parser fills both and watches the import.
 */
final class RoutingImportRegistry implements ImportRegistry {

  private final DefaultImportRegistry defaults = new DefaultImportRegistry();
  private final ImportWatch watch;

  RoutingImportRegistry(ImportWatch watch) {
    this.watch = watch;
  }

  @Override
  public ImportUnit createImportUnit(String name) {
    if (InclineParser.INCLINE.equals(name)) {
      return ImportUnit.create(name,
          props -> new DecimalEncodedValueImpl(InclineParser.INCLINE, 5, 1, false),
          (lookup, props) -> new InclineParser(lookup.getDecimalEncodedValue(InclineParser.INCLINE),
              lookup.hasEncodedValue(InclineParser.WHEELCHAIR_BARRIER)
                  ? lookup.getBooleanEncodedValue(InclineParser.WHEELCHAIR_BARRIER) : null,
              watch));
    }
    if (InclineParser.WHEELCHAIR_BARRIER.equals(name)) {
      // filled by the incline parser
      return ImportUnit.create(name, props -> new SimpleBooleanEncodedValue(InclineParser.WHEELCHAIR_BARRIER, false),
          null);
    }
    return defaults.createImportUnit(name);
  }
}
