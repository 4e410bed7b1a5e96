package dev.yardstick.ingest.otlp;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The OTLP/JSON field names the decoder reads, each in its lowerCamelCase and its proto (snake_case)
 * spelling, found from the name's bytes so that no string is made per field and a switch on the
 * result is a jump table. Every other name is {@link #OTHER}.
 */
enum JsonField {
  RESOURCE_METRICS, RESOURCE_LOGS, RESOURCE, SCOPE_METRICS, SCOPE_LOGS, SCOPE, NAME, VERSION, METRICS, UNIT, SUM,
  GAUGE, HISTOGRAM, EXPONENTIAL_HISTOGRAM, SUMMARY, DATA_POINTS, AGGREGATION_TEMPORALITY, IS_MONOTONIC, ATTRIBUTES,
  START_TIME_UNIX_NANO, TIME_UNIX_NANO, OBSERVED_TIME_UNIX_NANO, AS_DOUBLE, AS_INT, FLAGS, LOG_RECORDS,
  SEVERITY_NUMBER, BODY, EVENT_NAME, KEY, VALUE, VALUES, STRING_VALUE, BOOL_VALUE, INT_VALUE, DOUBLE_VALUE,
  BYTES_VALUE, ARRAY_VALUE, KVLIST_VALUE, OTHER;

  /** One spelling of a field, as sent: the text is what error paths show. */
  record Spelling(JsonField field, String text) {}

  private static final Spelling UNKNOWN = new Spelling(OTHER, "?");
  // open addressing over flat arrays, which stay in the cache: each spelling's length, its bytes as three words, itself
  private static final int SLOTS = 256;
  private static final int[] LENGTHS = new int[SLOTS];
  private static final long[] WORDS = new long[SLOTS * 3];
  private static final Spelling[] SPELLINGS = new Spelling[SLOTS];

  static {
    for (JsonField f : values()) {
      if (f != OTHER) {
        String snake = f.name().toLowerCase(Locale.ROOT);
        add(f, snake);
        String camel = camel(snake);
        if (!camel.equals(snake)) {
          add(f, camel);
        }
      }
    }
  }

  /** The spelling whose bytes are {@code b[from, to)} (of that {@link ByteWords#hash}), or one of {@link #OTHER}. */
  static Spelling of(byte[] b, int from, int to, int hash) {
    int n = to - from;
    if (n > 24) {
      return UNKNOWN;
    }
    long w0 = ByteWords.word(b, from, to);
    for (int slot = hash & SLOTS - 1; SPELLINGS[slot] != null; slot = slot + 1 & SLOTS - 1) {
      if (LENGTHS[slot] == n && WORDS[3 * slot] == w0 && (n <= 8 || WORDS[3 * slot + 1] == ByteWords.word(b, from + 8, to)
          && WORDS[3 * slot + 2] == ByteWords.word(b, from + 16, to))) {
        return SPELLINGS[slot];
      }
    }
    return UNKNOWN;
  }

  /** The spelling of a name that came with escapes or non-ASCII text. */
  static Spelling of(String text) {
    byte[] b = text.getBytes(StandardCharsets.UTF_8);
    return of(b, 0, b.length, ByteWords.hash(b, 0, b.length));
  }

  private static void add(JsonField field, String text) {
    byte[] b = text.getBytes(StandardCharsets.US_ASCII);
    int slot = ByteWords.hash(b, 0, b.length) & SLOTS - 1;
    while (SPELLINGS[slot] != null) {
      slot = slot + 1 & SLOTS - 1;
    }
    LENGTHS[slot] = b.length;
    for (int k = 0; k < 3; k++) {
      WORDS[3 * slot + k] = ByteWords.word(b, 8 * k, b.length);
    }
    SPELLINGS[slot] = new Spelling(field, text);
  }

  private static String camel(String snake) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < snake.length(); i++) {
      char c = snake.charAt(i);
      sb.append(c == '_' ? Character.toUpperCase(snake.charAt(++i)) : c);
    }
    return sb.toString();
  }
}
