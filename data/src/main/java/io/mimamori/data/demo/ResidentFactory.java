package io.mimamori.data.demo;

import io.mimamori.layers.register.ResidentRow;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Makes one synthetic resident needing support: age, sex, name, care level, disabilities, medical
 * devices and support needs, with shares chosen to look like a Japanese city's register. The shares
 * are stated where they are drawn, with their reasons; they are plausible, not official statistics
 * of any one city.
 */
final class ResidentFactory {

  /** Who the person is, which sets the shares drawn below. */
  enum Group { OLD_ELDERLY, YOUNG_ELDERLY, ADULT_DISABLED, CHILD }

  /** Every date is relative to this one, never to the clock, so a seed gives the same register any day. */
  static final LocalDate REFERENCE_DATE = LocalDate.of(2026, 1, 1);

  private static final String[] CARE = {"none", "support_1", "support_2", "care_1", "care_2", "care_3", "care_4", "care_5"};
  // Care levels among the 75+ on a register: most are certified, weighted to the middle levels; the
  // national distribution of certified people is roughly 要支援 28%, 要介護1-2 37%, 要介護3-5 35%.
  private static final double[] CARE_OLD = {0.10, 0.08, 0.09, 0.16, 0.16, 0.15, 0.14, 0.12};
  // 65-74: fewer certified and lighter levels; many are on the register for a disability instead.
  private static final double[] CARE_YOUNG = {0.30, 0.10, 0.10, 0.15, 0.12, 0.10, 0.07, 0.06};
  // 身体障害者手帳 grades: grades 1 and 4 are the most common (national survey shape).
  private static final double[] PHYSICAL_GRADE = {0.28, 0.15, 0.17, 0.26, 0.07, 0.07};

  private final String municipalityCode;

  ResidentFactory(String municipalityCode) {
    this.municipalityCode = municipalityCode;
  }

  static Group elderly(SplittableRandom r) {
    // most people on a register are 75 or older
    return r.nextDouble() < 0.85 ? Group.OLD_ELDERLY : Group.YOUNG_ELDERLY;
  }

