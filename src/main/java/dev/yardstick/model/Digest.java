package dev.yardstick.model;

import java.util.Map;

/**
 * A 128-bit content key over a canonical, length-prefixed sequence of fields, for fact groups,
 * identities and series. It is a fast non-cryptographic hash (MurmurHash3's mixing on both lanes,
 * fed one 64-bit word at a time, strings by their chars): keys only need to tell honest data apart,
 * and hashing runs for every export, so it must cost next to nothing and allocate next to nothing
 * (one buffer per digest, reused for every string).
 */
public final class Digest {
  private static final long C1 = 0x87c37b91114253d5L;
  private static final long C2 = 0x4cf5ad432745937fL;
  private long h1 = 0x9e3779b97f4a7c15L;
  private long h2 = 0xc2b2ae3d27d4eb4fL;
  private long words;
  // reused for each string: read in bulk, its chars cost no bounds or coder check each
  private char[] chars = new char[64];

  public Digest putString(String s) {
    if (s == null) {
      return putLong(-1);
    }
    int n = s.length();
    char[] c = chars(n);
    s.getChars(0, n, c, 0);
    return putChars(c, 0, n);
  }

  /** Each entry as two strings: the key, and the value's {@code String.valueOf}. */
  public Digest putMap(Map<String, ?> map) {
    putLong(map.size());
    for (Map.Entry<String, ?> e : map.entrySet()) {
      putString(e.getKey());
      if (e.getValue() instanceof Long l) {
        putDecimal(l);
      } else {
        putString(String.valueOf(e.getValue()));
      }
    }
    return this;
  }

  /** The same words as {@code putString(Long.toString(v))}, without making the string (events carry many counts). */
  private void putDecimal(long v) {
    char[] c = chars(20);
    int from = 20;
    long u = Math.abs(v); // Long.MIN_VALUE stays negative: its digits come from its negative remainders
    do {
      c[--from] = (char) ('0' + Math.abs(u % 10));
      u /= 10;
    } while (u != 0);
    if (v < 0) {
      c[--from] = '-';
    }
    putChars(c, from, 20);
  }

  /** The length, then the chars four to a word, the first in the low bits. */
  private Digest putChars(char[] c, int from, int to) {
    putLong(to - from);
    int i = from;
    for (; i + 4 <= to; i += 4) {
      putLong((long) c[i] | (long) c[i + 1] << 16 | (long) c[i + 2] << 32 | (long) c[i + 3] << 48);
    }
    if (i < to) {
      long last = 0;
      for (int shift = 0; i < to; i++, shift += 16) {
        last |= (long) c[i] << shift;
      }
      putLong(last);
    }
    return this;
  }

  private char[] chars(int n) {
    if (chars.length < n) {
      chars = new char[Math.max(n, 2 * chars.length)];
    }
    return chars;
  }

  public Digest putLong(long k) {
    words++;
    long k1 = Long.rotateLeft(k * C1, 31) * C2;
    h1 = (Long.rotateLeft(h1 ^ k1, 27) + h2) * 5 + 0x52dce729;
    long k2 = Long.rotateLeft(k * C2, 33) * C1;
    h2 = (Long.rotateLeft(h2 ^ k2, 31) + h1) * 5 + 0x38495ab5;
    return this;
  }

  public Digest putIdentity(Identity id) {
    Digest d = putString(id.email()).putString(id.headerEmail()).putString(id.serviceName()).putString(id.accountUuid())
        .putString(id.accountId()).putString(id.userId()).putString(id.claudeOrgId());
    // only when present: identities that came with an organization token keep the keys they always had
    return id.personalToken() == null ? d : d.putString("personal-token").putString(id.personalToken());
  }

  /** The key: {hi, lo}. */
  public long[] finish() {
    long a = h1 ^ words;
    long b = h2 ^ words;
    a += b;
    b += a;
    a = fmix(a);
    b = fmix(b);
    a += b;
    b += a;
    return new long[] {a, b};
  }

  private static long fmix(long k) {
    k ^= k >>> 33;
    k *= 0xff51afd7ed558ccdL;
    k ^= k >>> 33;
    k *= 0xc4ceb9fe1a85ec53L;
    return k ^ (k >>> 33);
  }
}
