package io.mimamori.data.demo;

import io.mimamori.layers.hazard.HazardType;
import io.mimamori.layers.register.PlanRow;
import io.mimamori.layers.register.ResidentRow;
import io.mimamori.layers.shelter.Shelter;
import io.mimamori.layers.shelter.ShelterKind;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The supporters, the evacuation plan (個別避難計画, art. 49-14) and the consent rows of each resident.
 *
 * <p>Plan status: none 25%, draft 12%, partial 23%, complete 35%, refused 5% (national surveys find
 * plans made for a minority to a half of the register, more for the highest-priority people, who are
 * drawn here with fewer "none"). Residents with no plan or a refusal have no supporter, so about 30%
 * have none. Supporters are neighbours, family, relatives, welfare commissioners (民生委員, about one
 * per 60 residents of the register), the district's voluntary disaster-prevention group (自主防災会),
 * neighbourhood association and fire brigade (消防団), the social welfare council and care providers.
 * Neighbours live within 250 m, so they often share the person's hazard zone.
 *
 * <p>Destinations: welfare shelters for people who need care (care level 3-5, disability grade 1-2,
 * intellectual A, severe, ventilator), within capacity counting the whole household (4% of
 * planners count only the person, for the over-capacity check to find); the child welfare shelter
 * matching a pupil's disability, within its places for children and persons; otherwise the nearest evacuation site designated for every hazard at home, a
 * relative's home, a short stay in a care facility, or staying home when home is in no hazard zone.
 * About 5% of plans name the nearest site regardless of its designation: the mistakes plan checks
 * are there to find. Reviews: 60% within the last year, the rest older.
 */
final class PlanMaker {

  private static final String[] ROUTE_NOTES = {
    "車いすで移動。段差の少ない道を通る", "支援者の車で送迎", "徒歩（杖使用）、休憩をとりながら移動",
    "坂道を避け、遠回りでも平坦な道を通る", "ストレッチャーが必要。消防団に連絡", "橋が通れない時は上流の橋へ迂回"
  };
  private static final String[] RELATIVES = {"長男宅", "長女宅", "次男宅", "次女宅", "弟宅", "妹宅", "姪宅"};
  private static final String[] TOWNS = {"三島市", "清水町", "長泉町", "裾野市", "富士市", "沼津市内"};

  private final String code;
  private final int residents;
  private final TownGeography geo;
  private final HomeSampler homes;
  private final DistrictIndex districts;
  private final ShelterChooser shelters;
  private final SplittableRandom orgRandom;
  private long supporterId;
  private long planId;
  private final long[] consentId = {0};
  private long[] association;
  private long[] disasterGroup;
  private long[] fireBrigade;
  private long council;
  private long[] careProviders;
  private List<List<Long>> commissioners;

  PlanMaker(long seed, int residents, String code, TownGeography geo, HomeSampler homes, DistrictIndex districts,
      ShelterChooser shelters) {
    this.code = code;
    this.residents = residents;
    this.geo = geo;
    this.homes = homes;
    this.districts = districts;
    this.shelters = shelters;
    this.orgRandom = Seeds.of(seed, "organisations");
  }

