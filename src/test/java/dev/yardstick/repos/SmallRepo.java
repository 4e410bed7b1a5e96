package dev.yardstick.repos;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A working repository driven through plain git commands, for following and force-pushes. */
public final class SmallRepo {
  public final Path dir;
  private int day;
  private java.time.LocalDate base = java.time.LocalDate.parse("2026-02-01");

  public SmallRepo(Path dir) throws Exception {
    this(dir, true);
  }

  /** @param init false to work in an existing clone */
  public SmallRepo(Path dir, boolean init) throws Exception {
    this.dir = dir;
    if (init) {
      git("init", "-q", "-b", "main");
    }
  }

  /** Appends n lines to a file and commits them as the author; returns the sha. */
  public String commit(String author, String file, int n, String message) throws Exception {
    return commitAt(author, file, n, message, java.time.OffsetDateTime.parse(base.plusDays(day++) + "T10:00:00+00:00"));
  }

  /** As commit, authored at a given time with its offset (the author's clock), e.g. 2026-11-01T00:30:00+09:00. */
  public String commitAt(String author, String file, int n, String message, java.time.OffsetDateTime at) throws Exception {
    Path p = dir.resolve(file);
    List<String> lines = new ArrayList<>(Files.exists(p) ? Files.readAllLines(p) : List.of());
    for (int i = 0; i < n; i++) {
      lines.add("line " + lines.size() + " of " + file + " at " + at);
    }
    Files.write(p, lines);
    git("add", file);
    String date = at.format(java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    run(Map.of("GIT_AUTHOR_DATE", date, "GIT_COMMITTER_DATE", date), "git", "-c", "user.name=" + author, "-c",
        "user.email=" + author, "commit", "-q", "-m", message);
    return git("rev-parse", "HEAD");
  }

  /** Dates the next commits from {@code first} on, a day apart. */
  public SmallRepo startingAt(java.time.LocalDate first) {
    this.base = first;
    this.day = 0;
    return this;
  }

  public String git(String... args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of("git"));
    cmd.addAll(List.of(args));
    return run(Map.of(), cmd.toArray(String[]::new));
  }

  private String run(Map<String, String> env, String... cmd) throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true);
    pb.environment().putAll(env);
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes()).strip();
    if (p.waitFor() != 0) {
      throw new IOException(String.join(" ", cmd) + ": " + out);
    }
    return out;
  }
}
