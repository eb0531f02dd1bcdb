package io.mimamori.data.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.mimamori.layers.testing.TestPostgis;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The build's test-log scan (build-tools/LogScan.java) knows every name the demo town can give a
 * resident or supporter, and it fails on a log holding one, or an address or a note of the tests'
 * made-up people, while a clean log passes.
 */
class TestLogScanTest {

  private static final Path ROOT = TestPostgis.projectRoot();
  private static final Path LIST = ROOT.resolve("build-tools/test-personal-data.txt");

  @TempDir Path dir;

  @Test
  void theListHoldsEveryNameOfTheNameBook() throws Exception {
    Set<String> families = new HashSet<>();
    Set<String> givens = new HashSet<>();
    for (String line : Files.readAllLines(LIST, StandardCharsets.UTF_8)) {
      if (line.startsWith("family:")) {
        families.addAll(List.of(line.substring(7).trim().split("\\s+")));
      } else if (line.startsWith("given:")) {
        givens.addAll(List.of(line.substring(6).trim().split("\\s+")));
      }
    }
    List<String> missing = new ArrayList<>();
    for (String[] f : NameBook.FAMILY) {
      for (String v : f) {
        if (!families.contains(v)) {
          missing.add("family " + v);
        }
      }
    }
    for (String[] g : NameBook.givenNames()) {
      for (String v : g) {
        if (!givens.contains(v)) {
          missing.add("given " + v);
        }
      }
    }
    assertThat(missing).as("names the demo town gives that " + LIST + " lacks").isEmpty();
  }

  @Test
  void theScanFailsOnPersonalDataAndPassesACleanLog() throws Exception {
    Path clean = Files.createDirectories(dir.resolve("clean"));
    Files.writeString(clean.resolve("a.log"), String.join("\n",
        "12:00:00.000 INFO  Serving url=http://localhost:8080",
        "12:00:01.000 INFO  地区 見守一丁目 loaded districts=3",
        "12:00:02.000 WARN  import rejected row=5 field=住所 reason=住所の位置が不明"), StandardCharsets.UTF_8);
    assertThat(scan(clean)).isZero();
    for (String leak : List.of("report note=段差で動けない", "resident 佐藤 和子 id=4", "resident 高橋節子", "見守　太郎 saved",
        "address=静岡県沼津市本町3丁目12-4", "failed: Key (address)=(沼津市見守町1-2-3)", "kana=サトウ カズコ")) {
      Path bad = Files.createDirectories(dir.resolve("bad" + Math.abs(leak.hashCode())));
      Files.writeString(bad.resolve("b.log"), "12:00:00.000 INFO  ok\n12:00:01.000 ERROR " + leak + "\n", StandardCharsets.UTF_8);
      assertThat(scan(bad)).as(leak).isEqualTo(1);
    }
  }

  private static int scan(Path logs) throws Exception {
    Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        ROOT.resolve("build-tools/LogScan.java").toString(), LIST.toString(), logs.toString())
        .redirectErrorStream(true).start();
    p.getInputStream().readAllBytes();
    return p.waitFor();
  }
}
