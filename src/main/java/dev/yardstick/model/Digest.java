package dev.yardstick.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Map;

/**
 * A 128-bit content key: SHA-256 over a canonical, length-prefixed encoding of the fields fed in,
 * truncated to two longs. Used for fact groups, identities and series.
 */
public final class Digest {
  private byte[] buf = new byte[512];
  private int len;

  public Digest putString(String s) {
    if (s == null) {
      return putLong(-1);
    }
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    putLong(b.length);
    ensure(b.length);
    System.arraycopy(b, 0, buf, len, b.length);
    len += b.length;
    return this;
  }

  public Digest putMap(Map<String, ?> map) {
    putLong(map.size());
    for (Map.Entry<String, ?> e : map.entrySet()) {
      putString(e.getKey()).putString(String.valueOf(e.getValue()));
    }
    return this;
  }

  public Digest putLong(long v) {
    ensure(8);
    for (int i = 7; i >= 0; i--) {
      buf[len++] = (byte) (v >>> (i * 8));
    }
    return this;
  }

  public Digest putIdentity(Identity id) {
    return putString(id.email()).putString(id.headerEmail()).putString(id.serviceName()).putString(id.accountUuid())
        .putString(id.accountId()).putString(id.userId()).putString(id.claudeOrgId());
  }

  /** The key: {hi, lo}. */
  public long[] finish() {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(buf, 0, len);
      byte[] h = sha.digest();
      return new long[] {toLong(h, 0), toLong(h, 8)};
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  private void ensure(int n) {
    if (len + n > buf.length) {
      buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + n));
    }
  }

  private static long toLong(byte[] b, int off) {
    long v = 0;
    for (int i = 0; i < 8; i++) {
      v = (v << 8) | (b[off + i] & 0xff);
    }
    return v;
  }
}