  void writeOrganisations(RegisterSink sink) {
    SplittableRandom r = orgRandom;
    int n = districts.size();
    association = new long[n];
    disasterGroup = new long[n];
    fireBrigade = new long[n];
    for (int d = 0; d < n; d++) {
      String name = districtName(d);
      association[d] = org(sink, "neighbourhood_association", name + "自治会", NameBook.phone(r, false), List.of());
      disasterGroup[d] = org(sink, "voluntary_disaster_group", name + "自主防災会", NameBook.phone(r, false),
          List.of("stretcher", "wheelchair_assist", "safety_check"));
      fireBrigade[d] = org(sink, "fire_brigade", "沼津市消防団第" + (d + 1) + "分団", NameBook.phone(r, false),
          List.of("rescue", "stretcher", "vehicle"));
    }
    council = org(sink, "social_welfare_council", "沼津市社会福祉協議会", "055-922-1500", List.of("coordination"));
    org(sink, "police", "沼津警察署", "055-920-0110", List.of("safety_check"));
    careProviders = new long[Math.max(5, residents / 400)];
    for (int i = 0; i < careProviders.length; i++) {
      careProviders[i] = org(sink, "care_provider", "居宅介護支援事業所 " + districtName(i % n) + (i / n + 1),
          NameBook.phone(r, false), List.of("care", "vehicle"));
    }
    // 民生委員: one per about 60 residents of the register, living in their district
    commissioners = new ArrayList<>();
    for (int d = 0; d < n; d++) {
      commissioners.add(new ArrayList<>());
    }
    int count = Math.max(n, residents / 60);
    for (int i = 0; i < count; i++) {
      double[] p = homes.sample(r);
      int d = districts.indexAt(p[0], p[1]);
      long id = ++supporterId;
      sink.add(RegisterGenerator.supporter(id, code, "person", "welfare_commissioner",
          NameBook.fullName(r, 1950 + r.nextInt(20)), NameBook.phone(r, r.nextBoolean()), address(r, d),
          geo.frame.lonLat(p[0], p[1]), List.of("safety_check")));
      commissioners.get(d).add(id);
    }
  }

  void write(RegisterSink sink, SplittableRandom r, ResidentRow p, String composition, int members, double[] home,
      Set<HazardType> homeHazards, List<String> hazardCodes, int district) {
    int care = ResidentFactory.indexOf(p.careLevel());
    boolean ventilator = p.medicalDevices().contains("ventilator");
    boolean needsWelfare = care >= 5 || (p.physicalDisabilityGrade() != null && p.physicalDisabilityGrade() <= 2)
        || "A".equals(p.intellectualDisabilityGrade()) || p.severeMotorIntellectual() || ventilator;
    boolean topPriority = p.severeMotorIntellectual() || p.ventilator24h() || (care == 7 && !homeHazards.isEmpty());
    double[] shares = topPriority ? new double[] {0.10, 0.12, 0.23, 0.52, 0.03} : new double[] {0.25, 0.12, 0.23, 0.35, 0.05};
    String status = new String[] {"none", "draft", "partial", "complete", "refused"}[ResidentFactory.draw(r, shares)];

    List<Long> supporters = new ArrayList<>();
    int wanted = switch (status) {
      case "draft" -> r.nextBoolean() ? 1 : 0;
      case "partial" -> 1 + (r.nextDouble() < 0.35 ? 1 : 0);
      case "complete" -> 1 + (r.nextDouble() < 0.45 ? 1 + (r.nextDouble() < 0.3 ? 1 : 0) : 0);
      default -> 0;
    };
    for (int i = 0; i < wanted; i++) {
      long s = i == 0 ? firstSupporter(sink, r, home, district) : laterSupporter(r, district);
      if (!supporters.contains(s)) {
        supporters.add(s);
      }
    }

    boolean hasPlan = !status.equals("none") && !status.equals("refused");
    double pDestination = status.equals("complete") ? 1 : status.equals("partial") ? 0.6 : status.equals("draft") ? 0.3 : 0;
    String kind = null;
    Long shelterId = null;
    String note = null;
    if (r.nextDouble() < pDestination) {
      int chosen = -1;
      int children = 0;
      // the household goes along: a welfare shelter's capacity counts family members too; a few
      // planners count only the person, which the plan check's over_capacity then finds
      int counted = r.nextDouble() < 0.04 ? 1 : members;
      if (!p.schoolStatus().equals("none") && r.nextDouble() < 0.75) {
        chosen = shelters.nearest(home[0], home[1], s -> childShelterFits(s, p, counted));
        children = 1;
      } else if (needsWelfare && r.nextDouble() < 0.70) {
        // welfare shelters within 4 km; when the near ones are full the person goes to an ordinary shelter
        chosen = shelters.nearest(home[0], home[1], 4000, s -> welfareShelterFits(s, p, counted));
      }
      double roll = r.nextDouble();
      if (chosen >= 0) {
        shelters.take(chosen, counted, children);
        kind = "shelter";
      } else if (roll < 0.12) {
        kind = "relative_home";
        note = RELATIVES[r.nextInt(RELATIVES.length)] + "（" + TOWNS[r.nextInt(TOWNS.length)] + "）";
      } else if (roll < 0.19 && care >= 5) {
        kind = "care_facility_short_stay";
        note = "台風接近時は短期入所（ショートステイ）を利用";
      } else if (roll < 0.29 && homeHazards.isEmpty()) {
        kind = "stay_home";
        note = "自宅は想定区域外のため在宅避難";
      } else {
        kind = "shelter";
        boolean mistake = r.nextDouble() < 0.05;
        chosen = shelters.nearest(home[0], home[1], s -> siteFits(s, homeHazards, mistake));
        if (chosen < 0) {
          chosen = shelters.nearest(home[0], home[1], s -> siteFits(s, Set.of(), true));
        }
      }
      if ("shelter".equals(kind)) {
        shelterId = shelters.storedIds[chosen];
      }
    }
    String route = status.equals("complete") || (status.equals("partial") && r.nextBoolean())
        ? ROUTE_NOTES[r.nextInt(ROUTE_NOTES.length)] : null;
    List<String> items = hasPlan ? items(r, p, care) : List.of();
    String cmName = null, cmPhone = null;
    if (hasPlan && care > 0) {
      cmName = NameBook.fullName(r, 1965 + r.nextInt(30));
      cmPhone = NameBook.phone(r, false);
    }
    LocalDate reviewed = hasPlan ? ResidentFactory.REFERENCE_DATE.minusDays(
        r.nextDouble() < 0.6 ? 10 + r.nextInt(355) : 366 + r.nextInt(1300)) : null;
    long plan = ++planId;
    sink.add(new PlanRow(plan, p.id(), status, kind, shelterId, note, route, items,
        hasPlan || status.equals("none") ? hazardCodes : List.of(), cmName, cmPhone, reviewed));
    RegisterGenerator.link(sink, plan, supporters);
    RegisterGenerator.writeConsent(sink, r, consentId, p.id(), status);
  }

