package dev.oktair.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oktair.events.RejectedLine;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** A tenant seeded from a System Log file: bad lines counted and skipped, events served byte for byte from the file. */
class LogTenantTest {
  private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

  @Test
  void linesThatAreNotEventsAreReportedWithFileAndLineAndSkipped(@TempDir Path dir) throws Exception {
    String a = event("00ua", "a@example.org", "e0000001-0000-4000-8000-000000000001", "2026-02-28T10:00:00.000Z");
    String b = event("00ub", "b@example.org", "e0000002-0000-4000-8000-000000000002", "2026-02-28T09:00:00.000Z");
    String c = event("00ua", "a@example.org", "e0000003-0000-4000-8000-000000000003", "2026-02-28T11:00:00.000Z");
    Path file = dir.resolve("export.jsonl");
    // line 2 is not JSON, line 4 is JSON but not an event, line 5 is blank (only counted), line 7 ends in CRLF
    Files.writeString(file, a + "\n{\"actor\": \n" + b + "\n{\"hello\": \"world\"}\n\n" + "[1,2]\n" + c + "\r\n",
        StandardCharsets.UTF_8);
    List<RejectedLine> rejected = new ArrayList<>();

    LogTenant.Result r = LogTenant.read(file, rejected::add);

    assertThat(r.events()).isEqualTo(3);
    assertThat(r.rejected()).isEqualTo(3);
    assertThat(rejected).extracting(RejectedLine::source).containsOnly(file.toString());
    assertThat(rejected).extracting(RejectedLine::line).containsExactly(2L, 4L, 6L);
    assertThat(rejected).extracting(x -> x.reason()).containsExactly(RejectedLine.Reason.MALFORMED_JSON,
        RejectedLine.Reason.NOT_AN_EVENT, RejectedLine.Reason.NOT_AN_OBJECT);
    assertThat(r.first()).isEqualTo(Instant.parse("2026-02-28T09:00:00Z"));
    assertThat(r.last()).isEqualTo(Instant.parse("2026-02-28T11:00:00Z"));
    assertThat(r.seed().users()).extracting(u -> u.path("profile").path("login").asString())
        .containsExactly("a@example.org", "b@example.org", "okta-ir.rehearsal@example.invalid");
    assertThat(r.seed().history().size()).isEqualTo(3);

    try (OktaSimulator sim = OktaSimulator.start(SimulatorOptions.builder().seed(r.seed()).clock(SimClock.at(NOW)).build())) {
      HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(sim.baseUrl()
          + "/api/v1/logs?since=2026-02-28T00:00:00Z&until=2026-03-01T00:00:00Z"))
          .header("Authorization", "SSWS " + sim.apiToken()).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(page.statusCode()).isEqualTo(200);
      // in published order, each the file's own bytes (the CR of line 7 is the line's end, not the event's)
      assertThat(page.body()).isEqualTo("[" + b + "," + a + "," + c + "]");
      JsonNode user = sim.tenant().user("a@example.org").orElseThrow();
      assertThat(user.path("lastLogin").asString()).isEqualTo("2026-02-28T11:00:00.000Z");
    }
  }

  @Test
  void aLoginTheLogGivesSeveralIdsBelongsToTheIdSeenLast(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("reused.jsonl");
    Files.writeString(file, String.join("\n",
        event("00uold", "sam@example.org", "e0000001-0000-4000-8000-000000000001", "2026-02-01T10:00:00.000Z"),
        event("00unew", "Sam@example.org", "e0000002-0000-4000-8000-000000000002", "2026-02-20T10:00:00.000Z"),
        event("00uold", "sam@example.org", "e0000003-0000-4000-8000-000000000003", "2026-02-02T10:00:00.000Z")) + "\n");

    LogTenant.Result r = LogTenant.read(file, line -> { });

    assertThat(r.seed().users()).extracting(u -> u.path("id").asString()).containsExactly("00unew", Census.ADMIN_ID);
  }

  private static String event(String actorId, String login, String uuid, String published) {
    return "{\"actor\": {\"alternateId\": \"" + login + "\", \"displayName\": \"Some One\", \"id\": \"" + actorId
        + "\", \"type\": \"User\"}, \"client\": {\"ipAddress\": \"198.51.100.7\"}, \"displayMessage\": \"User login to Okta\","
        + " \"eventType\": \"user.session.start\", \"outcome\": {\"result\": \"SUCCESS\"}, \"published\": \"" + published
        + "\", \"severity\": \"INFO\", \"target\": [], \"uuid\": \"" + uuid + "\", \"version\": \"0\"}";
  }
}
