package io.mimamori.data.imports.register;

import io.mimamori.data.imports.MunicipalityCode;

/**
 * What only a register import asks. {@code markMissingMovedAway}: in a full file (no 異動区分), mark
 * the entries still on the register whose 名簿番号 the file does not hold as moved away (default:
 * count them in the report and change nothing). {@code municipalityCode}: the municipality the
 * entries belong to when the file has no 市区町村コード column; null to take the one of the stored
 * register (or, in an empty register, of the stored shelters).
 */
public record RegisterOptions(boolean markMissingMovedAway, String municipalityCode) {

  public static final RegisterOptions DEFAULTS = new RegisterOptions(false, null);

  public RegisterOptions {
    if (municipalityCode != null && !MunicipalityCode.isValid(municipalityCode)) {
      throw new IllegalArgumentException("municipality code must be six digits with a valid check digit (全国地方公共団体コード)");
    }
  }

  public RegisterOptions withMarkMissingMovedAway(boolean mark) {
    return new RegisterOptions(mark, municipalityCode);
  }

  public RegisterOptions withMunicipalityCode(String code) {
    return new RegisterOptions(markMissingMovedAway, code);
  }
}
