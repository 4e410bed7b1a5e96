package dev.yardstick.web.pages;

import dev.yardstick.tokens.IngestTokens;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * What the token section template shows: organization tokens (admin, with rotation) or one developer's
 * personal tokens, with at most one token shown once and at most one revocation to confirm.
 *
 * @param base the path the section's forms post under; {@code target} the id of the element htmx fills;
 *     {@code back} the page that embeds the section (where a post without JavaScript returns)
 * @param oob carry the rollout form's token input out of band (htmx answers that show a new organization token)
 */
public record TokenSection(String base, String target, String back, boolean personal, List<Row> rows, TokenFlash.Flash flash, boolean oob,
    String csrf) {
  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  /** Grace choices of the rotate form: label and hours. */
  public record Grace(String label, int hours) {}

  public static final List<Grace> GRACES = List.of(new Grace("1 hour", 1), new Grace("1 day", 24), new Grace("7 days", 168),
      new Grace("30 days", 720));

  public record Row(String id, String name, String kind, String created, String lastUsed, int developersSeen, int unmatched,
      String state, String stops, boolean works, boolean rotatable) {}

  static Row row(IngestTokens.View v) {
    String stops = v.info().revokedAt() != null ? "revoked " + when(v.info().revokedAt())
        : v.info().expiresAt() != null ? "stops " + when(v.info().expiresAt()) : "";
    return new Row(v.info().id(), v.info().name(), v.kind(), when(v.info().createdAt()),
        v.info().lastUsedAt() == null ? "never" : when(v.info().lastUsedAt()), v.seen().developers(),
        v.seen().unmatchedIdentities(), v.state().wire(), stops, v.state().works(), v.state().works() && v.info().replacedBy() == null);
  }

  static String when(Instant t) {
    return WHEN.format(t);
  }

  public boolean shows() {
    return flash != null && flash.secret() != null;
  }

  public boolean confirming(String id) {
    return flash != null && id.equals(flash.confirmRevoke());
  }

  public String error() {
    return flash == null ? null : flash.error();
  }
}
