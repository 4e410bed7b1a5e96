package dev.yardstick.demo;

import dev.yardstick.demo.DemoOrg.Developer;
import dev.yardstick.demo.PlannedCommit.File;
import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Writes the planned commits into a new git repository through one {@code git fast-import} (branch main). */
public final class GitWriter implements AutoCloseable {
  private final Path repo;
  private final Process process;
  private final OutputStream in;
  private final BufferedReader out;
  private final List<Developer> developers;
  private final Path marks;

  public GitWriter(Path repo, List<Developer> developers) throws IOException, InterruptedException {
    this.repo = repo;
    this.developers = developers;
    run("git", "init", "-q", "-b", "main", repo.toString());
    marks = repo.resolve(".git/demo-marks");
    process = new ProcessBuilder("git", "-C", repo.toString(), "fast-import", "--quiet", "--done",
        "--export-marks=" + marks).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    in = new BufferedOutputStream(process.getOutputStream(), 1 << 16);
    out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
  }

  public void write(PlannedCommit c) throws IOException {
    String message = c.message();
    if (c.reverts() >= 0) { // git revert names the sha, which only fast-import knows
      raw("get-mark :" + (c.reverts() + 1) + "\n");
      in.flush();
      message = message.formatted(out.readLine().trim());
    }
    Developer d = developers.get(c.developer());
    raw("commit refs/heads/main\nmark :" + (c.id() + 1) + "\n");
    String person = d.name() + " <" + d.gitEmail() + "> " + c.epochSecond() + " +0000\n";
    raw("author " + person + "committer " + person);
    data(message.getBytes(StandardCharsets.UTF_8));
    for (File f : c.files()) {
      if (f.content() == null) {
        raw("D " + f.path() + "\n");
      } else {
        raw("M 100644 inline " + f.path() + "\n");
        data((String.join("\n", f.content()) + "\n").getBytes(StandardCharsets.UTF_8));
      }
    }
    raw("\n");
  }

  /** Ends the stream and fills each truth's sha from the marks fast-import wrote. */
  public void finish(List<PlannedCommit.Truth> truths) throws IOException, InterruptedException {
    close();
    for (String line : Files.readAllLines(marks)) {
      int space = line.indexOf(' ');
      truths.get(Integer.parseInt(line.substring(1, space)) - 1).sha = line.substring(space + 1).trim();
    }
    Files.delete(marks);
    run("git", "-C", repo.toString(), "checkout", "-q", "main");
  }

  private void raw(String s) throws IOException {
    in.write(s.getBytes(StandardCharsets.UTF_8));
  }

  private void data(byte[] bytes) throws IOException {
    raw("data " + bytes.length + "\n");
    in.write(bytes);
    raw("\n");
  }

  private static void run(String... command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    if (p.waitFor() != 0) {
      throw new IOException(String.join(" ", command) + " failed");
    }
  }

  @Override
  public void close() throws IOException, InterruptedException {
    if (process.isAlive()) {
      raw("done\n");
      in.close();
      if (process.waitFor() != 0) {
        throw new IOException("git fast-import failed");
      }
    }
  }
}
