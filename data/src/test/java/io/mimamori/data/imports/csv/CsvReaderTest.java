package io.mimamori.data.imports.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvReaderTest {

  private static List<List<String>> all(String text) throws IOException {
    List<List<String>> rows = new ArrayList<>();
    try (CsvReader csv = new CsvReader(new StringReader(text))) {
      for (List<String> r = csv.next(); r != null; r = csv.next()) {
        rows.add(r);
      }
    }
    return rows;
  }

  @Test
  void plainFieldsAndEveryLineEnding() throws IOException {
    assertThat(all("a,b,c\r\n1,2,3\n4,5,6\r7,8,9"))
        .containsExactly(List.of("a", "b", "c"), List.of("1", "2", "3"), List.of("4", "5", "6"), List.of("7", "8", "9"));
  }

  @Test
  void quotedFieldsHoldCommasQuotesAndLineBreaks() throws IOException {
    List<List<String>> rows = all("id,name,note\n1,\"Kobe, Chuo-ku\",\"say \"\"hi\"\"\"\n2,\"two\r\nlines\",\"\"\n");
    assertThat(rows).containsExactly(
        List.of("id", "name", "note"),
        List.of("1", "Kobe, Chuo-ku", "say \"hi\""),
        List.of("2", "two\r\nlines", ""));
  }

  @Test
  void emptyFieldsAreKeptAndATrailingCommaMakesAnEmptyLastField() throws IOException {
    assertThat(all(",,\na,,b,\n")).containsExactly(List.of("", "", ""), List.of("a", "", "b", ""));
  }

  @Test
  void byteOrderMarkIsSkippedOnlyAtTheStart() throws IOException {
    List<List<String>> rows = all("\uFEFFportal_shelter_id,x\n\uFEFFa,b\n");
    assertThat(rows.get(0).get(0)).isEqualTo("portal_shelter_id");
    assertThat(rows.get(1).get(0)).isEqualTo("\uFEFFa");
  }

  @Test
  void emptyLinesHoldNoRecord() throws IOException {
    assertThat(all("a\n\n\r\nb\n\n")).containsExactly(List.of("a"), List.of("b"));
  }

  @Test
  void aQuoteInsideAnUnquotedFieldIsText() throws IOException {
    assertThat(all("5\"3,x\n")).containsExactly(List.of("5\"3", "x"));
  }

  @Test
  void recordLineCountsTheLinesInsideQuotedFields() throws IOException {
    try (CsvReader csv = new CsvReader(new StringReader("h1,h2\n\"a\nb\nc\",x\nnext,y\r\n\r\nlast,z"))) {
      csv.next();
      assertThat(csv.recordLine()).isEqualTo(1);
      assertThat(csv.next()).containsExactly("a\nb\nc", "x");
      assertThat(csv.recordLine()).isEqualTo(2);
      assertThat(csv.next()).containsExactly("next", "y");
      assertThat(csv.recordLine()).isEqualTo(5);
      assertThat(csv.next()).containsExactly("last", "z");
      assertThat(csv.recordLine()).isEqualTo(7);
      assertThat(csv.next()).isNull();
    }
  }

  @Test
  void anUnclosedQuoteNamesTheLineItOpenedOn() {
    assertThatThrownBy(() -> all("a,b\nc,\"never closed\nmore\nand more"))
        .isInstanceOf(CsvFormatException.class)
        .hasMessageContaining("line 2")
        .satisfies(e -> assertThat(((CsvFormatException) e).line()).isEqualTo(2));
  }

  @Test
  void textAfterAClosingQuoteIsAnError() {
    assertThatThrownBy(() -> all("a,b\n\"x\"y,z\n"))
        .isInstanceOf(CsvFormatException.class)
        .satisfies(e -> assertThat(((CsvFormatException) e).line()).isEqualTo(2));
  }

  @Test
  void otherDelimiters() throws IOException {
    try (CsvReader csv = new CsvReader(new StringReader("a;\"b;c\"\n"), ';', null)) {
      assertThat(csv.next()).containsExactly("a", "b;c");
    }
  }
}
