package dev.yardstick.web;

import dev.yardstick.ingest.BodyBudget;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * The rules of an OTLP request body: plain or gzip, never more than the cap before or after
 * decompression, so that a huge body or a gzip bomb costs at most the cap.
 */
final class OtlpBody {
  private OtlpBody() {}

  static final class TooLarge extends Exception {
    TooLarge(String message) {
      super(message);
    }
  }

  static final class Unsupported extends Exception {
    Unsupported(String message) {
      super(message);
    }
  }

  static final class Malformed extends Exception {
    Malformed(String message) {
      super(message);
    }
  }

  /** Refuses a declared length over the cap before a byte is read; -1 means chunked. */
  static void checkDeclared(long contentLength, long maxBytes) throws TooLarge {
    if (contentLength > maxBytes) {
      throw new TooLarge("body of " + contentLength + " bytes is over the limit of " + maxBytes + " bytes");
    }
  }

  /** Refuses a Content-Encoding other than none or gzip, before the body is read. */
  static boolean gzip(String contentEncoding) throws Unsupported {
    String enc = contentEncoding == null ? "identity" : contentEncoding.trim().toLowerCase(Locale.ROOT);
    return switch (enc) {
      case "", "identity" -> false;
      case "gzip", "x-gzip" -> true;
      default -> throw new Unsupported("Content-Encoding " + contentEncoding + " is not supported; use gzip or none");
    };
  }

  /** The body did not arrive in time ({@link dev.yardstick.ingest.BodyPace}). */
  static final class TooSlow extends Exception {
    TooSlow(String message) {
      super(message, null, false, false);
    }
  }

  static final class Overloaded extends Exception {
    Overloaded() {
      super("too many large bodies are being received at once", null, false, false);
    }
  }

  /** The body as sent, decompressed when it is gzip, never more than {@code maxBytes}, taken from {@code budget}. */
  static byte[] decode(byte[] raw, boolean gzip, long maxBytes, BodyBudget.Share budget)
      throws IOException, TooLarge, Malformed, Overloaded {
    if (!gzip) {
      return raw;
    }
    try (InputStream gz = new GZIPInputStream(new ByteArrayInputStream(raw), 8192)) {
      return readCapped(gz, maxBytes, budget);
    } catch (ZipException | EOFException e) {
      throw new Malformed("gzip body cannot be decompressed: " + e.getMessage());
    }
  }

  private static byte[] readCapped(InputStream in, long maxBytes, BodyBudget.Share budget)
      throws IOException, TooLarge, Overloaded {
    byte[] buf = grown(new byte[0], 16 * 1024, budget);
    int len = 0;
    while (true) {
      if (len == buf.length) {
        if (len >= maxBytes) {
          throw new TooLarge("decompressed body is over the limit of " + maxBytes + " bytes");
        }
        buf = grown(buf, (int) Math.min(maxBytes + 1, (long) buf.length * 2), budget);
      }
      int n = in.read(buf, len, buf.length - len);
      if (n < 0) {
        return Arrays.copyOf(buf, len);
      }
      len += n;
      if (len > maxBytes) {
        throw new TooLarge("decompressed body is over the limit of " + maxBytes + " bytes");
      }
    }
  }

  private static byte[] grown(byte[] buf, int size, BodyBudget.Share budget) throws Overloaded {
    if (!budget.grow(size - buf.length)) {
      throw new Overloaded();
    }
    return Arrays.copyOf(buf, size);
  }
}
