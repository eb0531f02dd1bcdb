package io.mimamori.routing.shelter;

import io.mimamori.routing.TravelProfile;
import java.util.List;
import java.util.stream.Collectors;

/** How travel and findings read in sentences (English and Japanese). */
final class Wording {

  private Wording() {}

  static int minutes(double seconds) {
    return (int) Math.max(1, Math.ceil(seconds / 60));
  }

  static Text travel(TravelProfile p, double seconds, double metres) {
    int min = minutes(seconds);
    long m = Math.round(metres);
    return switch (p) {
      case FOOT -> new Text(min + " min on foot, " + m + " m", "徒歩" + min + "分（" + m + "m）");
      case WHEELCHAIR -> new Text(min + " min by wheelchair, " + m + " m", "車いすで" + min + "分（" + m + "m）");
      case CAR -> new Text(min + " min by car, " + m + " m", "車で" + min + "分（" + m + "m）");
    };
  }

  /** "12 min on foot" without the distance. */
  static Text duration(TravelProfile p, double seconds) {
    int min = minutes(seconds);
    return switch (p) {
      case FOOT -> new Text(min + " min on foot", "徒歩" + min + "分");
      case WHEELCHAIR -> new Text(min + " min by wheelchair", "車いすで" + min + "分");
      case CAR -> new Text(min + " min by car", "車で" + min + "分");
    };
  }

  /** None of {@code count} shelters can be reached on the profile. */
  static Text noneReachable(TravelProfile p, int count) {
    String how = switch (p) {
      case FOOT -> "on foot";
      case WHEELCHAIR -> "by wheelchair (steps, steep or rough ways, or roads blocked now)";
      case CAR -> "by car";
    };
    String howJa = switch (p) {
      case FOOT -> "徒歩で";
      case WHEELCHAIR -> "車いすで（階段・急坂・悪路、または現在の通行止めのため）";
      case CAR -> "車で";
    };
    return new Text("none of the " + count + " suitable shelters can be reached " + how
        + (p == TravelProfile.WHEELCHAIR ? "" : " with the roads blocked now"),
        "対象となる避難所" + count + "か所のいずれにも" + (p == TravelProfile.WHEELCHAIR ? "" : "現在の通行止めのため") + howJa + "到達できません");
  }

  static Text unreachable(TravelProfile p) {
    return switch (p) {
      case FOOT -> new Text("cannot be reached on foot with the roads blocked now", "現在の通行止めでは徒歩で到達できません");
      case WHEELCHAIR -> new Text("cannot be reached by wheelchair (steps, steep or rough ways, or roads blocked now)",
          "車いすで到達できません（階段・急坂・悪路、または現在の通行止め）");
      case CAR -> new Text("cannot be reached by car with the roads blocked now", "現在の通行止めでは車で到達できません");
    };
  }

  static Text findings(List<Reason> reasons) {
    return new Text(reasons.stream().map(r -> r.text().en()).collect(Collectors.joining("; ")),
        reasons.stream().map(r -> r.text().ja()).collect(Collectors.joining("。")));
  }

  static Text join(String name, ShelterType type, Text first, Text rest) {
    String en = name + " (" + type.en() + "): " + first.en() + (rest.en().isEmpty() ? "" : "; " + rest.en());
    String ja = name + "（" + type.ja() + "）：" + first.ja() + (rest.ja().isEmpty() ? "" : "。" + rest.ja());
    return new Text(en, ja + "。");
  }
}
