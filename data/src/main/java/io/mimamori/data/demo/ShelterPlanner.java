package io.mimamori.data.demo;

import io.mimamori.layers.hazard.HazardType;
import io.mimamori.layers.shelter.Shelter;
import io.mimamori.layers.shelter.ShelterKind;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The demo town's shelters, in the proportions of a real city. Numazu publishes 105 designated
 * evacuation sites (指定緊急避難場所) and 51 designated shelters (指定避難所) for about 190,000 people,
 * whose register of residents needing support is taken here as about 20,000: so 105 and 51 per
 * 20,000 residents of the register (at least 12 and 6). Welfare shelters (指定福祉避難所): half as many
 * as designated shelters (Kobe: 357 of its 681 shelters), at least 4.
 *
 * <ul>
 *   <li>Evacuation sites are schools, community halls and parks spread over the town, denser where
 *       people live. Each is designated for earthquake and fire, and for flood, inland flood,
 *       landslide, tsunami and storm surge only where it lies outside the zones of that hazard.
 *   <li>Designated shelters are the schools and halls among them (the GSI lists a school twice, once
 *       per list, under one id), with capacities: a school gym 300-800 people, a hall 50-200.
 *   <li>Welfare shelters are care homes and welfare centres with announced target groups in Kobe's
 *       mix: 要配慮者とその家族等 52%, 高齢者・市が特定した者とその家族等 40%, 障害者・市が特定した者とその家族等
 *       8%; 15-60 people each.
 *   <li>The six Kumamoto child welfare shelters ({@link ChildWelfareShelters}) on land in town.
 * </ul>
 *
 * Given real shelters, those are used instead of the generated evacuation sites and designated
 * shelters; welfare shelters are generated up to the town's share where the real list has fewer (the
 * GSI lists carry few: Numazu's has one shelter with announced target groups, while the city
 * designates about 20 welfare shelters, care homes and welfare centres, that are not in it). Welfare
 * shelters stand outside the hazard zones where the town has room.
 */
final class ShelterPlanner {

  static final String SOURCE = "demo";

  private enum Facility { ELEMENTARY, JUNIOR_HIGH, HIGH, HALL, PARK }

  private final TownGeography geo;
  private final HomeSampler homes;
  private final HazardIndex hazards;
  private final DistrictIndex districts;
  private final SplittableRandom r;
  private final String municipalityCode;
  private final Map<String, Integer> nameCounts = new HashMap<>();
  /** Shelters placed so far, bucketed in {@value #CELL} m cells so that spacing checks stay local. */
  private final Map<Long, List<double[]>> placed = new HashMap<>();
  private static final double CELL = 400;

  ShelterPlanner(TownGeography geo, HomeSampler homes, HazardIndex hazards, DistrictIndex districts, long seed,
      String municipalityCode) {
    this.geo = geo;
    this.homes = homes;
    this.hazards = hazards;
    this.districts = districts;
    this.r = Seeds.of(seed, "shelters");
    this.municipalityCode = municipalityCode;
  }

