package dev.oktair.store;

import dev.oktair.events.EventSelector;
import dev.oktair.events.Window;
import static org.assertj.core.api.Assertions.assertThat;

import dev.oktair.events.LogEvent;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TimelineTest {
  @TempDir Path caseDir;

  @Test
  void groupsEventsBySessionSoTheAttackersSessionReadsApart() {
    LogEvent u1 = Cases.event("u1", "2024-06-10T09:00:00Z", "user.session.start", "alice@x", "1.1.1.1")
        .session("idxUser", null).build();
    LogEvent a1 = Cases.event("a1", "2024-06-10T09:05:00Z", "user.session.start", "alice@x", "6.6.6.6")
        .network(14061L, "digitalocean", "DigitalOcean", null, true).session("idxAttacker", "idxAttacker").build();
    LogEvent u2 = Cases.event("u2", "2024-06-10T09:10:00Z", "user.authentication.sso", "alice@x", "1.1.1.1")
        .session("idxUser", null).build();
    LogEvent a2 = Cases.event("a2", "2024-06-10T09:20:00Z", "user.mfa.factor.activate", "alice@x", "6.6.6.7")
        .network(14061L, "digitalocean", "DigitalOcean", null, true).session("idxAttacker2", "idxAttacker").build();
    LogEvent none = Cases.event("n1", "2024-06-10T08:00:00Z", "user.session.start", "alice@x", "9.9.9.9")
        .result("FAILURE", "INVALID_CREDENTIALS").session(null, null).build();
    Cases.sealEvents(caseDir, "t", List.of(a2, u2, none, a1, u1));
    CaseDatabase db = CaseDatabase.open(caseDir, Cases.CLOCK);

    List<TimelineSession> sessions = db.timeline(Window.ALL, null);
    assertThat(sessions).extracting(TimelineSession::session).containsExactly("idxUser", "idxAttacker", null);
    TimelineSession user = sessions.get(0);
    assertThat(user.events()).extracting(TimelineSession.Event::uuid).containsExactly("u1", "u2");
    assertThat(user.ips()).containsExactly("1.1.1.1");
    assertThat(user.networks()).containsExactly("AS7922 comcast");
    TimelineSession attacker = sessions.get(1);
    assertThat(attacker.events()).as("grouped by root session").extracting(TimelineSession.Event::uuid).containsExactly("a1", "a2");
    assertThat(attacker.ips()).containsExactly("6.6.6.6", "6.6.6.7");
    assertThat(attacker.networks()).containsExactly("AS14061 digitalocean");
    assertThat(attacker.devices()).containsExactly("Computer");
    assertThat(attacker.userAgents()).containsExactly("Mozilla/5.0 (alice@x)");
    assertThat(attacker.subjects()).containsExactly("alice@x");
    assertThat(attacker.first()).isEqualTo(Instant.parse("2024-06-10T09:05:00Z"));
    assertThat(attacker.last()).isEqualTo(Instant.parse("2024-06-10T09:20:00Z"));
    assertThat(sessions.get(2).events()).extracting(TimelineSession.Event::outcome).containsExactly("FAILURE");

    assertThat(attacker.toJson().get("events").get(1).toString()).isEqualTo(
        "{\"uuid\":\"a2\",\"published\":\"2024-06-10T09:20:00.000Z\",\"eventType\":\"user.mfa.factor.activate\","
            + "\"outcome\":\"SUCCESS\",\"displayMessage\":\"msg user.mfa.factor.activate\",\"ip\":\"6.6.6.7\"}");

    Window later = new Window(Instant.parse("2024-06-10T09:06:00Z"), null);
    assertThat(db.timeline(later, EventSelector.of(e -> !e.uuid().equals("a2")))).extracting(TimelineSession::session).containsExactly("idxUser");
  }

  /**
   * Issue 14: the database groups the timeline and hands it over one session at a time. Interleaved
   * sessions still come whole, in order of their first event; sessionless events from one subject
   * and IP stay one burst across a gap of exactly 30 minutes and split after a longer one; the
   * bursts follow the sessions, in order of their first event; a sink that says stop is not called again.
   */
  @Test
  void sessionsAndBurstsComeWholeOneAtATimeInOrderOfTheirFirstEvent() {
    List<LogEvent> events = List.of(
        Cases.event("a1", "2024-06-10T09:00:00Z", "user.session.start", "alice@x", "1.1.1.1").session("idxA", null).build(),
        Cases.event("n1", "2024-06-10T09:01:00Z", "user.session.start", "alice@x", "9.9.9.9").session(null, null).build(),
        Cases.event("b1", "2024-06-10T09:02:00Z", "user.session.start", "bob@x", "2.2.2.2").session(null, "extB").build(),
        Cases.event("n2", "2024-06-10T09:31:00Z", "user.session.start", "alice@x", "9.9.9.9").session(null, null).build(),
        Cases.event("a2", "2024-06-10T09:40:00Z", "user.authentication.sso", "alice@x", "1.1.1.1").session("idxA", null).build(),
        Cases.event("m1", "2024-06-10T09:50:00Z", "user.session.start", "bob@x", "9.9.9.9").session(null, null).build(),
        Cases.event("n3", "2024-06-10T10:02:00Z", "user.session.start", "alice@x", "9.9.9.9").session(null, null).build(),
        Cases.event("b2", "2024-06-10T10:05:00Z", "user.session.end", "bob@x", "2.2.2.2").session(null, "extB").build(),
        Cases.event("n4", "2024-06-10T10:06:00Z", "user.session.start", "alice@x", "9.9.9.9").session(null, null).build());
    Cases.sealEvents(caseDir, "t", List.of(events.get(8), events.get(3), events.get(0), events.get(7), events.get(1),
        events.get(5), events.get(2), events.get(6), events.get(4)));
    CaseDatabase db = CaseDatabase.open(caseDir, Cases.CLOCK);

    List<List<String>> groups = new java.util.ArrayList<>();
    db.timeline(Window.ALL, null, s -> groups.add(s.events().stream().map(TimelineSession.Event::uuid).toList()));
    assertThat(groups).containsExactly(List.of("a1", "a2"), List.of("b1", "b2"), List.of("n1", "n2"), List.of("m1"),
        List.of("n3", "n4"));
    assertThat(db.timeline(Window.ALL, null)).extracting(TimelineSession::session)
        .containsExactly("idxA", "extB", null, null, null);

    List<String> taken = new java.util.ArrayList<>();
    db.timeline(Window.ALL, null, s -> taken.add(s.label()) && taken.size() < 2);
    assertThat(taken).containsExactly("session idxA", "session extB");
  }

  /** The streamed JSON of a session is the bytes of its tree, so {@code timeline --json} kept its output. */
  @Test
  void writtenJsonIsTheTreesBytes() {
    Cases.sealEvents(caseDir, "t", List.of(
        Cases.event("a1", "2024-06-10T09:00:00Z", "user.session.start", "alice@x", "1.1.1.1").session("idxA", null).build(),
        Cases.event("a2", "2024-06-10T09:40:00Z", "user.authentication.sso", "alice@x", "1.1.1.1").session("idxA", null).build()));
    TimelineSession s = CaseDatabase.open(caseDir, Cases.CLOCK).timeline(Window.ALL, null).get(0);
    java.io.StringWriter out = new java.io.StringWriter();
    s.writeJson(out);
    assertThat(out.toString()).isEqualTo(s.toJson().toString()).contains("\"events\":[{\"uuid\":\"a1\"");
  }
}
