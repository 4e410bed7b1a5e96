package dev.yardstick.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CsvTest {
  @Test
  void parse_quotesCommasNewlinesAndBothLineEndings() {
    List<List<String>> rows = Csv.parse("email,name\r\njane@x.org,\"Doe, Jane\"\n\"a\"\"b@x.org\",\"two\nlines\"\n\nlast@x.org,");

    assertThat(rows).containsExactly(List.of("email", "name"), List.of("jane@x.org", "Doe, Jane"),
        List.of("a\"b@x.org", "two\nlines"), List.of("last@x.org", ""));
  }

  @Test
  void line_quotesOnlyWhatNeedsIt_andParsesBack() {
    String line = Csv.line(List.of("plain", "with, comma", "with \"quote\"", ""));

    assertThat(line).isEqualTo("plain,\"with, comma\",\"with \"\"quote\"\"\",\r\n");
    assertThat(Csv.parse(line)).containsExactly(List.of("plain", "with, comma", "with \"quote\"", ""));
  }

  @Test
  void line_neutralisesEveryFormulaLeaderOwaspNames() {
    String line = Csv.line(List.of("=2+5@example.com", "+1", "-2+3", "@SUM(A1)", "\tcmd", "\rcmd", "=HYPERLINK(\"x\")"));

    assertThat(line).isEqualTo("\"'=2+5@example.com\",\"'+1\",\"'-2+3\",\"'@SUM(A1)\",\"'\tcmd\",\"'\rcmd\",\"'=HYPERLINK(\"\"x\"\")\"\r\n");
  }

  @Test
  void line_leavesNegativeNumbersAndInnerSignsAlone_andEscapesALeadingQuoteOnlyWhereTheReaderWouldTakeIt() {
    String line = Csv.line(List.of("-5", "-0.25", "a=b", "'tis", "'", "'=x", "''"));

    assertThat(line).isEqualTo("-5,-0.25,a=b,'tis,',\"''=x\",\"'''\"\r\n");
    assertThat(Csv.parse(line)).containsExactly(List.of("-5", "-0.25", "a=b", "'tis", "'", "'=x", "''"));
  }

  @Test
  void parse_dropsTheQuoteAFormulaWasNeutralisedWith_asWhenAPersonTypedIt() {
    assertThat(Csv.parse("'=1+2,\"'@x\",'+,'-5,'plain\n")).containsExactly(List.of("=1+2", "@x", "+", "-5", "'plain"));
  }

  @Test
  void everyValue_readsBackAsWritten_andNoWrittenCellStartsAFormula() {
    Random random = new Random(16);
    String alphabet = "=+-@'\t\r\n\",a1 ";
    for (int round = 0; round < 20_000; round++) {
      List<String> cells = new ArrayList<>();
      for (int c = random.nextInt(4) + 1; c > 0; c--) {
        StringBuilder cell = new StringBuilder();
        for (int n = random.nextInt(5); n > 0; n--) {
          cell.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        cells.add(cell.toString());
      }
      if (cells.equals(List.of(""))) {
        continue; // one empty cell is a blank line, which CSV cannot tell from none
      }
      String line = Csv.line(cells);

      assertThat(Csv.parse("h\n" + line).get(1)).as(line).isEqualTo(cells);
      for (String written : rawCells(line)) {
        assertThat(written.isEmpty() || "=+-@\t\r".indexOf(written.charAt(0)) < 0 || written.matches("-\\d+(\\.\\d+)?"))
            .as("cell %s of %s", written, line).isTrue();
      }
    }
  }

  @Test
  void parse_ignoresAByteOrderMark_asSpreadsheetsWriteUtf8() {
    assertThat(Csv.parse("\uFEFFemail,name\r\nz\u00fcrich@x.org,\"M\u00fcller, J\u00fcrgen\"\r\n"))
        .containsExactly(List.of("email", "name"), List.of("z\u00fcrich@x.org", "M\u00fcller, J\u00fcrgen"));
  }

  @Test
  void parse_crlfInsideQuotes_staysInTheCell_andCrlfOrLoneCrBetweenRecordsEndsThem() {
    assertThat(Csv.parse("a,\"one\r\ntwo\"\r\nb,\"x,\"\"y\"\"\"\rc,\u65e5\u672c\u8a9e \ud83d\ude00\r\n"))
        .containsExactly(List.of("a", "one\r\ntwo"), List.of("b", "x,\"y\""), List.of("c", "\u65e5\u672c\u8a9e \ud83d\ude00"));
  }

  @Test
  void line_keepsNonAsciiAsItIs_andQuotesLineBreaks() {
    String line = Csv.line(List.of("J\u00fcrgen \u00c5s", "\u65e5\u672c", "two\r\nlines", "\u00e9=e"));

    assertThat(line).isEqualTo("J\u00fcrgen \u00c5s,\u65e5\u672c,\"two\r\nlines\",\u00e9=e\r\n");
    assertThat(Csv.parse(line)).containsExactly(List.of("J\u00fcrgen \u00c5s", "\u65e5\u672c", "two\r\nlines", "\u00e9=e"));
  }

  @Test
  void parse_unterminatedQuote_isAnError() {
    assertThatThrownBy(() -> Csv.parse("a,\"b\n")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("not a readable CSV: (startline 1)");
  }

  /** The cells as a spreadsheet sees them: unquoted, but with nothing removed. */
  private static List<String> rawCells(String line) {
    List<String> out = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    String body = line.substring(0, line.length() - 2);
    for (int i = 0; i < body.length(); i++) {
      char c = body.charAt(i);
      if (c == '"' && quoted && i + 1 < body.length() && body.charAt(i + 1) == '"') {
        cell.append('"');
        i++;
      } else if (c == '"') {
        quoted = !quoted;
      } else if (c == ',' && !quoted) {
        out.add(cell.toString());
        cell.setLength(0);
      } else {
        cell.append(c);
      }
    }
    out.add(cell.toString());
    return out;
  }
}
