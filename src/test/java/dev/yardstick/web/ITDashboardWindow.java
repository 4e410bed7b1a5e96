package dev.yardstick.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.yardstick.testing.MovableClock;
import dev.yardstick.testing.TestDatabases;
import dev.yardstick.testing.TestServer;
import dev.yardstick.testing.WebClient;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The dashboard's company figures for someone who may not see everyone come by whole weeks, and the page says which. */
class ITDashboardWindow {
  @Test
  void aDevelopersHeadline_namesTheWholeWeeksItCovers_onEveryDayOfTheWeek() throws Exception {
    LocalDate monday = LocalDate.parse("2026-03-02");
    MovableClock clock = new MovableClock(Instant.parse("2026-03-02T12:00:00Z"));
    try (TestServer s = TestServer.start(TestDatabases.h2(), Map.of(), clock)) {
      WebClient ana = s.account("ana@example.com", "developer", "ana-password-1234");
      for (LocalDate today = monday; today.isBefore(monday.plusWeeks(1)); today = today.plusDays(1)) {
        // thirty days are never whole weeks: the widened window is always said
        LocalDate from = today.minusDays(29).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        LocalDate to = today.with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY));

        String page = ana.get("/").body();

        assertThat(page).as(today.getDayOfWeek().toString()).contains("<p class=\"muted\">Whole weeks: " + from + " to " + to + ".</p>");
        clock.advance(Duration.ofDays(1));
      }
    }
  }
}
