package dev.yardstick.demo;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.yardstick.demo.DemoOrg.Day;
import dev.yardstick.demo.DemoOrg.Decision;
import dev.yardstick.demo.DemoOrg.Developer;
import dev.yardstick.demo.DemoOrg.Membership;
import dev.yardstick.demo.DemoOrg.ModelUse;
import dev.yardstick.demo.DemoOrg.Team;
import dev.yardstick.demo.DemoOrg.Usage;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;

/** Writes what the generator decided as JSON, streamed (a year of a thousand developers is large). */
public final class TruthFile {
  private TruthFile() {}

  public static void write(Path file, DemoOrg org, List<PlannedCommit.Truth> commits) throws IOException {
    try (JsonGenerator g = new JsonFactory().createGenerator(file.toFile(), JsonEncoding.UTF8)) {
      g.writeStartObject();
      g.writeStringField("org", org.name());
      g.writeStringField("timeZone", org.zone().getId());
      g.writeObjectFieldStart("window");
      g.writeStringField("from", org.first().toString());
      g.writeStringField("to", org.last().toString());
      g.writeEndObject();
      g.writeNumberField("seed", org.seed());
      g.writeArrayFieldStart("teams");
      for (Team t : org.teams()) {
        g.writeStartObject();
        g.writeStringField("name", t.name());
        g.writeStringField("parent", t.parent());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeArrayFieldStart("developers");
      for (Developer d : org.developers()) {
        developer(g, d);
      }
      g.writeEndArray();
      g.writeArrayFieldStart("days");
      for (Day d : org.days()) {
        if (d.usage() != null) {
          day(g, org.developers().get(d.developer()), d);
        }
      }
      g.writeEndArray();
      g.writeArrayFieldStart("commits");
      for (PlannedCommit.Truth c : commits) {
        g.writeStartObject();
        g.writeStringField("sha", c.sha);
        g.writeStringField("author", org.developers().get(c.developer).email());
        g.writeStringField("day", c.day.toString());
        g.writeStringField("kind", c.kind);
        g.writeNumberField("linesAdded", c.linesAdded);
        g.writeNumberField("linesRemoved", c.linesRemoved);
        g.writeBooleanField("aiCoAuthored", c.aiCoAuthored);
        g.writeBooleanField("defectIntroducing", c.defect);
        g.writeNumberField("reworkedLines", c.reworked);
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeObjectFieldStart("plantedEffect");
      g.writeStringField("team", org.effect().team());
      g.writeNumberField("commitsAndLinesPercent", org.effect().commitsAndLinesPercent());
      g.writeNumberField("reworkChanceFactor", org.effect().reworkFactor());
      g.writeStringField("definition", org.effect().definition());
      g.writeEndObject();
      g.writeEndObject();
    }
  }

  private static void developer(JsonGenerator g, Developer d) throws IOException {
    g.writeStartObject();
    g.writeStringField("email", d.email());
    g.writeStringField("name", d.name());
    g.writeStringField("gitEmail", d.gitEmail());
    g.writeStringField("source", d.source().wire);
    g.writeStringField("apiKeyName", d.apiKeyName());
    g.writeStringField("joined", d.joined().toString());
    g.writeStringField("adoption", d.adoption() == null ? null : d.adoption().toString());
    g.writeArrayFieldStart("memberships");
    for (Membership m : d.memberships()) {
      g.writeStartObject();
      g.writeStringField("team", m.team());
      g.writeStringField("from", m.from() == null ? null : m.from().toString());
      g.writeStringField("lastDay", m.to() == null ? null : m.to().minusDays(1).toString());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  private static void day(JsonGenerator g, Developer dev, Day d) throws IOException {
    Usage u = d.usage();
    g.writeStartObject();
    g.writeStringField("developer", dev.email());
    g.writeStringField("day", d.day().toString());
    g.writeStringField("source", dev.source().wire);
    g.writeNumberField("sessions", u.sessions());
    g.writeNumberField("activeUserSeconds", u.activeUserSeconds());
    g.writeNumberField("activeCliSeconds", u.activeCliSeconds());
    g.writeArrayFieldStart("models");
    for (ModelUse m : u.models()) {
      g.writeStartObject();
      g.writeStringField("model", m.model());
      g.writeNumberField("input", m.input());
      g.writeNumberField("output", m.output());
      g.writeNumberField("cacheRead", m.cacheRead());
      g.writeNumberField("cacheCreation", m.cacheCreation());
      g.writeNumberField("costUsd", BigDecimal.valueOf(m.costMicros(), 6));
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeArrayFieldStart("editDecisions");
    for (Decision x : u.decisions()) {
      g.writeStartObject();
      g.writeStringField("tool", x.tool());
      g.writeStringField("decision", x.decision());
      g.writeStringField("source", x.source());
      g.writeStringField("language", x.language());
      g.writeNumberField("count", x.count());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeNumberField("linesAdded", u.linesAdded());
    g.writeNumberField("linesRemoved", u.linesRemoved());
    g.writeNumberField("commitsByClaudeCode", u.commits());
    g.writeNumberField("pullRequestsByClaudeCode", u.pullRequests());
    g.writeNumberField("commitsPlanned", d.commits());
    g.writeEndObject();
  }
}
