package dev.yardstick.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/** The built jar carries one file of the 41 MB ECharts webjar: the minified bundle the pages load. */
class ITJarAssets {
  @Test
  void jar_holdsOnlyEchartsMinJs_ofTheEchartsWebjar() throws Exception {
    Path jar = dev.yardstick.testing.BuiltJar.path();
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      assertThat(zip.stream().filter(e -> !e.isDirectory()).map(ZipEntry::getName).filter(n -> n.contains("echarts")))
          .containsExactly("META-INF/resources/webjars/echarts/5.3.1/dist/echarts.min.js");
      assertThat(zip.getEntry("META-INF/resources/webjars/echarts/5.3.1/dist/echarts.min.js").getSize()).isGreaterThan(500_000);
    }
  }
}
