package io.mimamori.data.imports.register;

import io.mimamori.data.imports.MunicipalityCode;

/**
 * What only a register import asks. {@code operator}: who runs it, for the audit log (default: the
 * operating-system user). {@code markMissingMovedAway}: in a full file (no 異動区分), mark
 * the entries still on the register whose 名簿番号 the file does not hold as moved away (default:
 * count them in the report and change nothing). {@code municipalityCode}: the municipality the
 * entries belong to when the file has no 市区町村コード column; null to take the one of the stored
 * register (or, in an empty register, of the stored shelters).
 */
public record RegisterOptions(boolean markMissingMovedAway, String municipalityCode, ImportOperator operator) {

  public static final RegisterOptions DEFAULTS = new RegisterOptions(false, null, null);

  public RegisterOptions {
    operator = operator == null ? ImportOperator.osUser() : operator;
    if (municipalityCode != null && !MunicipalityCode.isValid(municipalityCode)) {
      throw new IllegalArgumentException("municipality code must be six digits with a valid check digit (全国地方公共団体コード)");
    }
  }

  public RegisterOptions withMarkMissingMovedAway(boolean mark) {
    return new RegisterOptions(mark, municipalityCode, operator);
  }

  public RegisterOptions withMunicipalityCode(String code) {
    return new RegisterOptions(markMissingMovedAway, code, operator);
  }

  public RegisterOptions withOperator(ImportOperator who) {
    return new RegisterOptions(markMissingMovedAway, municipalityCode, who);
  }
}
