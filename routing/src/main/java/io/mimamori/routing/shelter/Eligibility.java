package io.mimamori.routing.shelter;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The rules that decide whether a shelter suits a resident, before travel time:
 *
 * <ol>
 *   <li>Welfare shelters (指定福祉避難所) take only people who need one, and of those only the
 *       groups they announce (elderly, people with disabilities, people needing care, ...); one
 *       announcing no groups takes anyone who needs a welfare shelter.
 *   <li>Child welfare shelters (福祉子ども避難所) take pupils of special-needs schools and pre-school
 *       children with disabilities, with their families, and only the type of disability the
 *       school serves when it says so.
 *   <li>Hazard at home: when the home lies in hazard zones, a shelter designated per hazard must be
 *       designated for every one of them; an evacuation site with no designation does not qualify;
 *       a place with no designation published must not lie in a zone of the same hazard.
 *   <li>Capacity (when asked): places left for the person and the family members who come where
 *       the shelter takes families; for a child welfare shelter also a child's place.
 * </ol>
 * Ordinary evacuation sites and designated shelters take anyone.
 */
public final class Eligibility {

  private Eligibility() {}

  /** Every rule's finding, in words; those refusing the shelter first. */
  public static Verdict check(Resident r, ShelterSite s, boolean withCapacity) {
    Findings out = new Findings(true);
    apply(r, s, withCapacity, out);
    List<Reason> ordered = new ArrayList<>(out.reasons.stream().filter(x -> !x.allows()).toList());
    ordered.addAll(out.reasons.stream().filter(Reason::allows).toList());
    return new Verdict(out.ok, ordered);
  }

  /** The same rules as {@link #check}, without the words: for matching thousands of residents. */
  public static boolean allows(Resident r, ShelterSite s, boolean withCapacity) {
    Findings out = new Findings(false);
    apply(r, s, withCapacity, out);
    return out.ok;
  }

  private static void apply(Resident r, ShelterSite s, boolean withCapacity, Findings out) {
    switch (s.type()) {
      case WELFARE_SHELTER -> welfare(r, s, out);
      case CHILD_WELFARE_SHELTER -> child(r, s, out);
      default -> {}
    }
    hazard(r, s, out);
    if (withCapacity) {
      capacity(r, s, out);
    }
  }

  /** Collects findings; without words it only remembers whether all allowed. */
  private static final class Findings {
    final boolean words;
    final List<Reason> reasons = new ArrayList<>();
    boolean ok = true;

    Findings(boolean words) {
      this.words = words;
    }

    void add(Reason.Rule rule, boolean allows, java.util.function.Supplier<Text> text) {
      ok &= allows;
      if (words) {
        reasons.add(new Reason(rule, allows, text.get()));
      }
    }
  }

  private static void welfare(Resident r, ShelterSite s, Findings out) {
    if (!r.needs().needsWelfareShelter()) {
      out.add(Reason.Rule.WELFARE_NEED, false, () -> new Text(
          "a welfare shelter, for people who need care there; this resident does not",
          "福祉避難所は要配慮者のための避難所で、この方は対象ではありません"));
      return;
    }
    Set<TargetGroup> announced = EnumSet.noneOf(TargetGroup.class);
    announced.addAll(s.targetGroups());
    announced.remove(TargetGroup.FAMILIES);
    if (announced.isEmpty()) {
      out.add(Reason.Rule.TARGET_GROUP, true, () -> new Text(
          "a welfare shelter that announces no target groups; takes people who need care",
          "受入対象者の公示がない福祉避難所（要配慮者を受け入れ）"));
      return;
    }
    Set<TargetGroup> match = EnumSet.noneOf(TargetGroup.class);
    match.addAll(announced);
    match.retainAll(r.needs().groups());
    if (match.isEmpty()) {
      out.add(Reason.Rule.TARGET_GROUP, false, () -> new Text(
          "takes only " + list(announced, true) + "; this resident is none of them",
          "受入対象は" + list(announced, false) + "のみで、この方は該当しません"));
    } else {
      out.add(Reason.Rule.TARGET_GROUP, true, () -> new Text(
          "takes " + list(match, true) + (s.takesFamilies() ? " and their families" : ""),
          list(match, false) + (s.takesFamilies() ? "とその家族" : "") + "を受け入れ"));
    }
  }

