package dev.yardstick.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.yardstick.model.Csv;
import dev.yardstick.testing.OtlpExports;
import dev.yardstick.testing.OtlpExports.Point;
import dev.yardstick.testing.TestClock;
import dev.yardstick.testing.TestDatabases;
import dev.yardstick.testing.TestServer;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The report as CSV (format=csv or Accept: text/csv): the JSON answer's rows, cell for cell, nested fields flattened. */
class ITReportCsv {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String RANGE = "/api/v1/report?from=2026-11-01&to=2026-11-30&groupBy=";

  @Test
  void csvAnswer_holdsTheJsonRows_cellForCell_byEitherWayOfAsking() throws Exception {
    TestDatabases.Target target = TestDatabases.h2();
    try (TestServer s = TestServer.start(target, Map.of())) {
      String token = s.newIngestToken("laptops");
      Instant at = TestClock.EPOCH.minus(Duration.ofHours(30));
      for (String email : List.of("ann@example.com", "=cmd@example.com")) { // a formula-looking key stays readable
        s.developer(email);
        OtlpExports.send(s, token, OtlpExports.Transport.HTTP_JSON, OtlpExports.metrics(email, "s-" + email, List.of(
            Point.delta("claude_code.lines_of_code.count", at, 12, "type", "added"),
            Point.delta("claude_code.cost.usage", at, 0.125, "model", "claude-sonnet"),
            Point.delta("claude_code.session.count", at, 1))));
      }
      long deadline = System.nanoTime() + 10_000_000_000L;
      while (s.report("2026-11-01", "2026-11-30", "developer").get("rows").size() < 2 && System.nanoTime() < deadline) {
        Thread.sleep(100);
      }
      for (String groupBy : List.of("developer", "org", "day")) {
        JsonNode json = JSON.readTree(s.send(s.api(RANGE + groupBy)).body());
        HttpResponse<String> byFormat = s.send(s.api(RANGE + groupBy + "&format=csv"));
        HttpResponse<String> byAccept = s.send(s.api(RANGE + groupBy).header("Accept", "text/csv"));

        assertThat(byFormat.statusCode()).isEqualTo(200);
        assertThat(byFormat.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
        assertThat(byFormat.headers().firstValue("Content-Disposition"))
            .hasValue("attachment; filename=\"report-2026-11-01-2026-11-30-" + groupBy + ".csv\"");
        assertThat(byAccept.body()).isEqualTo(byFormat.body());
        List<List<String>> csv = Csv.parse(byFormat.body());
        List<String> header = csv.get(0);
        assertThat(header).startsWith("key").contains("tokensInput", "tokensCacheCreation", "coverageWithBoth", "aiUsagePercent");
        assertThat(csv).hasSize(json.get("rows").size() + 1);
        assertThat(json.get("rows").size()).as(groupBy).isPositive();
        for (int i = 0; i < json.get("rows").size(); i++) {
          assertThat(flatten(json.get("rows").get(i), header)).as(groupBy + " row " + i).isEqualTo(csv.get(i + 1));
        }
      }
      assertThat(s.send(s.api(RANGE + "developer&format=xml")).statusCode()).isEqualTo(400);
    } finally {
      TestDatabases.drop(target);
    }
  }

  /** The JSON row's values in the header's order (nested objects flattened as parentChild), "" for null. */
  static List<String> flatten(JsonNode row, List<String> header) {
    List<String> out = new ArrayList<>();
    for (String column : header) {
      JsonNode v = row.get(column);
      if (v == null) {
        for (Iterator<String> names = row.fieldNames(); names.hasNext() && v == null;) {
          String parent = names.next();
          if (row.get(parent).isObject() && column.startsWith(parent)) {
            String child = column.substring(parent.length());
            v = row.get(parent).get(Character.toLowerCase(child.charAt(0)) + child.substring(1));
          }
        }
      }
      out.add(v == null || v.isNull() ? "" : v.isNumber() ? new BigDecimal(v.asText()).stripTrailingZeros().toPlainString() : v.asText());
    }
    return out;
  }
}
