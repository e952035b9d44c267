package dev.oktair.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oktair.cases.Case;
import dev.oktair.cases.Writer;
import dev.oktair.detect.Citation;
import dev.oktair.detect.Finding;
import dev.oktair.detect.FindingsFile;
import dev.oktair.detect.Severity;
import dev.oktair.events.Json;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * {@code okta-ir simulate --from-log FILE} serves the tenant a System Log file shows, and
 * {@code contain} plans against it over real HTTP: the rehearsal on a responder's own export, and
 * what bench/run's memory step does with the 1M-event file (issue 14). The fixture
 * ({@code sim/from-log.jsonl}, 32 events shaped like Okta's) has alex signing in from home for a
 * week, then from an anonymiser, adding himself to GitHub and Engineering and minting an API
 * token; sam's login reused by a new account; carol suspended.
 */
class SimulateFromLogIT {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T12:00:00Z"), ZoneOffset.UTC);
  private static final String ALEX = "00ualexfixture000001";
  private static final String SAM_BEFORE = "00usamold00000000004";
  private static final String GITHUB = "0oagithubfixture0002";
  private static final String ENGINEERING = "00gengineeringfix001";
  private static final String TOKEN = "00Tfixturetoken00001";
  private static final Instant ATTACK = Instant.parse("2026-02-26T18:00:00Z");

  @TempDir Path dir;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();
  private Thread serving;
  private Map<String, String> env;

  @BeforeEach
  void serve() throws Exception {
    Context ctx = new Context(new PrintWriter(out, true), new PrintWriter(err, true), CLOCK, Map.of(), dir, false);
    serving = new Thread(() -> Cli.run(ctx, "simulate", "--port", "0", "--from-log", fixture().toString(),
        "--journal", dir.resolve("requests.jsonl").toString()));
    serving.start();
    Pattern export = Pattern.compile("export OKTA_CLIENT_ORGURL=(\\S+) OKTA_CLIENT_TOKEN=(\\S+)");
    long deadline = System.currentTimeMillis() + 60_000;
    Matcher m = export.matcher(out.toString());
    while (!err.toString().contains("press Ctrl-C") && System.currentTimeMillis() < deadline && serving.isAlive()) {
      Thread.sleep(20);
    }
    assertThat(m.reset(out.toString()).find()).as("the export line, in:\n" + out + err).isTrue();
    env = Map.of("OKTA_CLIENT_ORGURL", m.group(1), "OKTA_CLIENT_TOKEN", m.group(2));
  }

  @AfterEach
  void stop() throws InterruptedException {
    serving.interrupt();
    serving.join(10_000);
  }

  @Test
  void plansContainmentForAUserOfTheLogWithGetsOnly() throws Exception {
    assertThat(out.toString()).contains("System Log " + fixture() + " (32 events");
    Path caseDir = caseWith(List.of(
        finding("F-signin", Severity.HIGH, "alex.morgan@example.org", Map.of("userId", ALEX, "ip", "185.220.101.37",
            "attacker", "true")),
        finding("F-app", Severity.HIGH, "alex.morgan@example.org", Map.of("userId", ALEX, "appId", GITHUB,
            "attacker", "true")),
        finding("F-group", Severity.HIGH, "alex.morgan@example.org", Map.of("userId", ALEX, "groupId", ENGINEERING,
            "attacker", "true")),
        finding("F-token", Severity.CRITICAL, "alex.morgan@example.org", Map.of("userId", ALEX, "tokenId", TOKEN,
            "attacker", "true")),
        finding("F-sam", Severity.MEDIUM, "sam.ito@example.org", Map.of("userId", SAM_BEFORE))));

    CliRun run = CliRun.of(CLOCK, env, dir, "contain", "--case", caseDir.toString());

    assertThat(run.code()).as(run.err()).isZero();
    JsonNode plan = Json.MAPPER.readTree(Files.readAllBytes(caseDir.resolve("plan.json")));
    List<String> actions = new ArrayList<>();
    plan.path("actions").forEach(a -> actions.add(a.path("action").asString() + " " + a.path("target").path("id").asString()));
    assertThat(actions).containsExactly(
        "clear-sessions " + ALEX,
        "suspend-user " + ALEX,
        "remove-app-assignment " + GITHUB + "/" + ALEX,
        "remove-group-membership " + ENGINEERING + "/" + ALEX,
        "revoke-api-token " + TOKEN);
    // sam's first account is gone (the login is the new account's): listed, nothing to contain
    JsonNode listed = plan.path("listed").get(0);
    assertThat(listed.path("target").path("id").asString()).isEqualTo(SAM_BEFORE);
    assertThat(listed.path("why").asString()).contains("not in the org");
    assertThat(listed.path("reasons").get(0).asString()).isEqualTo("F-sam");
    // Salesforce, assigned before the log began, stays; the app is known as its SP's, whose revocations are a checklist
    List<String> listedIds = new ArrayList<>();
    plan.path("listed").forEach(l -> listedIds.add(l.path("target").path("id").asString()));
    assertThat(listedIds).contains("0oasalesforcefix0001/1").noneMatch(id -> id.startsWith("0oasalesforcefix0001/00u"));
    List<String> requests = Files.readAllLines(dir.resolve("requests.jsonl"));
    assertThat(requests).isNotEmpty().allSatisfy(r -> assertThat(Json.MAPPER.readTree(r).path("method").asString())
        .isEqualTo("GET"));
  }

  @Test
  void findingsOfAnotherOrgStillStopThePlan() throws Exception {
    Path caseDir = caseWith(List.of(finding("F-other", Severity.HIGH, "pat@other.example", Map.of("userId", "00uother"))));

    CliRun run = CliRun.of(CLOCK, env, dir, "contain", "--case", caseDir.toString());

    assertThat(run.code()).isEqualTo(ExitCode.USAGE.code());
    assertThat(run.err()).contains("a finding names the user '00uother', whom the org does not have");
    assertThat(caseDir.resolve("plan.json")).doesNotExist();
  }

  private Path caseWith(List<Finding> findings) {
    Path caseDir = dir.resolve("case");
    Case.create(caseDir, CLOCK, Writer.current("investigate", "test", CLOCK)).close();
    FindingsFile.write(caseDir.resolve("findings.json"),
        new FindingsFile.Contents(new FindingsFile.Window(ATTACK, null, "override"), findings));
    return caseDir;
  }

  private static Finding finding(String id, Severity severity, String subject, Map<String, String> facts) {
    return new Finding(id, "test", severity, id, id + " (" + subject + ")", subject, ATTACK, ATTACK, null,
        "contain the user", List.of(new Citation.ApiObject("user", facts.get("userId"))), facts);
  }

  private static Path fixture() {
    try {
      return Path.of(SimulateFromLogIT.class.getResource("/sim/from-log.jsonl").toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
