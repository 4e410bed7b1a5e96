package dev.yardstick.web.pages;

import dev.yardstick.storage.CommitLines;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** A developer's commits as the page's table writes them: a link to the commit where its host has commit pages. */
public final class CommitRows {
  /** One table row; {@code href} null where no web page of the commit is known. */
  public record Row(String day, String sha, String shortSha, String href, String repositories, String lines, boolean ai,
      String reworked, boolean defect, String kind) {}

  private CommitRows() {}

  static List<Row> of(List<CommitLines.Line> lines) {
    return lines.stream().map(l -> new Row(l.day().toString(), l.sha(), l.sha().substring(0, Math.min(10, l.sha().length())),
        l.reach().stream().map(r -> href(r.url(), l.sha())).filter(h -> h != null).findFirst().orElse(null),
        l.reach().stream().map(CommitLines.Reach::name).collect(Collectors.joining(", ")),
        "+" + l.linesAdded() + " \u2212" + l.linesRemoved(), l.aiCoAuthored(),
        l.reworkedLines() == 0 ? "" : Figures.show(l.reworkedLines(), Figures.Kind.COUNT), l.defectIntroducing(),
        l.revert() ? "revert" : l.fix() ? "fix" : "")).toList();
  }

  /** https://github.com/o/r(.git) or https://gitlab.com/g/r(.git) to its commit page; anything else: none (never a user or token). */
  static String href(String cloneUrl, String sha) {
    if (cloneUrl == null || !sha.matches("[0-9a-f]{7,64}")) {
      return null;
    }
    try {
      URI u = URI.create(cloneUrl);
      String host = u.getHost() == null ? "" : u.getHost().toLowerCase(Locale.ROOT);
      String path = u.getPath() == null ? "" : u.getPath().replaceAll("\\.git/?$", "").replaceAll("/+$", "");
      if (!"https".equals(u.getScheme()) || !path.matches("(/[A-Za-z0-9._-]+){2,}")) {
        return null;
      }
      return switch (host) {
        case "github.com" -> "https://github.com" + path + "/commit/" + sha;
        case "gitlab.com" -> "https://gitlab.com" + path + "/-/commit/" + sha;
        default -> null;
      };
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
