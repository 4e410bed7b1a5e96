package dev.yardstick.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads an OTLP request body: plain or gzip, with a Content-Length or chunked, never more than the
 * cap before or after decompression, so that a huge body or a gzip bomb costs at most the cap.
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

  /** @param contentLength the declared length, or -1 when chunked */
  static byte[] read(InputStream in, long contentLength, String contentEncoding, long maxBytes)
      throws IOException, TooLarge, Unsupported, Malformed {
    if (contentLength > maxBytes) {
      throw new TooLarge("body of " + contentLength + " bytes is over the limit of " + maxBytes + " bytes");
    }
    String enc = contentEncoding == null ? "identity" : contentEncoding.trim().toLowerCase(Locale.ROOT);
    switch (enc) {
      case "", "identity" -> {
        return readCapped(in, contentLength, maxBytes, "body");
      }
      case "gzip", "x-gzip" -> {
        byte[] compressed = readCapped(in, contentLength, maxBytes, "body");
        try (InputStream gz = new GZIPInputStream(new java.io.ByteArrayInputStream(compressed), 8192)) {
          return readCapped(gz, -1, maxBytes, "decompressed body");
        } catch (ZipException | java.io.EOFException e) {
          throw new Malformed("gzip body cannot be decompressed: " + e.getMessage());
        }
      }
      default -> throw new Unsupported("Content-Encoding " + contentEncoding + " is not supported; use gzip or none");
    }
  }

  private static byte[] readCapped(InputStream in, long contentLength, long maxBytes, String what)
      throws IOException, TooLarge {
    byte[] buf = new byte[contentLength >= 0 ? (int) contentLength : 16 * 1024];
    int len = 0;
    while (true) {
      if (len == buf.length) {
        if (contentLength >= 0 && in.read() < 0) {
          return buf; // exactly the declared length: the common case costs no copy
        }
        if (contentLength >= 0) {
          throw new TooLarge(what + " is longer than its Content-Length");
        }
        if (len >= maxBytes) {
          throw new TooLarge(what + " is over the limit of " + maxBytes + " bytes");
        }
        buf = Arrays.copyOf(buf, (int) Math.min(maxBytes + 1, (long) buf.length * 2));
      }
      int n = in.read(buf, len, buf.length - len);
      if (n < 0) {
        return len == buf.length ? buf : Arrays.copyOf(buf, len);
      }
      len += n;
      if (len > maxBytes) {
        throw new TooLarge(what + " is over the limit of " + maxBytes + " bytes");
      }
    }
  }
}