  List<Shelter> plan(int residents, List<Shelter> real) {
    double perRegister = residents / 20_000.0;
    int sites = Math.max(12, (int) Math.round(105 * perRegister));
    int designated = Math.max(6, (int) Math.round(51 * perRegister));
    int welfare = Math.max(4, (int) Math.round(designated * 0.5));
    List<Shelter> out = new ArrayList<>();
    if (real.isEmpty()) {
      double spacing = Math.min(450, 0.6 * Math.sqrt(geo.land.getArea() / sites));
      for (int i = 1; i <= sites; i++) {
        // the first `designated` sites are schools and halls, so every designated shelter has a site
        Facility f = i <= designated ? (r.nextDouble() < 0.75 ? school() : Facility.HALL) : facility();
        double[] p = place(spacing);
        String district = districts.nameAt(p[0], p[1]);
        String name = name(f, district);
        String id = String.format("demo-site-%05d", i);
        String address = address(district);
        Set<HazardType> designatedFor = designation(p, f);
        out.add(new Shelter(municipalityCode, ShelterKind.EVACUATION_SITE, name, address, geo.frame.lonLat(p[0], p[1]),
            designatedFor, null, null, null, null, null, null, SOURCE, id));
        if (i <= designated) {
          int capacity = f == Facility.HALL ? 50 + 10 * r.nextInt(16) : 300 + 10 * r.nextInt(51);
          out.add(new Shelter(municipalityCode, ShelterKind.DESIGNATED_SHELTER, name, address,
              geo.frame.lonLat(p[0], p[1]), null, null, null, null, capacity, null, null, SOURCE, id));
        }
      }
    } else {
      out.addAll(real);
      for (Shelter s : real) {
        remember(new double[] {geo.frame.x(s.location().lon()), geo.frame.y(s.location().lat())});
      }
    }
    long realWelfare = real.stream().filter(s -> s.kind() == ShelterKind.WELFARE_SHELTER).count();
    if (realWelfare < welfare) {
      addWelfareShelters(out, (int) (welfare - realWelfare));
    }
    double spacing = Math.min(800, Math.sqrt(geo.land.getArea() / 6) * 0.5);
    for (ChildWelfareShelters.Row row : ChildWelfareShelters.ROWS) {
      double[] p = place(spacing);
      out.add(ChildWelfareShelters.shelter(row, geo.frame.lonLat(p[0], p[1]), municipalityCode,
          address(districts.nameAt(p[0], p[1]))));
    }
    return out;
  }

  private void addWelfareShelters(List<Shelter> out, int count) {
    String[][] kinds = {
      {"特別養護老人ホーム", "苑"}, {"介護老人保健施設", "の里"}, {"", "デイサービスセンター"}, {"障害者支援施設", "園"},
      {"", "老人福祉センター"}, {"", "福祉会館"}
    };
    double spacing = Math.min(600, 0.6 * Math.sqrt(geo.land.getArea() / count));
    for (int i = 1; i <= count; i++) {
      double[] p = placeOutsideHazards(spacing);
      String district = districts.nameAt(p[0], p[1]);
      // Kobe's published mix of target groups; the first three cover every group once
      int group = i <= 3 ? i - 1 : pick(0.52, 0.40);
      String text;
      Set<String> groups;
      int k;
      switch (group) {
        case 0 -> {
          text = "要配慮者とその家族等";
          groups = Set.of("care_needing", "families");
          k = r.nextInt(6);
        }
        case 1 -> {
          text = "高齢者・市が特定した者とその家族等";
          groups = Set.of("elderly", "designated_by_city", "families");
          k = r.nextBoolean() ? 0 : (r.nextBoolean() ? 1 : 4);
        }
        default -> {
          text = "障害者・市が特定した者とその家族等";
          groups = Set.of("disabled", "designated_by_city", "families");
          k = 3;
        }
      }
      String name = uniqueName(kinds[k][0] + district + kinds[k][1]);
      int capacity = 15 + 5 * r.nextInt(10);
      out.add(new Shelter(municipalityCode, ShelterKind.WELFARE_SHELTER, name, address(district),
          geo.frame.lonLat(p[0], p[1]), null, text, groups, null, capacity, null, null, SOURCE,
          String.format("demo-welfare-%04d", i)));
    }
  }

  private int pick(double p0, double p1) {
    double x = r.nextDouble();
    return x < p0 ? 0 : x < p0 + p1 ? 1 : 2;
  }

  private Facility school() {
    double x = r.nextDouble();
    return x < 0.6 ? Facility.ELEMENTARY : x < 0.9 ? Facility.JUNIOR_HIGH : Facility.HIGH;
  }

  private Facility facility() {
    double x = r.nextDouble();
    return x < 0.35 ? school() : x < 0.55 ? Facility.HALL : Facility.PARK;
  }

  /** A point where people live, at least {@code spacing} m from every shelter placed so far if it can be. */
  private double[] place(double spacing) {
    double[] best = null;
    for (int attempt = 0; attempt < 300; attempt++) {
      double[] p = homes.sample(r);
      double need = attempt < 150 ? spacing : spacing / 2;
      if (farFromOthers(p, need)) {
        best = p;
        break;
      }
      if (best == null) {
        best = p;
      }
    }
    remember(best);
    return best;
  }

