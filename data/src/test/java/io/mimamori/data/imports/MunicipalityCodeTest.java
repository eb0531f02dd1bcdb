package io.mimamori.data.imports;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MunicipalityCodeTest {

  @Test
  void checkDigitsOfTheCitiesInTheData() {
    assertThat(MunicipalityCode.withCheckDigit("22203")).isEqualTo("222038"); // Numazu
    assertThat(MunicipalityCode.withCheckDigit("28100")).isEqualTo("281000"); // Kobe
    assertThat(MunicipalityCode.withCheckDigit("04100")).isEqualTo("041009"); // Sendai
    assertThat(MunicipalityCode.withCheckDigit("43100")).isEqualTo("431001"); // Kumamoto
    assertThat(MunicipalityCode.withCheckDigit("33202")).isEqualTo("332020"); // Kurashiki
    assertThat(MunicipalityCode.withCheckDigit("08220")).isEqualTo("082201"); // Tsukuba
    assertThat(MunicipalityCode.withCheckDigit("13107")).isEqualTo("131075"); // Sumida
  }

  @Test
  void validity() {
    assertThat(MunicipalityCode.isValid("431001")).isTrue();
    assertThat(MunicipalityCode.isValid("431002")).isFalse();
    assertThat(MunicipalityCode.isValid("43100")).isFalse();
    assertThat(MunicipalityCode.isValid(null)).isFalse();
  }

  @Test
  void fromFileNamesAndCommonIds() {
    assertThat(MunicipalityCode.fromFileName("emergency_222038.geojson")).contains("222038");
    assertThat(MunicipalityCode.fromFileName("evacuation_281000.json")).contains("281000");
    assertThat(MunicipalityCode.fromFileName("mergeFromCity_1.geojson")).isEmpty();
    assertThat(MunicipalityCode.fromFileName("emergency_222039.geojson")).isEmpty(); // wrong check digit
    assertThat(MunicipalityCode.fromGsiCommonId("E2220300001201")).contains("222038");
    assertThat(MunicipalityCode.fromGsiCommonId("E2810000001121")).contains("281000");
    assertThat(MunicipalityCode.fromGsiCommonId("nonsense")).isEmpty();
    assertThat(MunicipalityCode.fromGsiCommonId(null)).isEmpty();
  }
}
