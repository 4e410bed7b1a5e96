package dev.yardstick.removal;

import dev.yardstick.identity.AliasKind;
import dev.yardstick.identity.People.RawId;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What an admin asks to remove; every part is a filter (null: any), and the parts combine. A request
 * with no filter at all removes everything, so it must say {@code all}. Problems are
 * IllegalArgumentException with a message for the caller.
 *
 * @param ingestToken the id of the ingest token the data came with
 * @param identity data whose identifiers include this one (telemetry) or by this actor (Admin API)
 * @param developerId data that resolves to this developer now, by any of their identifiers
 * @param from first day (telemetry: the day of a group's earliest item, organization's time zone; Admin API: the UTC day)
 * @param sources where to remove from; null: telemetry and the Admin API (telemetry alone for a token)
 */
public record RemovalRequest(String ingestToken, RawId identity, Long developerId, LocalDate from, LocalDate to,
    Set<Source> sources, boolean all, boolean dryRun) {

  /** Where data comes from. */
  public enum Source {
    TELEMETRY, ADMIN_API;

    public String wire() {
      return name().toLowerCase(Locale.ROOT);
    }

    public static Source parse(String s) {
      for (Source v : values()) {
        if (v.wire().equals(s)) {
          return v;
        }
      }
      throw new IllegalArgumentException("\"sources\" may hold telemetry and admin_api (got \"" + s + "\")");
    }
  }

  public RemovalRequest {
    if (ingestToken != null) {
      ingestToken = tokenId(ingestToken);
    }
    if (ingestToken == null && identity == null && developerId == null && from == null && to == null && !all) {
      throw new IllegalArgumentException("a removal needs a filter: ingestToken, identity, developerId, from or to"
          + " (send \"all\": true to remove everything)");
    }
    if (identity != null && developerId != null) {
      throw new IllegalArgumentException("give identity or developerId, not both");
    }
    if (from != null && to != null && from.isAfter(to)) {
      throw new IllegalArgumentException("\"from\" is after \"to\"");
    }
    if (ingestToken != null && sources != null && sources.contains(Source.ADMIN_API)) {
      throw new IllegalArgumentException("Admin API rows carry no ingest token: remove them by identity, developerId or dates");
    }
    if (sources != null && sources.isEmpty()) {
      throw new IllegalArgumentException("\"sources\" is empty: name telemetry, admin_api or both");
    }
    if (sources == null) {
      sources = ingestToken != null ? EnumSet.of(Source.TELEMETRY) : EnumSet.allOf(Source.class);
    }
    sources = Set.copyOf(sources);
  }

  /** An identifier as the unmatched queue shows it (kind and value), normalized as aliases store it. */
  public static RawId identity(String kind, String value) {
    AliasKind k = AliasKind.parse(kind);
    String v = k.normalize(value);
    if (v == null) {
      throw new IllegalArgumentException("\"identity\" needs a value");
    }
    return new RawId(k, v);
  }

  /** The id of an ingest token given as {@code <id>}, {@code tk_<id>} or the whole {@code tk_<id>:sk_<secret>}. */
  private static String tokenId(String given) {
    String t = given.trim();
    t = t.startsWith("tk_") ? t.substring(3) : t;
    int colon = t.indexOf(':');
    t = colon >= 0 ? t.substring(0, colon) : t;
    if (!t.matches("[a-z0-9]{1,40}")) {
      throw new IllegalArgumentException("\"ingestToken\" must be a token id as listed by GET /api/v1/ingest-tokens (got \""
          + given + "\")");
    }
    return t;
  }

  /** The filter as the audit log and the answer show it. */
  public Map<String, Object> describe() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("ingestToken", ingestToken);
    Map<String, Object> id = new LinkedHashMap<>();
    if (identity != null) {
      id.put("kind", identity.kind().wire());
      id.put("value", identity.value());
    }
    m.put("identity", identity == null ? null : id);
    m.put("developerId", developerId);
    m.put("from", from == null ? null : from.toString());
    m.put("to", to == null ? null : to.toString());
    List<String> names = new ArrayList<>();
    for (Source s : Source.values()) {
      if (sources.contains(s)) {
        names.add(s.wire());
      }
    }
    m.put("sources", names);
    m.put("all", all);
    return m;
  }
}
