package dev.yardstick.ingest.otlp;

import java.nio.charset.StandardCharsets;

/**
 * Short ASCII strings read from bodies, one instance per content while it stays in the table:
 * attribute keys, metric and model names, emails and session ids repeat across points and requests,
 * so they cost no allocation, and the mapper's hash lookups find a cached hash and often the very
 * same instance. The table is a fixed array of immutable entries shared by all request threads
 * without locks (virtual threads make a thread-local table useless): a racing write loses an entry,
 * which costs one allocation later, and a reader sees a whole entry or none.
 */
final class AsciiStrings {
  /**
   * Slots in the table: about 2.5 MB when full. A busy server brings a new session id or email into
   * some slot with nearly every export; with 4,096 slots that pushed out the keys and names every
   * export repeats often enough to cost 4-8% of receiving (16,000 sessions of 1,000 developers).
   */
  static final int SLOTS = 16_384;
  /** Longer strings are made fresh each time: those that repeat are ids and names, all shorter. */
  static final int MAX_LENGTH = 64;
  private static final Entry[] TABLE = new Entry[SLOTS];
  // the hash last missed at each slot: a string gets an entry the second time it comes, so one-off values
  // (timestamps, request ids) cost no entry and do not push out the strings that repeat
  private static final int[] MISSED = new int[SLOTS];

  /** A string and its bytes as words: the first two in the entry itself, which is all most strings need. */
  private record Entry(int hash, int length, long w0, long w1, long[] rest, String string) {}

  private AsciiStrings() {}

  /** The string of the ASCII bytes {@code b[from, to)}, whose {@link ByteWords#hash} is given. */
  static String of(byte[] b, int from, int to, int hash) {
    int length = to - from;
    if (length > MAX_LENGTH) {
      return new String(b, from, length, StandardCharsets.ISO_8859_1);
    }
    int slot = hash & SLOTS - 1;
    Entry e = TABLE[slot];
    if (e != null && e.hash == hash && e.length == length && e.w0 == ByteWords.word(b, from, to)
        && (length <= 8 || e.w1 == ByteWords.word(b, from + 8, to) && (length <= 16 || ByteWords.equals(b, from + 16, to, e.rest)))) {
      return e.string;
    }
    String s = new String(b, from, length, StandardCharsets.ISO_8859_1);
    if (MISSED[slot] != hash) {
      MISSED[slot] = hash;
      return s;
    }
    return put(b, from, to, hash, s);
  }

  /** Puts this very instance in the table (a constant the mapper compares with, found then by identity). */
  static void seed(String s) {
    byte[] b = s.getBytes(StandardCharsets.ISO_8859_1);
    put(b, 0, b.length, ByteWords.hash(b, 0, b.length), s);
  }

  private static String put(byte[] b, int from, int to, int hash, String s) {
    TABLE[hash & SLOTS - 1] = new Entry(hash, to - from, ByteWords.word(b, from, to), ByteWords.word(b, from + 8, to),
        ByteWords.pack(b, Math.min(from + 16, to), to), s);
    return s;
  }
}
