package dev.yardstick.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.yardstick.repos.SmallRepo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The limits every git command runs under: time without output, stop on request, allowed transports. */
class GitCliTest {
  static SmallRepo repo;

  @BeforeAll
  static void build() throws Exception {
    repo = new SmallRepo(Files.createTempDirectory("yardstick-gitcli"));
    for (int i = 0; i < 3; i++) {
      repo.commit("erin@example.com", "a.txt", 2, "commit " + i);
    }
  }

  static GitCli git(Duration timeout, AtomicBoolean stop) {
    return new GitCli(repo.dir, List.of(), new GitCli.Limits(timeout, stop::get, List.of("https")));
  }

  @Test
  void aCommandWithoutOutput_isStoppedAfterTheLimit_withEveryProcessItStarted() {
    long t0 = System.nanoTime();
    // cat-file --batch waits for requests on its input, which stays open: it never says anything
    assertThatThrownBy(() -> git(Duration.ofSeconds(1), new AtomicBoolean()).output("cat-file", "--batch"))
        .isInstanceOf(GitException.TimedOut.class).hasMessage("git cat-file gave no output for 1 s and was stopped");
    assertThat(Duration.ofNanos(System.nanoTime() - t0)).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(5));
    assertThat(catFiles()).isEmpty();
  }

  @Test
  void timeSpentByTheCaller_isNotGitsTime() {
    List<String> lines = new ArrayList<>();
    git(Duration.ofSeconds(1), new AtomicBoolean()).stream(List.of("log", "--format=%s", "main"), line -> {
      Thread.sleep(700); // three lines: 2.1 s in all, over the limit, none of it git's
      lines.add(line);
    });
    assertThat(lines).containsExactly("commit 2", "commit 1", "commit 0");
  }

  @Test
  void aStopRequest_endsTheCommandAtOnce() {
    AtomicBoolean stop = new AtomicBoolean();
    Thread.ofVirtual().start(() -> {
      try {
        Thread.sleep(300);
      } catch (InterruptedException e) {
        return;
      }
      stop.set(true);
    });
    long t0 = System.nanoTime();
    assertThatThrownBy(() -> git(Duration.ofMinutes(5), stop).output("cat-file", "--batch"))
        .isInstanceOf(GitException.Stopped.class).hasMessage("git cat-file was stopped");
    assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(3));
  }

  @Test
  void onlyTheAllowedTransports_evenWhenAskedDirectly() throws Exception {
    Path marker = Files.createTempDirectory("yardstick-ext").resolve("ran");
    GitCli git = git(Duration.ofSeconds(30), new AtomicBoolean());
    assertThatThrownBy(() -> git.output("ls-remote", "ext::sh -c touch% " + marker))
        .isInstanceOf(GitException.class).hasMessageContaining("transport 'ext' not allowed");
    assertThatThrownBy(() -> git.output("ls-remote", "file://" + repo.dir))
        .isInstanceOf(GitException.class).hasMessageContaining("transport 'file' not allowed");
    assertThat(marker).doesNotExist();
    assertThat(new GitCli(repo.dir, List.of(), new GitCli.Limits(Duration.ofSeconds(30), () -> false, List.of("file")))
        .output("ls-remote", "file://" + repo.dir)).contains("refs/heads/main");
  }

  private static List<String> catFiles() {
    return ProcessHandle.current().descendants().filter(ProcessHandle::isAlive)
        .map(p -> p.info().commandLine().orElse("")).filter(c -> c.contains("cat-file")).toList();
  }
}