  private static void child(Resident r, ShelterSite s, Findings out) {
    Needs n = r.needs();
    boolean pupil = n.school() == Needs.School.SPECIAL_NEEDS_PUPIL;
    boolean preschool = n.school() == Needs.School.PRESCHOOL_CHILD && !n.disabilities().isEmpty();
    if (!pupil && !preschool) {
      out.add(Reason.Rule.CHILD, false, () -> new Text(
          "a child welfare shelter, for pupils of special-needs schools and pre-school children with disabilities",
          "福祉子ども避難所は特別支援学校の在校生と未就学の障がい児のための避難所です"));
      return;
    }
    boolean groupsSaid = !s.targetGroups().isEmpty();
    if (groupsSaid && !(pupil && s.targetGroups().contains(TargetGroup.PUPILS))
        && !(preschool && s.targetGroups().contains(TargetGroup.PRESCHOOL_DISABLED))) {
      out.add(Reason.Rule.CHILD, false, () -> new Text(
          "takes only " + list(s.targetGroups(), true), "受入対象は" + list(s.targetGroups(), false) + "のみです"));
      return;
    }
    out.add(Reason.Rule.CHILD, true, () -> pupil
        ? new Text("takes pupils of special-needs schools with their families", "特別支援学校の在校生とその家族を受け入れ")
        : new Text("takes pre-school children with disabilities with their families", "未就学の障がい児とその家族を受け入れ"));
    if (!s.disabilityTypes().isEmpty()) {
      boolean same = s.disabilityTypes().stream().anyMatch(n.disabilities()::contains);
      out.add(Reason.Rule.DISABILITY_TYPE, same, () -> {
        String en = s.disabilityTypes().stream().map(Disability::en).sorted().collect(Collectors.joining(", "));
        String ja = s.disabilityTypes().stream().map(Disability::ja).sorted().collect(Collectors.joining("・"));
        return same
            ? new Text("a school for " + en + " disabilities, as the child's", "主な障がい種別（" + ja + "）が一致")
            : new Text("a school for " + en + " disabilities, not the child's", "主な障がい種別が" + ja + "の学校で、この子の種別と異なります");
      });
    }
  }

  private static void hazard(Resident r, ShelterSite s, Findings out) {
    Set<Hazard> home = r.homeHazards();
    if (home.isEmpty()) {
      return;
    }
    if (!s.designatedFor().isEmpty()) {
      Set<Hazard> missing = EnumSet.noneOf(Hazard.class);
      missing.addAll(home);
      missing.removeAll(s.designatedFor());
      out.add(Reason.Rule.HAZARD, missing.isEmpty(), () -> missing.isEmpty()
          ? new Text("designated for " + hazards(home, true) + ", the hazards at home",
              "自宅の災害リスク（" + hazards(home, false) + "）に指定あり")
          : new Text("not designated for " + hazards(missing, true) + ", a hazard at home",
              "自宅の災害リスクのうち" + hazards(missing, false) + "に指定されていません"));
      return;
    }
    if (s.type() == ShelterType.EVACUATION_SITE) {
      out.add(Reason.Rule.HAZARD, false, () -> new Text(
          "an evacuation site designated for no hazard, and the home has " + hazards(home, true),
          "指定対象の災害がない緊急避難場所で、自宅には" + hazards(home, false) + "のリスクがあります"));
      return;
    }
    Set<Hazard> same = EnumSet.noneOf(Hazard.class);
    same.addAll(home);
    same.retainAll(s.hazardsAtSite());
    out.add(Reason.Rule.HAZARD, same.isEmpty(), () -> same.isEmpty()
        ? new Text("outside the " + hazards(home, true) + " zones the home lies in (no designation published)",
            "自宅と同じ災害（" + hazards(home, false) + "）の想定区域外（災害種別の指定は未公表）")
        : new Text("lies itself in a " + hazards(same, true) + " zone, as the home does",
            "施設自体が自宅と同じ" + hazards(same, false) + "の想定区域内にあります"));
  }

  private static void capacity(Resident r, ShelterSite s, Findings out) {
    int places = s.placesFor(r.companions());
    if (s.type() == ShelterType.CHILD_WELFARE_SHELTER && s.remainingChildren() != null && s.remainingChildren() < 1) {
      out.add(Reason.Rule.CAPACITY, false, () -> new Text("no children's places left", "障がい児の受入枠が残っていません"));
      return;
    }
    Integer left = s.remainingPersons();
    if (left == null) {
      if (s.type().isWelfare()) {
        out.add(Reason.Rule.CAPACITY, true, () -> new Text("capacity not published", "収容人数は未公表"));
      }
      return;
    }
    out.add(Reason.Rule.CAPACITY, left >= places, () -> {
      String who = places == 1 ? "one person" : "a household of " + places;
      String whoJa = places == 1 ? "1人" : places + "人（家族を含む）";
      return left >= places
          ? new Text(left + " places left, enough for " + who, "残り" + left + "人分で" + whoJa + "を受入可能")
          : new Text("only " + left + " places left, not enough for " + who, "残り" + left + "人分で" + whoJa + "は受け入れられません");
    });
  }

  static String list(Set<TargetGroup> groups, boolean en) {
    return groups.stream().sorted().map(g -> en ? g.en() : g.ja()).collect(Collectors.joining(en ? ", " : "・"));
  }

  static String hazards(Set<Hazard> hs, boolean en) {
    return hs.stream().sorted().map(h -> en ? h.en() : h.ja()).collect(Collectors.joining(en ? " and " : "・"));
  }
}
