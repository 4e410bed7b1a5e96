package dev.yardstick.git;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * For every line of every tracked file at the branch tip, the commit that last wrote it (an index
 * into the commit table), and each commit's time. Only ints: no source text is kept. Saved between
 * imports so that following one new commit does not replay the history.
 */
final class LineOrigins {
  static final int UNKNOWN = -1;
  final List<String> shas = new ArrayList<>();
  long[] times = new long[1024];
  final Map<String, Integer> index = new HashMap<>();
  final Map<String, int[]> files = new HashMap<>();

  int commit(String sha, long epochSecond) {
    Integer existing = index.get(sha);
    if (existing != null) {
      return existing;
    }
    int i = shas.size();
    shas.add(sha);
    if (i == times.length) {
      times = Arrays.copyOf(times, i * 2);
    }
    times[i] = epochSecond;
    index.put(sha, i);
    return i;
  }

  void write(DataOutputStream out) throws IOException {
    out.writeInt(1);
    out.writeInt(shas.size());
    for (int i = 0; i < shas.size(); i++) {
      out.writeUTF(shas.get(i));
      out.writeLong(times[i]);
    }
    out.writeInt(files.size());
    for (Map.Entry<String, int[]> e : files.entrySet()) {
      out.writeUTF(e.getKey());
      out.writeInt(e.getValue().length);
      for (int v : e.getValue()) {
        out.writeInt(v);
      }
    }
  }

  static LineOrigins read(DataInputStream in) throws IOException {
    if (in.readInt() != 1) {
      throw new IOException("unknown line-origin format");
    }
    LineOrigins o = new LineOrigins();
    int n = in.readInt();
    for (int i = 0; i < n; i++) {
      o.commit(in.readUTF(), in.readLong());
    }
    int files = in.readInt();
    for (int f = 0; f < files; f++) {
      String path = in.readUTF();
      int[] lines = new int[in.readInt()];
      for (int i = 0; i < lines.length; i++) {
        lines[i] = in.readInt();
      }
      o.files.put(path, lines);
    }
    return o;
  }
}
