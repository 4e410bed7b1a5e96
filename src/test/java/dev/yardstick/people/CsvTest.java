package dev.yardstick.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
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
  void parse_unterminatedQuote_isAnError() {
    assertThatThrownBy(() -> Csv.parse("a,\"b\n")).isInstanceOf(IllegalArgumentException.class);
  }
}
