package io.mimamori.data.imports;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * 全国地方公共団体コード: five digits (prefecture 2 + municipality 3) and a check digit. The GSI's
 * 共通ID carries the five digits after its leading letter; file names carry the six.
 */
public final class MunicipalityCode {

  private static final Pattern SIX_IN_FILE_NAME = Pattern.compile("_(\\d{6})(?:\\.[^.]*)?$");
  private static final Pattern FIVE_IN_COMMON_ID = Pattern.compile("^[A-Za-z]?(\\d{5})\\d+$");

  private MunicipalityCode() {}

  /** The check digit of a five-digit code (weights 6..2, modulus 11). */
  public static int checkDigit(String fiveDigits) {
    if (!fiveDigits.matches("\\d{5}")) {
      throw new IllegalArgumentException("expected five digits");
    }
    int sum = 0;
    for (int i = 0; i < 5; i++) {
      sum += (fiveDigits.charAt(i) - '0') * (6 - i);
    }
    return (11 - sum % 11) % 10;
  }

  /** The six-digit code with its check digit. */
  public static String withCheckDigit(String fiveDigits) {
    return fiveDigits + checkDigit(fiveDigits);
  }

  /** True for six digits whose last is the right check digit. */
  public static boolean isValid(String sixDigits) {
    return sixDigits != null
        && sixDigits.matches("\\d{6}")
        && checkDigit(sixDigits.substring(0, 5)) == sixDigits.charAt(5) - '0';
  }

  /** The code at the end of a file name such as {@code emergency_222038.geojson}, if valid. */
  public static Optional<String> fromFileName(String fileName) {
    Matcher m = SIX_IN_FILE_NAME.matcher(fileName);
    return m.find() && isValid(m.group(1)) ? Optional.of(m.group(1)) : Optional.empty();
  }

  /** The code a GSI 共通ID such as {@code E2220300001201} belongs to (here 222038). */
  public static Optional<String> fromGsiCommonId(String commonId) {
    if (commonId == null) {
      return Optional.empty();
    }
    Matcher m = FIVE_IN_COMMON_ID.matcher(commonId.trim());
    return m.matches() ? Optional.of(withCheckDigit(m.group(1))) : Optional.empty();
  }
}