  ResidentRow make(SplittableRandom r, long id, long householdId, Group g, String[] family, Boolean female) {
    int age = switch (g) {
      case OLD_ELDERLY -> 75 + (int) (Math.pow(r.nextDouble(), 1.4) * 26);
      case YOUNG_ELDERLY -> 65 + r.nextInt(10);
      case ADULT_DISABLED -> 18 + r.nextInt(47);
      case CHILD -> r.nextDouble() < 0.75 ? 6 + r.nextInt(12) : r.nextInt(6);
    };
    LocalDate birth = REFERENCE_DATE.minusYears(age + 1L).plusDays(1 + r.nextInt(365));
    // women outlive men: about 62% of the elderly on a register are women; boys are diagnosed with
    // developmental disabilities more often, so children lean male
    boolean isFemale = female != null ? female
        : r.nextDouble() < (g == Group.CHILD ? 0.40 : g == Group.ADULT_DISABLED ? 0.45 : 0.62);
    String[] given = NameBook.given(r, isFemale, birth.getYear());

    String care = switch (g) {
      case OLD_ELDERLY -> CARE[draw(r, CARE_OLD)];
      case YOUNG_ELDERLY -> CARE[draw(r, CARE_YOUNG)];
      case ADULT_DISABLED -> age >= 40 && r.nextDouble() < 0.08 ? CARE[3 + r.nextInt(5)] : "none";
      case CHILD -> "none";
    };
    int careRank = indexOf(care);

    List<String> types = new ArrayList<>();
    boolean severe = false;
    switch (g) {
      case OLD_ELDERLY, YOUNG_ELDERLY -> {
        // disabilities of old age: mostly physical, then hearing and sight
        maybe(r, 0.22, types, "physical");
        maybe(r, 0.04, types, "visual");
        maybe(r, 0.06, types, "hearing");
        maybe(r, 0.01, types, "speech");
        maybe(r, 0.02, types, "mental");
        maybe(r, 0.02, types, "intractable_disease");
      }
      case ADULT_DISABLED -> {
        // working-age people are on the register for a disability; 重症心身障害 is rare (~1.5% of them)
        severe = r.nextDouble() < 0.015;
        String[] primary = {"physical", "intellectual", "mental", "developmental", "visual", "hearing", "intractable_disease"};
        types.add(primary[draw(r, new double[] {0.36, 0.27, 0.21, 0.05, 0.04, 0.03, 0.04})]);
        if (r.nextDouble() < 0.15) {
          String second = primary[r.nextInt(primary.length)];
          if (!types.contains(second)) {
            types.add(second);
          }
        }
      }
      case CHILD -> {
        // children on the register: intellectual and developmental disabilities lead; ~8% are
        // 重症心身障害児 (severe motor and intellectual), who need the most help of anyone
        severe = r.nextDouble() < 0.08;
        String[] primary = {"intellectual", "physical", "developmental", "hearing", "visual"};
        types.add(primary[draw(r, new double[] {0.45, 0.25, 0.20, 0.05, 0.05})]);
      }
    }
    if (severe) {
      types.clear();
      types.add("physical");
      types.add("intellectual");
    }
    types.sort(null);
    Integer physicalGrade = null;
    if (types.contains("physical") || types.contains("visual") || types.contains("hearing") || types.contains("speech")) {
      physicalGrade = severe ? 1 : 1 + draw(r, PHYSICAL_GRADE);
    }
    String intellectualGrade = types.contains("intellectual") ? (severe || r.nextDouble() < 0.40 ? "A" : "B") : null;
    Integer mentalGrade = types.contains("mental") ? 1 + draw(r, new double[] {0.12, 0.58, 0.30}) : null;

    // Powered medical devices. Ventilators: about 0.3% of the register, most of them among the
    // severely disabled, people with intractable diseases (ALS) and care level 5; 24-hour use for
    // about half of them.
    double pVent = severe ? 0.20 : types.contains("intractable_disease") ? 0.05 : careRank == 7 ? 0.01
        : physicalGrade != null && physicalGrade == 1 ? 0.004 : 0.0005;
    boolean ventilator = r.nextDouble() < pVent;
    boolean vent24 = ventilator && r.nextDouble() < (severe ? 0.6 : 0.45);
    List<String> devices = new ArrayList<>();
    if (ventilator) {
      devices.add("ventilator");
    }
    // Other powered devices, as a register of people needing help records them for power cuts.
    // Home oxygen (在宅酸素療法): about 160,000 people in Japan, most of them elderly with COPD,
    // lung fibrosis or heart failure, so about 0.4% of people over 65 and more among the frail:
    // about 1.5% of the register, more with an intractable disease (ALS, muscular dystrophy) or a
    // severe disability.
    double pOxygen = severe ? 0.25 : types.contains("intractable_disease") ? 0.10
        : g == Group.CHILD || g == Group.ADULT_DISABLED ? 0.006 : careRank >= 3 ? 0.018 : 0.008;
    if (r.nextDouble() < pOxygen) {
      devices.add("oxygen");
    }
    // Suction (吸引器): with most ventilators and tracheostomies, severe disabilities and some
    // bedridden elderly people: about 0.8% of the register.
    if (r.nextDouble() < (ventilator ? 0.7 : severe ? 0.4 : careRank == 7 ? 0.03 : 0.001)) {
      devices.add("suction");
    }
    // Dialysis: about 350,000 people in Japan, two thirds over 65, treated at a clinic; about 1%.
    if (g != Group.CHILD && r.nextDouble() < 0.012) {
      devices.add("dialysis");
    }
    // Enteral feeding pumps: most tube feeding at home runs by gravity, so pumps are few: about 0.3%.
    if (r.nextDouble() < (severe ? 0.25 : careRank == 7 ? 0.02 : 0.0003)) {
      devices.add("feeding_pump");
    }
    // Electric care beds are common under long-term care insurance, but the register records one
    // as a powered device only where a power cut matters (a bedridden person at care level 4-5 on
    // an air mattress or turned by the bed): about 1.5% of the register.
    if (careRank >= 6 && r.nextDouble() < 0.08) {
      devices.add("electric_bed");
    }
    if (r.nextDouble() < 0.003) {
      devices.add("other_powered");
    }

    boolean sensoryOrCognitive = types.contains("visual") || types.contains("hearing")
        || types.contains("intellectual") || types.contains("developmental");
    boolean infoSupport = r.nextDouble() < (sensoryOrCognitive ? 0.85 : careRank >= 5 ? 0.40 : 0.05);
    double pDecision = severe || "A".equals(intellectualGrade) ? 0.9 : "B".equals(intellectualGrade) ? 0.5
        : mentalGrade != null && mentalGrade == 1 ? 0.4 : careRank >= 6 ? 0.5 : careRank == 5 ? 0.25 : 0.02;
    boolean decisionSupport = r.nextDouble() < pDecision;

    String school = "none";
    if (g == Group.CHILD) {
      school = age < 6 ? "preschool_child" : r.nextDouble() < 0.85 ? "special_needs_pupil" : "none";
    }
    // registers lag behind life: a few entries are people now in a care home, moved away or deceased
    double st = r.nextDouble();
    String status = st < 0.965 ? "active" : st < 0.985 ? "in_care_facility" : st < 0.995 ? "deceased" : "moved_away";
    LocalDate registered = REFERENCE_DATE.minusDays(30 + r.nextInt(365 * 11));

    String phone;
    double ph = r.nextDouble();
    if (g == Group.CHILD || g == Group.ADULT_DISABLED) {
      phone = ph < 0.88 ? NameBook.phone(r, true) : ph < 0.97 ? NameBook.phone(r, false) : null;
    } else {
      phone = ph < 0.68 ? NameBook.phone(r, false) : ph < 0.90 ? NameBook.phone(r, true) : null;
    }
    return new ResidentRow(id, householdId, municipalityCode, registerNo(id), family[0], given[0], family[1], given[1],
        birth, isFemale ? "female" : "male", phone, care, types, physicalGrade, intellectualGrade, mentalGrade,
        severe, devices, vent24, infoSupport, decisionSupport, school, status, registered);
  }

  static String registerNo(long id) {
    String digits = Long.toString(id);
    return "R" + "0000000".substring(Math.min(7, digits.length())) + digits;
  }

  static int indexOf(String care) {
    for (int i = 0; i < CARE.length; i++) {
      if (CARE[i].equals(care)) {
        return i;
      }
    }
    return 0;
  }

  static int draw(SplittableRandom r, double[] shares) {
    double x = r.nextDouble(), sum = 0;
    for (int i = 0; i < shares.length; i++) {
      sum += shares[i];
      if (x < sum) {
        return i;
      }
    }
    return shares.length - 1;
  }

  private static void maybe(SplittableRandom r, double p, List<String> types, String type) {
    if (r.nextDouble() < p) {
      types.add(type);
    }
  }
}
