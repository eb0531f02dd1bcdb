package io.mimamori.data.demo;

import io.mimamori.data.demo.ResidentFactory.Group;
import io.mimamori.layers.hazard.HazardType;
import io.mimamori.layers.register.ConsentRow;
import io.mimamori.layers.register.HouseholdRow;
import io.mimamori.layers.register.PlanSupporterRow;
import io.mimamori.layers.register.ResidentRow;
import io.mimamori.layers.register.SupporterRow;
import io.mimamori.layers.geo.LonLat;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Generates the register household by household, so that it streams: {@link #writeOrganisations}
 * first (the support organisations and welfare commissioners that plans share), then
 * {@link #nextHousehold} until it returns false. Each household draws from its own random stream
 * (seed, household number), so the rows do not depend on how the caller chunks them.
 *
 * <p>Households (shares of households with someone on the register; national surveys put elderly
 * people living alone and elderly couples at about a third and a quarter of elderly households):
 * alone 35%, elderly couple 25%, with family 40%. A fifth of the couples and 8% of the families have
 * two people needing support. Families are frail themselves in 40% of couples and 10% of families;
 * 35% of family households leave the person alone in the daytime.
 */
final class RegisterGenerator {

  final String municipalityCode;
  private final long seed;
  private final int residents;
  private final TownGeography geo;
  private final HomeSampler homes;
  private final HazardIndex hazards;
  private final DistrictIndex districts;
  private final List<Integer> districtIds;
  private final ResidentFactory people;
  private final PlanMaker plans;

  private boolean lastWasFemale;
  private long householdId;
  private long residentId;
  private int written;

  RegisterGenerator(long seed, int residents, String municipalityCode, TownGeography geo, HomeSampler homes,
      HazardIndex hazards, DistrictIndex districts, List<Integer> districtIds, ShelterChooser shelters) {
    this.seed = seed;
    this.residents = residents;
    this.municipalityCode = municipalityCode;
    this.geo = geo;
    this.homes = homes;
    this.hazards = hazards;
    this.districts = districts;
    this.districtIds = districtIds;
    this.people = new ResidentFactory(municipalityCode);
    this.plans = new PlanMaker(seed, residents, municipalityCode, geo, homes, districts, shelters);
  }

  /** Writes the organisations and welfare commissioners every plan may name. */
  void writeOrganisations(RegisterSink sink) {
    plans.writeOrganisations(sink);
  }

  int residentsWritten() {
    return written;
  }

  /** Writes one household with its residents, their plans, supporters and consent; false when the register is full. */
  boolean nextHousehold(RegisterSink sink) {
    if (written >= residents) {
      return false;
    }
    long h = ++householdId;
    SplittableRandom r = Seeds.of(seed, "household", h);
    double[] home = homes.sample(r);
    LonLat at = geo.frame.lonLat(home[0], home[1]);
    Set<HazardType> homeHazards = hazards.at(at.lon(), at.lat());
    int district = districts.indexAt(home[0], home[1]);

    String composition;
    int members;
    boolean frail = false, daytime = false;
    List<Group> registered = new ArrayList<>();
    double c = r.nextDouble();
    if (c < 0.35) {
      composition = "alone";
      members = 1;
      // a few people living alone are working-age and disabled (mental, physical)
      registered.add(r.nextDouble() < 0.06 ? Group.ADULT_DISABLED : ResidentFactory.elderly(r));
    } else if (c < 0.60) {
      composition = "elderly_couple";
      members = 2;
      registered.add(ResidentFactory.elderly(r));
      if (r.nextDouble() < 0.20) {
        registered.add(ResidentFactory.elderly(r));
      }
      frail = r.nextDouble() < 0.40;
    } else {
      composition = "with_family";
      members = 2 + ResidentFactory.draw(r, new double[] {0.25, 0.30, 0.25, 0.12, 0.08});
      double who = r.nextDouble();
      Group first = who < 0.55 ? ResidentFactory.elderly(r) : who < 0.80 ? Group.ADULT_DISABLED : Group.CHILD;
      registered.add(first);
      if (r.nextDouble() < 0.08) {
        // an elderly parent and a disabled adult child, or two elderly parents, in one household
        registered.add(first == Group.CHILD ? Group.CHILD : r.nextBoolean() ? ResidentFactory.elderly(r) : Group.ADULT_DISABLED);
      }
      frail = r.nextDouble() < 0.10;
      daytime = first != Group.CHILD && r.nextDouble() < 0.35;
    }
    while (registered.size() > residents - written) {
      registered.remove(registered.size() - 1);
    }
    members = Math.max(members, registered.size());

    String districtName = districts.nameAt(home[0], home[1]);
    String address = "静岡県沼津市" + districtName + (1 + r.nextInt(5)) + "丁目" + (1 + r.nextInt(30)) + "-"
        + (1 + r.nextInt(25));
    sink.add(new HouseholdRow(h, municipalityCode, districtIds == null ? null : districtIds.get(district), address, at,
        composition, members, frail, daytime));

    String[] family = NameBook.family(r);
    List<String> hazardCodes = homeHazards.stream().map(HazardType::code).toList();
    for (int i = 0; i < registered.size(); i++) {
      long id = ++residentId;
      // in a couple the second person is of the other sex
      Boolean female = composition.equals("elderly_couple") && i == 1 ? !lastWasFemale : null;
      ResidentRow person = people.make(r, id, h, registered.get(i), family, female);
      lastWasFemale = person.sex().equals("female");
      sink.add(person);
      plans.write(sink, r, person, composition, members, home, homeHazards, hazardCodes, district);
      written++;
    }
    return true;
  }

  /** Consent to share register data in normal times, with some history (art. 49-11). */
  static void writeConsent(RegisterSink sink, SplittableRandom r, long[] consentId, long residentId, String planStatus) {
    // given on the mailed form 55%; presumed under an ordinance when the form is not returned (Kobe's
    // way) 20%; refused 7%; unknown 18%. People who refused a plan more often refuse sharing too.
    double[] shares = planStatus.equals("refused") ? new double[] {0.20, 0.10, 0.55, 0.15}
        : new double[] {0.55, 0.20, 0.07, 0.18};
    String state = new String[] {"given", "presumed", "refused", "unknown"}[ResidentFactory.draw(r, shares)];
    String basis = switch (state) {
      case "given" -> r.nextDouble() < 0.85 ? "written_form" : "verbal";
      case "presumed" -> "ordinance_presumption";
      case "refused" -> r.nextDouble() < 0.7 ? "written_form" : "verbal";
      default -> "none";
    };
    LocalDate decided = ResidentFactory.REFERENCE_DATE.minusDays(20 + r.nextInt(2000));
    if (!state.equals("unknown") && r.nextDouble() < 0.12) {
      // an earlier unanswered round, kept as history
      sink.add(new ConsentRow(++consentId[0], residentId, "unknown", "none", decided.minusDays(100 + r.nextInt(600)), null));
    }
    sink.add(new ConsentRow(++consentId[0], residentId, state, basis, decided, null));
  }

  static void link(RegisterSink sink, long planId, List<Long> supporters) {
    for (int i = 0; i < supporters.size(); i++) {
      sink.add(new PlanSupporterRow(planId, supporters.get(i), i + 1));
    }
  }

  static SupporterRow supporter(long id, String code, String kind, String relation, String name, String phone,
      String address, LonLat home, List<String> skills) {
    return new SupporterRow(id, code, kind, relation, name, phone, address, home, skills);
  }
}
