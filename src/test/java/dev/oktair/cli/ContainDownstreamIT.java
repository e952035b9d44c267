package dev.oktair.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oktair.sim.sp.SpFakes;
import dev.oktair.sim.sp.SpFault;
import dev.oktair.sim.sp.SpJournal;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * {@code okta-ir contain} revokes downstream (issue 11 item 3): the impact map's automatic steps
 * join the plan after the Okta kill switch and run at the fake SPs over real HTTP; manual ones are
 * listed; dry-run sends nothing to any SP; an SP failure leaves the others done and a re-run
 * completes only what is missing.
 */
class ContainDownstreamIT {
  @TempDir Path dir;
  ContainFixture f;
  SpFakes fakes;
  Map<String, String> env;
  /** Per SP request: whether the Okta journal already held the subject's DELETE .../sessions. */
  final List<String> afterOkta = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() {
    f = new ContainFixture(dir, Runs.CLOCK, b -> {});
    fakes = SpFakes.start(Runs.CLOCK, f.seed);
    fakes.journal().tap(e -> afterOkta.add(e.service() + " " + e.method() + " " + e.path() + " "
        + clearedAlready()));
    env = new HashMap<>(f.env());
    env.putAll(fakes.environment());
  }

  @AfterEach
  void stop() {
    fakes.close();
    f.close();
  }

  private boolean clearedAlready() {
    String sessions = "/api/v1/users/" + f.victim() + "/sessions";
    return f.sim.journal().mutating().stream().anyMatch(e -> e.method().equals("DELETE") && e.path().equals(sessions));
  }

  private List<String> calls(String service) {
    return fakes.journal().requests(service).stream().map(e -> e.method() + " " + e.path() + " " + e.status()).toList();
  }

  private static final String ALEX = "alex@contoso.com";
  private static final String JORDAN = "jordan.rivera@contoso.com";

  @Test
  void planningListsTheStepsAndTheChecklistAndSendsNothingToAnySp() {
    CliRun run = f.contain(env, "--json");

    assertThat(run.code()).as(run.err()).isZero();
    assertThat(fakes.journal().requests()).as("dry-run: no SP request at all").isEmpty();
    List<JsonNode> lines = run.out().lines().map(dev.oktair.events.Json.MAPPER::readTree).toList();
    String clear = lines.stream().filter(l -> l.get("action").asString().equals("clear-sessions")
        && l.get("target").get("id").asString().equals(f.victim())).findFirst().orElseThrow().get("id").asString();
    List<JsonNode> down = lines.stream().filter(l -> l.get("action").asString().equals("revoke-downstream")
        && l.get("target").get("display").asString().endsWith(" " + ALEX)
        || l.get("target").get("id").asString().endsWith("/alex-contoso")
        || l.get("target").get("id").asString().endsWith("/" + ALEX + ".prod")).toList();
    assertThat(down).extracting(l -> l.get("target").get("id").asString()).containsExactlyInAnyOrder(
        "aws/SESSIONS/" + ALEX, "github/TOKENS/alex-contoso", "google/SESSIONS/" + ALEX, "google/TOKENS/" + ALEX,
        "graph/SESSIONS/" + ALEX, "salesforce/SESSIONS/" + ALEX + ".prod", "salesforce/TOKENS/" + ALEX + ".prod",
        "slack/SESSIONS/" + ALEX);
    assertThat(down).allMatch(l -> l.get("dependsOn").toString().equals("[\"" + clear + "\"]"));
    // manual steps are a checklist for review, never actions
    JsonNode listed = f.plan().get("listed");
    assertThat(listed.toString()).contains("manual: github revoke the member's active SAML sessions")
        .contains("manual: end every session of alex@contoso.com in Jira");
    assertThat(lines).noneMatch(l -> l.get("target").get("display").asString().contains("admin console"));
  }

