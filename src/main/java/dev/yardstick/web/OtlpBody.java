package dev.yardstick.web;

import dev.yardstick.ingest.BodyBudget;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
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

  /**
   * The body as sent, decompressed when it is gzip, never more than {@code maxBytes}, taken from {@code budget}.
   *
   * @throws dev.yardstick.ingest.OverloadedException when the budget refuses the decompressed bytes
   */
  static byte[] decode(byte[] raw, boolean gzip, long maxBytes, BodyBudget.Share budget) throws IOException, TooLarge, Malformed {
    if (!gzip) {
      return raw;
    }
    byte[] body;
    try (InputStream gz = new GZIPInputStream(new ByteArrayInputStream(raw), 8192)) {
      body = budget.readAll(gz, maxBytes);
    } catch (ZipException | EOFException e) {
      throw new Malformed("gzip body cannot be decompressed: " + e.getMessage());
    }
    if (body.length > maxBytes) {
      throw new TooLarge("decompressed body is over the limit of " + maxBytes + " bytes");
    }
    return body;
  }
}
