package io.mimamori.data.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.mimamori.layers.testing.TestPostgis;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The embedded table of Kumamoto's child welfare shelters matches the Cabinet Office document it cites. */
class ChildWelfareSheltersIT {

  private static final Pattern ROW = Pattern.compile("^(\\d) (\\S+) (\\S+) (\\d+) \\((\\d+)\\)$");
  private static final Pattern TOTAL = Pattern.compile("^合計 (\\d+)\\((\\d+)\\)$");

  @Test
  void theEmbeddedTableMatchesTheSeedDocument() throws Exception {
    Path seed = TestPostgis.sharedData().resolveSibling("seeds").resolve("003_c4ba672da0b4c87e.txt");
    Assumptions.assumeTrue(Files.exists(seed), "the seed document is not at " + seed + "; skipping the cross-check");
    List<ChildWelfareShelters.Row> parsed = new ArrayList<>();
    int total = -1, children = -1;
    boolean inTable = false;
    for (String raw : Files.readAllLines(seed)) {
      // the PDF text uses full-width digits and brackets: ４５ （１５）
      String line = Normalizer.normalize(raw, Normalizer.Form.NFKC).trim().replaceAll("\\s+", " ");
      if (line.startsWith("No. 施設名")) {
        inTable = true;
        continue;
      }
      if (!inTable) {
        continue;
      }
      Matcher m = ROW.matcher(line);
      if (m.matches()) {
        parsed.add(new ChildWelfareShelters.Row(Integer.parseInt(m.group(1)), m.group(2), m.group(3),
            ChildWelfareShelters.disabilityCode(m.group(3)), Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5))));
      }
      Matcher t = TOTAL.matcher(line);
      if (t.matches()) {
        total = Integer.parseInt(t.group(1));
        children = Integer.parseInt(t.group(2));
        break;
      }
    }
    assertThat(parsed).containsExactlyElementsOf(ChildWelfareShelters.ROWS);
    assertThat(total).isEqualTo(903);
    assertThat(children).isEqualTo(301);
    assertThat(ChildWelfareShelters.ROWS.stream().mapToInt(ChildWelfareShelters.Row::capacityPersons).sum()).isEqualTo(total);
    assertThat(ChildWelfareShelters.ROWS.stream().mapToInt(ChildWelfareShelters.Row::capacityChildren).sum()).isEqualTo(children);
  }
}
