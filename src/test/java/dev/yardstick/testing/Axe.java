package dev.yardstick.testing;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * axe-core (from the npm registry; YARDSTICK_TEST_AXE points to its axe.min.js, .ci/run installs it)
 * run in the page open in the browser. Without the file the test is skipped, except under CI=true.
 */
public final class Axe {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static String source;

  private Axe() {}

  /** The violations of impact serious or critical on the page open now, one line each: rule, help, the elements. */
  public static List<String> seriousViolations(WebDriver driver) throws Exception {
    JavascriptExecutor js = (JavascriptExecutor) driver;
    js.executeScript(source()); // WebDriver's script runs outside the page's Content-Security-Policy
    String result = (String) js.executeAsyncScript("var done = arguments[arguments.length - 1];"
        + "axe.run(document, {resultTypes: ['violations']}).then(function (r) { done(JSON.stringify(r.violations)); },"
        + " function (e) { done(JSON.stringify([{id: 'axe-failed', impact: 'critical', help: String(e), nodes: []}])); });");
    List<String> found = new ArrayList<>();
    for (JsonNode v : JSON.readTree(result)) {
      String impact = v.path("impact").asText();
      if (impact.equals("serious") || impact.equals("critical")) {
        List<String> targets = new ArrayList<>();
        v.path("nodes").forEach(n -> targets.add(n.path("target").toString()));
        found.add(impact + " " + v.path("id").asText() + ": " + v.path("help").asText() + " " + targets);
      }
    }
    return found;
  }

  private static synchronized String source() throws Exception {
    if (source == null) {
      String path = System.getenv("YARDSTICK_TEST_AXE");
      if (path == null || !Files.isReadable(Path.of(path))) {
        String why = "no axe-core at YARDSTICK_TEST_AXE=" + path + " (npm install axe-core into a folder and point it to"
            + " node_modules/axe-core/axe.min.js, as .ci/run does)";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
          fail(why);
        }
        Assumptions.abort(why);
      }
      source = Files.readString(Path.of(path));
    }
    return source;
  }
}
