package dev.yardstick.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class OtlpBodyTest {
  @Test
  void read_plainWithAndWithoutLength_returnsTheBytes() throws Exception {
    byte[] b = "hello".getBytes();
    assertThat(OtlpBody.read(new ByteArrayInputStream(b), 5, null, 100)).isEqualTo(b);
    assertThat(OtlpBody.read(new ByteArrayInputStream(b), -1, "identity", 100)).isEqualTo(b);
    assertThat(OtlpBody.read(new ByteArrayInputStream(new byte[0]), 0, null, 100)).isEmpty();
  }

  @Test
  void read_gzip_decompresses() throws Exception {
    assertThat(OtlpBody.read(new ByteArrayInputStream(gzip(new byte[5000])), -1, "gzip", 10_000)).hasSize(5000);
  }

  @Test
  void read_overTheCap_isTooLargeBeforeAndAfterDecompression() throws Exception {
    assertThatThrownBy(() -> OtlpBody.read(new ByteArrayInputStream(new byte[200]), 200, null, 100))
        .isInstanceOf(OtlpBody.TooLarge.class);
    assertThatThrownBy(() -> OtlpBody.read(new ByteArrayInputStream(new byte[200]), -1, null, 100))
        .isInstanceOf(OtlpBody.TooLarge.class);
    byte[] bomb = gzip(new byte[1 << 22]);
    assertThat(bomb.length).isLessThan(10_000);
    assertThatThrownBy(() -> OtlpBody.read(new ByteArrayInputStream(bomb), -1, "gzip", 100_000))
        .isInstanceOf(OtlpBody.TooLarge.class).hasMessageContaining("decompressed");
  }

  @Test
  void read_badGzipOrUnknownEncoding_isRefused() {
    assertThatThrownBy(() -> OtlpBody.read(new ByteArrayInputStream("nope".getBytes()), -1, "gzip", 100))
        .isInstanceOf(OtlpBody.Malformed.class);
    assertThatThrownBy(() -> OtlpBody.read(new ByteArrayInputStream("x".getBytes()), -1, "br", 100))
        .isInstanceOf(OtlpBody.Unsupported.class);
  }

  @Test
  void encoding_readsContentTypesWithParameters() {
    assertThat(OtlpEndpoint.encoding("application/json; charset=utf-8")).isNotNull();
    assertThat(OtlpEndpoint.encoding("Application/X-Protobuf")).isNotNull();
    assertThat(OtlpEndpoint.encoding("text/plain")).isNull();
    assertThat(OtlpEndpoint.encoding(null)).isNull();
  }

  private static byte[] gzip(byte[] b) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(b);
    }
    return out.toByteArray();
  }
}