  /**
   * Like {@link #place}, but outside every hazard zone if it can be: a welfare shelter takes people
   * who cannot leave again once the water rises, so cities choose care facilities on safe ground.
   */
  private double[] placeOutsideHazards(double spacing) {
    double[] fallback = null;
    for (int attempt = 0; attempt < 400; attempt++) {
      double[] p = homes.sample(r);
      if (attempt < 300 && !farFromOthers(p, attempt < 150 ? spacing : spacing / 2)) {
        continue;
      }
      if (hazards.at(geo.frame.lon(p[0]), geo.frame.lat(p[1])).isEmpty()) {
        remember(p);
        return p;
      }
      if (fallback == null) {
        fallback = p;
      }
    }
    if (fallback == null) {
      return place(spacing / 2);
    }
    remember(fallback);
    return fallback;
  }

  private boolean farFromOthers(double[] p, double spacing) {
    int reach = (int) Math.ceil(spacing / CELL);
    long cx = (long) Math.floor(p[0] / CELL), cy = (long) Math.floor(p[1] / CELL);
    for (long j = cy - reach; j <= cy + reach; j++) {
      for (long i = cx - reach; i <= cx + reach; i++) {
        for (double[] q : placed.getOrDefault(key(i, j), List.of())) {
          if (Math.hypot(q[0] - p[0], q[1] - p[1]) < spacing) {
            return false;
          }
        }
      }
    }
    return true;
  }

  private void remember(double[] p) {
    placed.computeIfAbsent(key((long) Math.floor(p[0] / CELL), (long) Math.floor(p[1] / CELL)), k -> new ArrayList<>()).add(p);
  }

  private static long key(long i, long j) {
    return (i << 32) ^ (j & 0xffffffffL);
  }

  private Set<HazardType> designation(double[] p, Facility f) {
    Set<HazardType> zones = hazards.at(geo.frame.lon(p[0]), geo.frame.lat(p[1]));
    Set<HazardType> out = EnumSet.of(HazardType.EARTHQUAKE, HazardType.FIRE);
    if (!zones.contains(HazardType.FLOOD)) {
      out.add(HazardType.FLOOD);
      out.add(HazardType.INLAND_FLOOD);
    }
    if (!zones.contains(HazardType.LANDSLIDE)) {
      out.add(HazardType.LANDSLIDE);
    }
    if (!zones.contains(HazardType.TSUNAMI) && !zones.contains(HazardType.STORM_SURGE)) {
      out.add(HazardType.TSUNAMI);
      out.add(HazardType.STORM_SURGE);
    }
    if (f == Facility.PARK) {
      out.remove(HazardType.INLAND_FLOOD); // open ground takes the water first
    }
    return out;
  }

  private String name(Facility f, String district) {
    String base = switch (f) {
      case ELEMENTARY -> "沼津市立" + district + "小学校";
      case JUNIOR_HIGH -> "沼津市立" + district + "中学校";
      case HIGH -> "静岡県立沼津" + district + "高等学校";
      case HALL -> district + (r.nextBoolean() ? "公民館" : "地区センター");
      case PARK -> district + "公園";
    };
    return uniqueName(base);
  }

  private String uniqueName(String base) {
    int n = nameCounts.merge(base, 1, Integer::sum);
    if (n == 1) {
      return base;
    }
    String[] ordinals = {"第二", "第三", "第四", "第五", "第六", "第七", "第八", "第九"};
    String prefix = n - 2 < ordinals.length ? ordinals[n - 2] : "第" + n;
    return base.startsWith("沼津市立") ? "沼津市立" + prefix + base.substring(4)
        : base.startsWith("静岡県立") ? "静岡県立" + prefix + base.substring(4) : prefix + base;
  }

  private String address(String district) {
    return "静岡県沼津市" + district + (1 + r.nextInt(5)) + "丁目" + (1 + r.nextInt(30)) + "-" + (1 + r.nextInt(20));
  }
}
