package dev.yardstick.git;

import java.time.OffsetDateTime;
import java.util.List;

/** A commit as read from git log, before Yardstick decides what counts. */
public record RawCommit(String sha, List<String> parents, String authorName, String authorEmail, OffsetDateTime authorTime,
    String committerName, String committerEmail, OffsetDateTime committerTime, String message, List<FileStat> files) {

  public boolean merge() {
    return parents.size() > 1;
  }
}
