package dev.yardstick.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.yardstick.testing.TestDatabases;
import dev.yardstick.testing.TestServer;
import java.io.InputStream;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** ECharts and the favicon come from this server: ECharts at its versioned path, cached for a year, byte for byte the webjar's. */
class ITAssets {
  @Test
  void echartsAndFavicon_areServedHere_andLinkedFromThePages() throws Exception {
    try (TestServer server = TestServer.start(TestDatabases.h2())) {
      HttpResponse<byte[]> echarts = server.http().send(server.api("/webjars/echarts/5.3.1/dist/echarts.min.js").GET().build(),
          HttpResponse.BodyHandlers.ofByteArray());
      byte[] webjar;
      try (InputStream in = getClass().getClassLoader()
          .getResourceAsStream("META-INF/resources/webjars/echarts/5.3.1/dist/echarts.min.js")) {
        webjar = in.readAllBytes();
      }
      assertThat(echarts.statusCode()).isEqualTo(200);
      assertThat(echarts.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/javascript"));
      assertThat(echarts.headers().firstValue("Cache-Control")).hasValue("public, max-age=31536000, immutable");
      assertThat(echarts.body()).isEqualTo(webjar);

      HttpResponse<String> icon = server.send(server.api("/favicon.svg").GET());
      assertThat(icon.statusCode()).isEqualTo(200);
      assertThat(icon.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("image/svg+xml"));
      assertThat(icon.body()).startsWith("<svg");

      String login = server.send(server.api("/login").GET()).body();
      assertThat(login).contains("<link rel=\"icon\" href=\"/favicon.svg\" type=\"image/svg+xml\">")
          .contains("<meta name=\"yardstick-echarts\" content=\"/webjars/echarts/5.3.1/dist/echarts.min.js\">")
          .contains("<a class=\"skip\" href=\"#main\">Skip to content</a>").contains("<main id=\"main\" tabindex=\"-1\">");
    }
  }
}
