package dev.yardstick.ingest.otlp;

/**
 * A strict JSON tokenizer over a body held whole in memory (RFC 8259: no comments, no trailing
 * commas, no NaN literals, at most {@link #MAX_DEPTH} levels). A scalar is scanned and validated
 * when it is reached and read from its bytes on demand; a container is entered or skipped.
 */
final class JsonLexer {
  static final int EOF = 0;
  static final int OBJECT = 1;
  static final int ARRAY = 2;
  static final int STRING = 3;
  static final int INTEGER = 4;
  static final int DECIMAL = 5;
  static final int TRUE = 6;
  static final int FALSE = 7;
  static final int NULL = 8;
  static final int MAX_DEPTH = 64;

  final byte[] b;
  private int pos;
  private int depth;
  // the container just opened has no member yet, so no comma may come
  private boolean first;
  /** The current value's kind, and for a scalar its bytes (a string's without the quotes). */
  int kind;
  int start;
  int end;
  /** Of the string last scanned: whether it holds escapes, whether it is all ASCII, and if both its {@link ByteWords#hash}. */
  boolean escaped;
  boolean ascii;
  int hash;
  /** The name of the member {@link #nextMember()} moved to. */
  JsonField.Spelling name;

  JsonLexer(byte[] utf8) {
    this.b = utf8;
    this.pos = utf8.length >= 3 && utf8[0] == (byte) 0xEF && utf8[1] == (byte) 0xBB && utf8[2] == (byte) 0xBF ? 3 : 0;
  }

  /** Reads the value that starts here. */
  void value() throws OtlpDecodeException {
    skipSpace();
    if (pos >= b.length) {
      kind = EOF;
      return;
    }
    start = pos;
    switch (b[pos]) {
      case '{' -> open(OBJECT);
      case '[' -> open(ARRAY);
      case '"' -> {
        pos++;
        stringHere();
      }
      case 't' -> literal(TRUE, "true");
      case 'f' -> literal(FALSE, "false");
      case 'n' -> literal(NULL, "null");
      default -> {
        end = JsonNumbers.scan(this, pos);
        pos = end;
      }
    }
  }

  /** Moves to the next member of the current object (its name is then {@link #name}); false at its end. */
  boolean nextMember() throws OtlpDecodeException {
    if (!more('}', "an object member")) {
      return false;
    }
    if (pos >= b.length || b[pos] != '"') {
      throw malformed(pos, "expected a member name in quotes, got " + what(pos));
    }
    int nameStart = pos + 1;
    int nameEnd = JsonStrings.scan(this, nameStart);
    pos = nameEnd + 1;
    skipSpace();
    if (pos >= b.length || b[pos] != ':') {
      throw malformed(pos, "expected ':' after a member name, got " + what(pos));
    }
    pos++;
    name = escaped || !ascii ? JsonField.of(JsonStrings.text(this, nameStart, nameEnd)) : JsonField.of(b, nameStart, nameEnd, hash);
    value();
    if (kind == EOF) {
      throw malformed(pos, "expected a value, got the end of the body");
    }
    return true;
  }

  /** Moves to the next element of the current array; false at its end. */
  boolean nextElement() throws OtlpDecodeException {
    if (!more(']', "an array element")) {
      return false;
    }
    value();
    if (kind == EOF) {
      throw malformed(pos, "expected a value, got the end of the body");
    }
    return true;
  }

  /** Skips the current value, checking that a container is well formed. */
  void skip() throws OtlpDecodeException {
    if (kind == OBJECT) {
      while (nextMember()) {
        skip();
      }
    } else if (kind == ARRAY) {
      while (nextElement()) {
        skip();
      }
    }
  }

  /** Moves past the next {@code n} (at most 8) bytes if they are those of {@code word} (as {@link ByteWords#word} packs them). */
  boolean skip(long word, int n) {
    if (pos + n > b.length || ByteWords.word(b, pos, pos + n) != word) {
      return false;
    }
    pos += n;
    return true;
  }

  /** Moves past the next 8 + {@code n} bytes if they are those of the two words (the second of {@code n} bytes); else stays. */
  boolean skip(long first, long second, int n) {
    if (pos + 8 + n > b.length || ByteWords.word(b, pos, pos + 8) != first || ByteWords.word(b, pos + 8, pos + 8 + n) != second) {
      return false;
    }
    pos += 8 + n;
    return true;
  }

  /** Reads the string whose text starts here (after its opening quote) as the current value. */
  void stringHere() throws OtlpDecodeException {
    kind = STRING;
    start = pos;
    end = JsonStrings.scan(this, start);
    pos = end + 1;
  }

  /** True if an object may open inside the current one. */
  boolean canNest() {
    return depth < MAX_DEPTH;
  }

  /** True if the next byte opens an object or an array. */
  boolean atContainer() {
    return pos < b.length && (b[pos] == '{' || b[pos] == '[');
  }

  /** Back to the start of the object just opened, as if nothing had been read since. */
  void reset(int position) {
    pos = position;
    first = true;
    kind = OBJECT;
  }

  /** Leaves the object just opened, whose members were read without {@link #nextMember}. */
  void leave() {
    depth--;
    first = false;
  }

  /** True if only white space is left. */
  boolean atEnd() {
    skipSpace();
    return pos >= b.length;
  }

  int position() {
    return pos;
  }

  OtlpDecodeException malformed(int at, String what) {
    int line = 1;
    int lineStart = 0;
    for (int i = 0; i < at && i < b.length; i++) {
      if (b[i] == '\n') {
        line++;
        lineStart = i + 1;
      }
    }
    return new OtlpDecodeException("malformed JSON at line " + line + ", column " + (at - lineStart + 1) + ": " + what);
  }

  String what(int at) {
    if (at >= b.length) {
      return "the end of the body";
    }
    int c = b[at] & 0xff;
    return c > 0x20 && c < 0x7f ? "'" + (char) c + "'" : String.format("byte 0x%02x", c);
  }

  /** Past the separator before the next member or element: false (and the container left) at its closing bracket. */
  private boolean more(char close, String item) throws OtlpDecodeException {
    skipSpace();
    if (pos < b.length && b[pos] == close) {
      pos++;
      depth--;
      first = false;
      return false;
    }
    if (!first) {
      if (pos >= b.length || b[pos] != ',') {
        throw malformed(pos, "expected ',' or '" + close + "' after " + item + ", got " + what(pos));
      }
      pos++;
      skipSpace();
    }
    first = false;
    return true;
  }

  private void open(int container) throws OtlpDecodeException {
    if (++depth > MAX_DEPTH) {
      throw malformed(pos, "nested deeper than " + MAX_DEPTH + " levels");
    }
    kind = container;
    first = true;
    pos++;
  }

  private void literal(int literal, String text) throws OtlpDecodeException {
    for (int i = 0; i < text.length(); i++) {
      if (pos + i >= b.length || b[pos + i] != text.charAt(i)) {
        throw malformed(pos, "unexpected " + what(pos));
      }
    }
    kind = literal;
    end = pos + text.length();
    pos = end;
  }

  private void skipSpace() {
    while (pos < b.length) {
      byte c = b[pos];
      if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
        return;
      }
      pos++;
    }
  }
}