  private boolean siteFits(int s, Set<HazardType> homeHazards, boolean anySite) {
    Shelter sh = shelters.shelters.get(s);
    if (sh.kind() != ShelterKind.EVACUATION_SITE && sh.kind() != ShelterKind.DESIGNATED_SHELTER) {
      return false;
    }
    if (anySite) {
      return true;
    }
    if (homeHazards.isEmpty()) {
      return sh.kind() == ShelterKind.DESIGNATED_SHELTER || sh.hazards().contains(HazardType.EARTHQUAKE);
    }
    return sh.kind() == ShelterKind.EVACUATION_SITE && sh.hazards().containsAll(homeHazards);
  }

  private boolean welfareShelterFits(int s, ResidentRow p, int people) {
    Shelter sh = shelters.shelters.get(s);
    if (sh.kind() != ShelterKind.WELFARE_SHELTER || !shelters.hasRoom(s, people, 0)) {
      return false;
    }
    boolean elderly = p.birthDate().isBefore(ResidentFactory.REFERENCE_DATE.minusYears(65));
    Set<String> g = sh.targetGroups();
    return g.contains("care_needing") || (elderly && g.contains("elderly"))
        || (!p.disabilityTypes().isEmpty() && g.contains("disabled"));
  }

  private boolean childShelterFits(int s, ResidentRow p, int people) {
    Shelter sh = shelters.shelters.get(s);
    return sh.kind() == ShelterKind.CHILD_WELFARE_SHELTER && shelters.hasRoom(s, people, 1)
        && p.disabilityTypes().stream().anyMatch(sh.disabilityTypes()::contains);
  }