  @Test
  void applyRevokesAtEverySpAfterTheOktaSessionsAreCleared() {
    int sfAlex = fakes.sessions("salesforce", ALEX + ".prod");
    int sfJordan = fakes.sessions("salesforce", JORDAN + ".prod");

    CliRun run = f.contain(env, "--apply", "--yes");

    assertThat(run.code()).as(run.out() + run.err()).isZero();
    assertThat(afterOkta).isNotEmpty().allMatch(c -> c.endsWith(" true"), "every SP request came after an Okta DELETE sessions");
    String tenant = fakes.environment().get("OKTAIR_GRAPH_TENANT_ID");
    assertThat(calls("graph")).containsExactlyInAnyOrder("POST /" + tenant + "/oauth2/v2.0/token 200",
        "POST /v1.0/users/" + ALEX + "/revokeSignInSessions 200", "GET /v1.0/users/" + ALEX + " 200",
        "POST /v1.0/users/" + JORDAN + "/revokeSignInSessions 200", "GET /v1.0/users/" + JORDAN + " 200");
    assertThat(calls("github")).containsExactly("GET /orgs/contoso/credential-authorizations 200",
        "DELETE /orgs/contoso/credential-authorizations/139242 204",
        "DELETE /orgs/contoso/credential-authorizations/239242 204", "GET /orgs/contoso/credential-authorizations 200");
    assertThat(calls("slack")).containsExactlyInAnyOrder("GET /api/users.lookupByEmail 200",
        "POST /api/admin.users.session.reset 200", "GET /api/users.lookupByEmail 200", "POST /api/admin.users.session.reset 200");
    assertThat(calls("aws")).as("PutRolePolicy and GetRolePolicy per role").containsExactly(
        "POST / 200", "POST / 200", "POST / 200", "POST / 200");
    List<String> google = new java.util.ArrayList<>(List.of("POST /token 200"));
    for (String u : List.of(ALEX, JORDAN)) {
      String p = "/admin/directory/v1/users/" + u;
      google.addAll(List.of("POST " + p + "/signOut 204", "GET " + p + "/tokens 200", "GET " + p + "/asps 200",
          "DELETE " + p + "/tokens/1041831412108.apps.googleusercontent.com 204", "DELETE " + p + "/asps/1 204",
          "GET " + p + "/tokens 200", "GET " + p + "/asps 200"));
    }
    assertThat(calls("google")).containsExactlyInAnyOrderElementsOf(google);
    List<String> sf = calls("salesforce");
    assertThat(sf).filteredOn(c -> c.startsWith("DELETE /services/data/v60.0/sobjects/AuthSession/"))
        .hasSize(sfAlex + sfJordan).allMatch(c -> c.endsWith(" 204"));
    assertThat(sf).filteredOn(c -> c.startsWith("POST /services/oauth2/revoke")).hasSize(2);
    assertThat(sf).filteredOn(c -> c.contains("UserLogin")).as("freezing is opt-in").isEmpty();
    for (String u : List.of(ALEX, JORDAN)) {
      assertThat(fakes.sessions("salesforce", u + ".prod")).isZero();
      assertThat(fakes.sessions("graph", u)).isZero();
      assertThat(fakes.tokens("google", u)).isZero();
    }
    // the case journal: each SP step's intent after its subject's clear-sessions outcome; requested and verified apart
    List<JsonNode> j = f.journalLines();
    int cleared = indexOf(j, "clear-sessions", "outcome", f.victim());
    assertThat(j.subList(0, cleared)).noneMatch(l -> l.get("action").asString().equals("revoke-downstream")
        && l.get("target").get("display").asString().contains(ALEX));
    assertThat(verification(j, "aws/SESSIONS/" + ALEX)).isEqualTo("verified");
    assertThat(verification(j, "slack/SESSIONS/" + ALEX)).isEqualTo("requested");
    assertThat(run.out()).contains("Downstream: 10 verified by read-back, 4 requested only");
  }

  @Test
  void anSpFailureLeavesTheOthersDoneAndARerunCompletesOnlyWhatIsMissing() {
    fakes.fault("slack", SpFault.REFUSED);
    fakes.fault("github", SpFault.UNAUTHORIZED);

    CliRun first = f.contain(env, "--apply", "--yes");

    assertThat(first.code()).as(first.out() + first.err()).isEqualTo(5);
    assertThat(first.out()).contains("slack sessions " + ALEX).contains("FAILED");
    List<JsonNode> j = f.journalLines();
    assertThat(j).filteredOn(l -> l.path("status").asString().equals("failed"))
        .extracting(l -> l.get("target").get("id").asString())
        .containsExactlyInAnyOrder("slack/SESSIONS/" + ALEX, "slack/SESSIONS/" + JORDAN, "github/TOKENS/alex-contoso");
    assertThat(j).filteredOn(l -> l.path("status").asString().equals("failed"))
        .allMatch(l -> !l.get("detail").asString().isBlank());
    assertThat(fakes.sessions("graph", ALEX)).as("the others complete").isZero();
    List<String> graphBefore = calls("graph");
    List<String> googleBefore = calls("google");
    List<String> sfBefore = calls("salesforce");
    int oktaBefore = f.sim.journal().mutating().size();

    fakes.fault("slack", SpFault.NONE);
    fakes.fault("github", SpFault.NONE);
    fakes.journal().clear();
    CliRun second = f.contain(env, "--apply", "--yes");

    assertThat(second.code()).as(second.out() + second.err()).isZero();
    assertThat(fakes.journal().requests()).extracting(SpJournal.Entry::service).containsOnly("slack", "github");
    assertThat(calls("slack")).containsExactlyInAnyOrder("GET /api/users.lookupByEmail 200",
        "POST /api/admin.users.session.reset 200", "GET /api/users.lookupByEmail 200", "POST /api/admin.users.session.reset 200");
    assertThat(f.sim.journal().mutating()).as("nothing at Okta is sent again").hasSize(oktaBefore);
    assertThat(graphBefore).isNotEmpty();
    assertThat(googleBefore).isNotEmpty();
    assertThat(sfBefore).isNotEmpty();
  }

  private static int indexOf(List<JsonNode> j, String action, String phase, String targetId) {
    for (int i = 0; i < j.size(); i++) {
      JsonNode l = j.get(i);
      if (l.get("action").asString().equals(action) && l.get("phase").asString().equals(phase)
          && l.get("target").get("id").asString().equals(targetId)) {
        return i;
      }
    }
    throw new AssertionError("no " + phase + " of " + action + " " + targetId);
  }

  private static String verification(List<JsonNode> j, String targetId) {
    return j.stream().filter(l -> l.get("target").get("id").asString().equals(targetId) && l.has("verification"))
        .findFirst().orElseThrow().get("verification").asString();
  }
}
