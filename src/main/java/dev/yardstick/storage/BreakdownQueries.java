package dev.yardstick.storage;

import dev.yardstick.model.AdminUsage.ActorType;
import dev.yardstick.model.UsageField;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Read-side SQL for the per-model and per-decision breakdowns of a window: telemetry from the day rows' detail text,
 * the Admin API from its rows' models and tool_actions text. Each day row's tokens and cost that no model claims come
 * as model "" so that a breakdown adds up to the totals the report shows.
 */
public final class BreakdownQueries {
  private static final UsageField[] MODEL_FIELDS = {UsageField.TOKENS_INPUT, UsageField.TOKENS_OUTPUT,
      UsageField.TOKENS_CACHE_READ, UsageField.TOKENS_CACHE_CREATION, UsageField.COST_USD};

  private final Database db;
  private final ReportCache cache;

  /** Reads through {@code cache} (null: from the database every time). */
  BreakdownQueries(Database db, ReportCache cache) {
    this.db = db;
    this.cache = cache;
  }

  /** Tokens and cost of one model (values in the order input, output, cache read, cache creation, cost in dollars). */
  public record ModelFigures(String model, double[] values) {}

  /** Edit decisions of one tool (as the source names it), decision, language and source; "" where the source said nothing. */
  public record Decisions(String tool, boolean accepted, String language, String source, double count) {}

  /** One telemetry identity's or one Admin API actor's breakdown on one day. */
  public record Breakdown(LocalDate day, Long identityId, ActorType actorType, String actor, List<ModelFigures> models,
      List<Decisions> decisions) {
    public Breakdown {
      models = List.copyOf(models); // kept in the report cache: nobody may change it
      decisions = List.copyOf(decisions);
    }
  }

  public List<Breakdown> telemetry(long orgId, LocalDate from, LocalDate to) {
    return cache == null ? readTelemetry(orgId, from, to)
        : cache.live(cache.telemetryBreakdowns, orgId, from, to, (f, t) -> readTelemetry(orgId, f, t), Breakdown::day);
  }

  public List<Breakdown> adminApi(long orgId, LocalDate from, LocalDate to) {
    return cache == null ? readAdminApi(orgId, from, to)
        : cache.versioned(cache.adminBreakdowns, DataVersion.Kind.ADMIN, orgId, from, to, (f, t) -> readAdminApi(orgId, f, t), Breakdown::day);
  }

  private List<Breakdown> readTelemetry(long orgId, LocalDate from, LocalDate to) {
    String totals = String.join(", ", List.of(MODEL_FIELDS).stream().map(UsageField::column).toList());
    try (Connection c = db.connection(); PreparedStatement ps = ReportQueries.dayRows(c, "detail, " + totals, orgId, from, to)) {
      List<Breakdown> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          DayDetail d = DayDetailText.decode(rs.getString(3));
          List<ModelFigures> models = new ArrayList<>();
          d.models.forEach((m, v) -> models.add(new ModelFigures(Shared.text(m), pick(v))));
          List<Decisions> decisions = new ArrayList<>();
          d.decisions.forEach((k, n) -> decisions.add(new Decisions(Shared.text(k.tool()), k.decision().equals("accept"),
              Shared.text(k.language()), Shared.text(k.source()), n)));
          out.add(new Breakdown(Shared.day(rs.getObject(1, LocalDate.class)), rs.getLong(2), null, null,
              withRest(models, totals(rs, 4)), decisions));
        }
      }
      return out;
    } catch (SQLException e) {
      throw SqlFailure.unchecked(e);
    }
  }

  private List<Breakdown> readAdminApi(long orgId, LocalDate from, LocalDate to) {
    return db.jdbi().withHandle(h -> h.createQuery("SELECT usage_day, actor_type, actor, models, tool_actions, tokens_input,"
            + " tokens_output, tokens_cache_read, tokens_cache_creation, cost_usd FROM anthropic_activity"
            + " WHERE org_id = :org AND usage_day BETWEEN :from AND :to")
        .bind("org", orgId).bind("from", from).bind("to", to)
        .map((rs, ctx) -> {
          List<ModelFigures> models = new ArrayList<>();
          ModelsText.decode(rs.getString(4)).forEach(m -> models.add(new ModelFigures(Shared.text(m.model()),
              new double[] {m.input(), m.output(), m.cacheRead(), m.cacheCreation(), m.costUsd()})));
          List<Decisions> decisions = new ArrayList<>();
          ToolActionsText.decode(rs.getString(5)).forEach((tool, n) -> {
            decisions.add(new Decisions(tool, true, "", "", n.accepted()));
            decisions.add(new Decisions(tool, false, "", "", n.rejected()));
          });
          return new Breakdown(Shared.day(rs.getObject(1, LocalDate.class)), null, ActorType.valueOf(rs.getString(2)),
              Shared.text(rs.getString(3)),
              withRest(models, totals(rs, 6)), decisions);
        }).list());
  }

  private static double[] pick(double[] usage) {
    double[] out = new double[MODEL_FIELDS.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = usage[MODEL_FIELDS[i].ordinal()];
    }
    return out;
  }

  private static double[] totals(ResultSet rs, int first) throws SQLException {
    double[] out = new double[MODEL_FIELDS.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = rs.getDouble(first + i);
    }
    return out;
  }

  /** Adds model "" for what the row's totals hold beyond its models (points that named no model). */
  private static List<ModelFigures> withRest(List<ModelFigures> models, double[] totals) {
    double[] rest = totals.clone();
    for (ModelFigures m : models) {
      for (int i = 0; i < rest.length; i++) {
        rest[i] -= m.values()[i];
      }
    }
    boolean any = false;
    for (int i = 0; i < rest.length; i++) {
      rest[i] = Math.abs(rest[i]) < 1e-9 * Math.max(1, Math.abs(totals[i])) ? 0 : rest[i]; // float sums, not usage
      any |= rest[i] > 0;
    }
    if (any) {
      models.add(new ModelFigures("", rest));
    }
    return models;
  }
}
