package dev.oktair.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oktair.events.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.node.ObjectNode;

/**
 * An attacker IP whose events disagree on its network and place (Okta's geolocation moves; a
 * proxy exit changes hands) is shown with the network and place of one event, its first in time,
 * ties broken by evidence order: never the ASN of one event beside the city of another, and the
 * same on every run.
 */
class HostPlaceTest {
  static final String IP = "198.51.100.9";

  @TempDir Path tmp;

  @Test
  void networkAndPlaceComeFromTheIpsFirstEventAndStayTheSame() throws IOException {
    Path caseDir = tmp.resolve("case-places");
    ReportCases.seal(caseDir, List.of(
        // first in the file, last in time; no network, so a per-column pick would take its city alone
        event("p1", "2024-06-14T10:00:00.000Z", null, null, "Lyon", "France"),
        event("p2", "2024-06-14T09:00:00.000Z", 64500L, "Example Net", "Oslo", "Norway"),
        // as early as p2 but later in the evidence: the tie goes to p2
        event("p3", "2024-06-14T09:00:00.000Z", 64501L, "Other Net", "Paris", "France")));
    ObjectNode doc = Json.MAPPER.createObjectNode().put("version", 1);
    ObjectNode f = doc.putArray("findings").addObject();
    f.put("id", "F-1").put("detection", "proxy-auth").put("severity", "high").put("title", "t").put("summary", "s")
        .put("subject", "alex@contoso.com").put("recommendation", "r");
    f.putArray("evidence").addObject().put("uuid", "p2").put("published", "2024-06-14T09:00:00Z")
        .put("eventType", "user.session.start");
    f.putObject("facts").put("ip", IP);
    Files.writeString(caseDir.resolve("findings.json"), Json.MAPPER.writeValueAsString(doc), StandardCharsets.UTF_8);

    Report.Host host = Reports.build(caseDir, ReportCases.CLOCK).infrastructure().get(0);
    assertThat(host.ip()).isEqualTo(IP);
    assertThat(host.network()).isEqualTo("AS64500 Example Net");
    assertThat(host.location()).isEqualTo("Oslo, Norway");
    assertThat(host.events()).isEqualTo(3);
    for (int run = 0; run < 5; run++) {
      assertThat(Reports.build(caseDir, ReportCases.CLOCK).infrastructure()).as("run %d", run).containsExactly(host);
    }
  }

  private static String event(String uuid, String published, Long asn, String asOrg, String city, String country) {
    ObjectNode e = Json.MAPPER.createObjectNode().put("uuid", uuid).put("published", published)
        .put("eventType", "user.session.start").put("version", "0").put("severity", "INFO")
        .put("displayMessage", "User login to Okta");
    e.putObject("actor").put("id", "00ualex").put("type", "User").put("alternateId", "alex@contoso.com");
    ObjectNode client = e.putObject("client").put("ipAddress", IP);
    client.putObject("userAgent").put("rawUserAgent", "curl/8.0");
    client.putObject("geographicalContext").put("city", city).put("country", country);
    ObjectNode security = e.putObject("securityContext").put("asOrg", asOrg).put("isProxy", false);
    if (asn != null) {
      security.put("asNumber", asn);
    } else {
      security.putNull("asNumber");
    }
    e.putObject("outcome").put("result", "SUCCESS");
    e.putArray("target");
    return Json.MAPPER.writeValueAsString(e);
  }
}
