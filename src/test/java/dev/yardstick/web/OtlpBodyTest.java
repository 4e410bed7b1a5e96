package dev.yardstick.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.yardstick.ingest.BodyBudget;
import dev.yardstick.ingest.BodyPace;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class OtlpBodyTest {
  private static final BodyPace PACE = new BodyPace(Duration.ofSeconds(30), 0);
  private static final BodyBudget.Share ANY = new BodyBudget(Long.MAX_VALUE, PACE).share();

  @Test
  void decode_plain_isTheBytesAsSent() throws Exception {
    byte[] b = "hello".getBytes();
    assertThat(OtlpBody.decode(b, OtlpBody.gzip(null), 100, ANY)).isSameAs(b);
    assertThat(OtlpBody.decode(b, OtlpBody.gzip("identity"), 100, ANY)).isSameAs(b);
  }

  @Test
  void decode_gzip_decompresses() throws Exception {
    assertThat(OtlpBody.decode(gzip(new byte[5000]), OtlpBody.gzip("gzip"), 10_000, ANY)).hasSize(5000);
    assertThat(OtlpBody.decode(gzip(new byte[0]), OtlpBody.gzip("x-gzip"), 10_000, ANY)).isEmpty();
  }

  @Test
  void overTheCap_isTooLargeBeforeAndAfterDecompression() throws Exception {
    assertThatThrownBy(() -> OtlpBody.checkDeclared(200, 100)).isInstanceOf(OtlpBody.TooLarge.class);
    OtlpBody.checkDeclared(-1, 100); // chunked: the reader enforces the cap
    OtlpBody.checkDeclared(100, 100);
    byte[] bomb = gzip(new byte[1 << 22]);
    assertThat(bomb.length).isLessThan(10_000);
    assertThatThrownBy(() -> OtlpBody.decode(bomb, true, 100_000, ANY))
        .isInstanceOf(OtlpBody.TooLarge.class).hasMessageContaining("decompressed");
    assertThat(OtlpBody.decode(gzip(new byte[100_000]), true, 100_000, ANY)).hasSize(100_000); // exactly the cap passes
  }

  @Test
  void badGzipOrUnknownEncoding_isRefused() {
    assertThatThrownBy(() -> OtlpBody.decode("nope".getBytes(), true, 100, ANY)).isInstanceOf(OtlpBody.Malformed.class);
    assertThatThrownBy(() -> OtlpBody.gzip("br")).isInstanceOf(OtlpBody.Unsupported.class);
  }

  @Test
  void budget_aBodyThatWouldPassTheBoundWhileOthersHoldBytes_isOverloaded() throws Exception {
    BodyBudget budget = new BodyBudget(64 * 1024, PACE);
    BodyBudget.Share other = budget.share();
    assertThat(other.grow(40 * 1024)).isTrue();
    BodyBudget.Share mine = budget.share();

    assertThatThrownBy(() -> OtlpBody.decode(gzip(new byte[100_000]), true, 200_000, mine))
        .isInstanceOf(dev.yardstick.ingest.OverloadedException.class);
    mine.release();
    assertThat(budget.used()).isEqualTo(40 * 1024);
    other.release();
    other.release(); // twice is harmless
    assertThat(budget.used()).isZero();
    BodyBudget.Share alone = budget.share();
    assertThat(OtlpBody.decode(gzip(new byte[100_000]), true, 200_000, alone)).hasSize(100_000); // alone: passes the bound
    alone.release();
    assertThat(budget.used()).isZero();
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
