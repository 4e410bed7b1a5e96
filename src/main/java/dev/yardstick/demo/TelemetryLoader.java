package dev.yardstick.demo;

import dev.yardstick.demo.DemoOrg.Day;
import dev.yardstick.demo.DemoOrg.Developer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Posts every telemetry developer-day as OTLP/JSON to a running server's /v1/metrics, day by day,
 * with the server's clock an hour after that day's exports; any refused point fails the load.
 */
public final class TelemetryLoader {
  private static final int RESOURCES_PER_EXPORT = 100;

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final URI endpoint;
  private final String token;
  private final DemoClock clock;
  private long exports;

  public TelemetryLoader(int port, String token, DemoClock clock) {
    this.endpoint = URI.create("http://127.0.0.1:" + port + "/v1/metrics");
    this.token = token;
    this.clock = clock;
  }

  /** @return how many developer-days were posted */
  public long load(DemoOrg org, Progress progress) throws IOException, InterruptedException {
    List<Day> days = org.days();
    long posted = 0;
    OtlpExport export = new OtlpExport();
    LocalDate current = null;
    for (int i = 0; i < days.size(); i++) {
      Day d = days.get(i);
      Developer dev = org.developers().get(d.developer());
      if (d.usage() == null || dev.source() != DemoOrg.Source.TELEMETRY) {
        continue;
      }
      if (!d.day().equals(current) || export.resources() == RESOURCES_PER_EXPORT) {
        post(export);
        export = new OtlpExport();
        current = d.day();
        clock.set(at(org, d.day()).plusSeconds(3600));
      }
      export.add(dev, d.usage(), at(org, d.day()).getEpochSecond(), "d" + dev.index() + "-" + d.day());
      posted++;
      progress.update(i, days.size());
    }
    post(export);
    return posted;
  }

  public long exports() {
    return exports;
  }

  static Instant at(DemoOrg org, LocalDate day) {
    return day.atTime(18, 0).atZone(org.zone()).toInstant();
  }

  private void post(OtlpExport export) throws IOException, InterruptedException {
    if (export.resources() == 0) {
      return;
    }
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(endpoint).timeout(Duration.ofMinutes(2))
        .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(export.json())).build(), HttpResponse.BodyHandlers.ofString());
    exports++;
    if (r.statusCode() != 200 || !r.body().equals("{}")) {
      throw new IllegalStateException("the server refused demo telemetry (" + r.statusCode() + "): " + r.body());
    }
  }
}
