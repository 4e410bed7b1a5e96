package dev.yardstick.ingest.otlp;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/** Eight bytes of a body at a time: for scanning strings, and for hashing and comparing names and values. */
final class ByteWords {
  private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long MULTIPLIER = 0x9E3779B97F4A7C15L;
  private static final long ONES = 0x0101010101010101L;
  private static final long HIGH_BITS = 0x8080808080808080L;

  private ByteWords() {}

  /** The bytes {@code b[i, min(i + 8, to))} as a little-endian word, zero above them. */
  static long word(byte[] b, int i, int to) {
    int n = to - i;
    if (n >= 8) {
      return (long) LONGS.get(b, i);
    }
    if (n <= 0) {
      return 0;
    }
    if (i + 8 <= b.length) {
      return (long) LONGS.get(b, i) & (1L << (n << 3)) - 1;
    }
    long w = 0;
    for (int k = to - 1; k >= i; k--) {
      w = w << 8 | b[k] & 0xff;
    }
    return w;
  }

  /** A hash of {@code b[from, to)}: one multiply per eight bytes ({@link JsonStrings#scan} makes the same on its way). */
  static int hash(byte[] b, int from, int to) {
    long h = SEED;
    for (int i = from; i < to; i += 8) {
      h = mix(h, word(b, i, to));
    }
    return finish(h, to - from);
  }

  static final long SEED = 0x243F6A8885A308D3L;

  /** The hash state after eight more bytes (fewer at the end, zero above them). */
  static long mix(long h, long word) {
    return (h ^ word) * MULTIPLIER;
  }

  static int finish(long h, int length) {
    h = mix(h, length);
    return (int) (h ^ h >>> 32);
  }

  /**
   * True if {@code b[from, to)} holds the words (as {@link #pack} made them); zero bytes at the end
   * are not told from padding, so the caller compares lengths.
   */
  static boolean equals(byte[] b, int from, int to, long[] words) {
    if (words.length != (to - from + 7) >>> 3) {
      return false;
    }
    for (int k = 0, i = from; k < words.length; k++, i += 8) {
      if (words[k] != word(b, i, to)) {
        return false;
      }
    }
    return true;
  }

  /** The bytes {@code b[from, to)} packed as {@link #word} reads them. */
  static long[] pack(byte[] b, int from, int to) {
    long[] words = new long[(to - from + 7) >>> 3];
    for (int k = 0; k < words.length; k++) {
      words[k] = word(b, from + (k << 3), to);
    }
    return words;
  }

  /**
   * The high bit of each byte of {@code w} that ends a plain run of string text: a quote, a
   * backslash, a control character or a non-ASCII byte. The lowest such bit is exact (a borrow only
   * marks bytes above a true mark), so it locates the first one.
   */
  static long stops(long w) {
    long quote = w ^ 0x2222222222222222L;
    long backslash = w ^ 0x5C5C5C5C5C5C5C5CL;
    return ((quote - ONES) & ~quote | (backslash - ONES) & ~backslash | (w - 0x2020202020202020L) & ~w | w) & HIGH_BITS;
  }
}
