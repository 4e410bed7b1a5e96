package dev.yardstick.git;

import java.io.BufferedReader;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;

/** Writes a repository through one {@code git fast-import} process; {@link #sha} asks it for a commit's sha mid-stream. */
final class FastImport implements AutoCloseable {
  private final Process process;
  private final OutputStream in;
  private final BufferedReader out;

  FastImport(Path repo) throws IOException, InterruptedException {
    Process init = new ProcessBuilder("git", "init", "-q", "-b", "main", repo.toString()).inheritIO().start();
    if (init.waitFor() != 0) {
      throw new IOException("git init failed");
    }
    process = new ProcessBuilder("git", "-C", repo.toString(), "fast-import", "--quiet", "--done")
        .redirectError(ProcessBuilder.Redirect.INHERIT).start();
    in = new BufferedOutputStream(process.getOutputStream(), 1 << 16);
    out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
  }

  void raw(String s) throws IOException {
    in.write(s.getBytes(StandardCharsets.UTF_8));
  }

  void data(byte[] bytes) throws IOException {
    raw("data " + bytes.length + "\n");
    in.write(bytes);
    raw("\n");
  }

  void person(String role, String name, String email, Instant t, String offset) throws IOException {
    raw(role + " " + name + " <" + email + "> " + t.getEpochSecond() + " " + offset + "\n");
  }

  /** The sha of a mark already written (fast-import answers on its standard output). */
  String sha(int mark) throws IOException {
    raw("get-mark :" + mark + "\n");
    in.flush();
    return out.readLine().trim();
  }

  @Override
  public void close() throws IOException, InterruptedException {
    raw("done\n");
    in.close();
    if (process.waitFor() != 0) {
      throw new IOException("git fast-import failed");
    }
  }
}
