package dev.yardstick.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class OtlpBodyTest {
  @Test
  void decode_plain_isTheBytesAsSent() throws Exception {
    byte[] b = "hello".getBytes();
    assertThat(OtlpBody.decode(b, OtlpBody.gzip(null), 100)).isSameAs(b);
    assertThat(OtlpBody.decode(b, OtlpBody.gzip("identity"), 100)).isSameAs(b);
  }

  @Test
  void decode_gzip_decompresses() throws Exception {
    assertThat(OtlpBody.decode(gzip(new byte[5000]), OtlpBody.gzip("gzip"), 10_000)).hasSize(5000);
    assertThat(OtlpBody.decode(gzip(new byte[0]), OtlpBody.gzip("x-gzip"), 10_000)).isEmpty();
  }

  @Test
  void overTheCap_isTooLargeBeforeAndAfterDecompression() throws Exception {
    assertThatThrownBy(() -> OtlpBody.checkDeclared(200, 100)).isInstanceOf(OtlpBody.TooLarge.class);
    OtlpBody.checkDeclared(-1, 100); // chunked: the reader enforces the cap
    OtlpBody.checkDeclared(100, 100);
    byte[] bomb = gzip(new byte[1 << 22]);
    assertThat(bomb.length).isLessThan(10_000);
    assertThatThrownBy(() -> OtlpBody.decode(bomb, true, 100_000))
        .isInstanceOf(OtlpBody.TooLarge.class).hasMessageContaining("decompressed");
    assertThat(OtlpBody.decode(gzip(new byte[100_000]), true, 100_000)).hasSize(100_000); // exactly the cap passes
  }

  @Test
  void badGzipOrUnknownEncoding_isRefused() {
    assertThatThrownBy(() -> OtlpBody.decode("nope".getBytes(), true, 100)).isInstanceOf(OtlpBody.Malformed.class);
    assertThatThrownBy(() -> OtlpBody.gzip("br")).isInstanceOf(OtlpBody.Unsupported.class);
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
