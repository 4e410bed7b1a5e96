package dev.yardstick.git;

import dev.yardstick.model.CommitFacts;
import dev.yardstick.model.Emails;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The two passes over a repository: commits with their counted lines (what the import stores), and
 * the line history (rework and SZZ), which can resume from saved line origins.
 */
public final class GitAnalysis {
  /** How a repository is read. */
  public record Settings(PathRules paths, DefectRules defects, Duration reworkWindow, int fixCap) {
    public static final Duration DEFAULT_WINDOW = Duration.ofDays(21);
    public static final int DEFAULT_FIX_CAP = 200;

    public static Settings defaults() {
      return new Settings(PathRules.defaults(), DefectRules.defaults(), DEFAULT_WINDOW, DEFAULT_FIX_CAP);
    }
  }

  private GitAnalysis() {}

  /** Every commit of {@code range}, oldest first, as Yardstick stores it. */
  public static void commits(GitCli git, String range, Settings s, Consumer<CommitFacts> sink) {
    LogReader.read(git, range, raw -> sink.accept(facts(raw, s)));
  }

  /** Pure: what counts of a commit read from git. */
  public static CommitFacts facts(RawCommit c, Settings s) {
    int added = 0;
    int removed = 0;
    int files = 0;
    if (!c.merge()) {
      for (FileStat f : c.files()) {
        if (!f.binary() && s.paths().counts(f.path())) {
          added += f.added();
          removed += f.removed();
          files++;
        }
      }
    }
    String email = Emails.normalizeGit(c.authorEmail());
    String committer = Emails.normalizeGit(c.committerEmail());
    List<String> reverted = s.defects().revertedShas(c.message());
    boolean revert = s.defects().revert(c.message(), reverted);
    return new CommitFacts(c.sha(), c.parents(), c.authorName(), email == null ? "" : email, c.authorTime(),
        committer == null ? "" : committer, c.committerTime(), added, removed, files,
        CoAuthorDetector.evidence(c.message()).orElse(null), revert, reverted, !revert && s.defects().fixSubject(c.message()));
  }

  /** Line history of {@code range} (non-merge commits, oldest first) on top of {@code origins}. */
  public static void lines(GitCli git, String range, Lines origins, Settings s, Predicate<String> isFix,
      Consumer<LineTracker.Outcome> sink) {
    LineTracker tracker = new LineTracker(origins.state, s.reworkWindow(), s.fixCap(), s.paths()::counts);
    PatchReader.read(git, range, (sha, committed, files) ->
        sink.accept(tracker.apply(sha, committed.toEpochSecond(), isFix.test(sha), files)));
  }

  /** The line origins of a repository's tip, kept between imports (a file beside its clone). */
  public static final class Lines {
    final LineOrigins state;

    private Lines(LineOrigins state) {
      this.state = state;
    }

    public static Lines empty() {
      return new Lines(new LineOrigins());
    }

    /** Empty when the file is missing or unreadable: the caller then replays the whole history. */
    public static java.util.Optional<Lines> load(Path file) {
      if (!Files.exists(file)) {
        return java.util.Optional.empty();
      }
      try (DataInputStream in = new DataInputStream(new BufferedInputStream(new GZIPInputStream(Files.newInputStream(file))))) {
        return java.util.Optional.of(new Lines(LineOrigins.read(in)));
      } catch (IOException e) {
        return java.util.Optional.empty();
      }
    }

    public void save(Path file) throws IOException {
      Files.createDirectories(file.getParent());
      Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
      try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(new GZIPOutputStream(Files.newOutputStream(tmp))))) {
        state.write(out);
      }
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    public int commits() {
      return state.shas.size();
    }
  }
}