  private static List<String> items(SplittableRandom r, ResidentRow p, int care) {
    List<String> items = new ArrayList<>();
    items.add("お薬手帳・常備薬");
    items.add("保険証");
    if (p.disabilityTypes().contains("visual") || r.nextDouble() < 0.3) {
      items.add("眼鏡");
    }
    if (p.disabilityTypes().contains("hearing")) {
      items.add("補聴器");
    }
    if (care > 0) {
      items.add("ケアマネジャーの連絡先");
    }
    if (p.medicalDevices().stream().anyMatch(d -> !d.equals("dialysis"))) {
      items.add("予備バッテリー");
    }
    if (care >= 5) {
      items.add("おむつ");
    }
    return items;
  }

  private long firstSupporter(RegisterSink sink, SplittableRandom r, double[] home, int district) {
    String relation = new String[] {"neighbour", "family", "relative", "welfare_commissioner",
        "voluntary_disaster_group", "care_provider"}[ResidentFactory.draw(r, new double[] {0.35, 0.25, 0.08, 0.15, 0.10, 0.07})];
    return switch (relation) {
      case "neighbour" -> person(sink, r, "neighbour", near(r, home));
      case "family", "relative" -> person(sink, r, relation, r.nextDouble() < 0.7 ? homes.sample(r) : null);
      case "welfare_commissioner" -> commissioner(r, district);
      case "voluntary_disaster_group" -> disasterGroup[district];
      default -> careProviders[r.nextInt(careProviders.length)];
    };
  }

  private long laterSupporter(SplittableRandom r, int district) {
    return switch (ResidentFactory.draw(r, new double[] {0.35, 0.25, 0.20, 0.15, 0.05})) {
      case 0 -> disasterGroup[district];
      case 1 -> association[district];
      case 2 -> commissioner(r, district);
      case 3 -> fireBrigade[district];
      default -> council;
    };
  }

  private long commissioner(SplittableRandom r, int district) {
    List<Long> here = commissioners.get(district);
    if (here.isEmpty()) {
      return disasterGroup[district];
    }
    return here.get(r.nextInt(here.size()));
  }

  private long person(RegisterSink sink, SplittableRandom r, String relation, double[] at) {
    long id = ++supporterId;
    String address = at == null ? "静岡県" + TOWNS[r.nextInt(TOWNS.length - 1)] : address(r, districts.indexAt(at[0], at[1]));
    List<String> skills = r.nextDouble() < 0.3 ? List.of("vehicle") : r.nextDouble() < 0.1 ? List.of("nursing") : List.of();
    sink.add(RegisterGenerator.supporter(id, code, "person", relation, NameBook.fullName(r, 1950 + r.nextInt(50)),
        NameBook.phone(r, true), address, at == null ? null : geo.frame.lonLat(at[0], at[1]), skills));
    return id;
  }

  /** A dry point 30-250 m from home. */
  private double[] near(SplittableRandom r, double[] home) {
    for (int i = 0; i < 10; i++) {
      double a = r.nextDouble() * 2 * Math.PI, d = 30 + 220 * r.nextDouble();
      double x = home[0] + d * Math.cos(a), y = home[1] + d * Math.sin(a);
      if (geo.isDryLand(x, y, 5)) {
        return new double[] {x, y};
      }
    }
    return home;
  }

  private String districtName(int d) {
    return districts.name(d);
  }

  private String address(SplittableRandom r, int d) {
    return "静岡県沼津市" + districts.name(d) + (1 + r.nextInt(5)) + "丁目" + (1 + r.nextInt(30)) + "-" + (1 + r.nextInt(25));
  }

  private long org(RegisterSink sink, String relation, String name, String phone, List<String> skills) {
    long id = ++supporterId;
    sink.add(RegisterGenerator.supporter(id, code, "organisation", relation, name, phone, null, null, skills));
    return id;
  }
}
