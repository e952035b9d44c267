package dev.oktair.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oktair.cases.Case;
import dev.oktair.cases.Writer;
import dev.oktair.events.Json;
import dev.oktair.events.LogEvent;
import dev.oktair.sim.RequestJournal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** {@code okta-ir contain} against the simulated contoso-aitm compromise (issue 10). */
class ContainCommandIT {
  @TempDir Path dir;
  ContainFixture f;

  @BeforeEach
  void start() {
    f = new ContainFixture(dir, Runs.CLOCK, b -> {});
  }

  @AfterEach
  void stop() {
    f.close();
  }

  @Test
  void planningPrintsThePlanAndSendsNoMutatingRequest() {
    CliRun run = f.contain("--json");

    assertThat(run.code()).as(run.err()).isZero();
    assertThat(f.sim.journal().mutating()).isEmpty();
    assertThat(Files.exists(f.caseDir.resolve("plan.json"))).isTrue();
    List<JsonNode> lines = run.out().lines().map(Json.MAPPER::readTree).toList();
    for (JsonNode l : lines) {
      assertThat(l.has("id") && l.has("action") && l.has("target") && l.has("reasons") && l.has("dependsOn")).isTrue();
      assertThat(l.get("reasons")).isNotEmpty();
    }
    JsonNode clear = first(lines, "clear-sessions", f.victim());
    JsonNode suspend = first(lines, "suspend-user", f.victim());
    assertThat(lines.indexOf(clear)).isLessThan(lines.indexOf(suspend));
    assertThat(suspend.get("dependsOn").get(0).asString()).isEqualTo(clear.get("id").asString());
    assertThat(ids(lines, "delete-factor")).containsExactlyInAnyOrderElementsOf(
        f.seed.story().rogueFactorIds().stream().map(id -> f.victim() + "/" + id).toList());
    assertThat(ids(lines, "revoke-grant")).containsExactlyInAnyOrderElementsOf(
        f.seed.story().rogueGrantIds().stream().map(id -> f.victim() + "/" + id).toList());
    assertThat(ids(lines, "revoke-api-token")).containsExactlyElementsOf(f.seed.story().rogueApiTokenIds());
    assertThat(ids(lines, "remove-app-assignment")).as("opt-in only").isEmpty();
    assertThat(f.plan().get("listed").toString()).contains("GitHub Enterprise Cloud").contains("AWS-Prod-Admins");
  }

  @Test
  void applyRefusesASubjectTheCaseDoesNotName() {
    try (Case c = Case.open(f.caseDir, Runs.CLOCK, Writer.current("investigate", "test", Runs.CLOCK))) {
      c.addSubjects(List.of("someone.else@contoso.com"));
    }

    CliRun run = f.contain("--apply", "--yes");

    assertThat(run.code()).as(run.err()).isEqualTo(2);
    assertThat(run.err()).contains("alex@contoso.com").contains("is not a subject of the case");
    assertThat(f.sim.journal().mutating()).isEmpty();
  }

  @Test
  void applyWaitsForNoOneButRefusesWhileAnotherCommandWritesTheCase() {
    try (Case busy = Case.open(f.caseDir, Runs.CLOCK, Writer.current("collect", "test", Runs.CLOCK))) {
      CliRun run = f.contain("--apply", "--yes");

      assertThat(run.code()).as(run.err()).isNotZero();
      assertThat(run.err()).containsIgnoringCase("collect");
      assertThat(f.sim.journal().mutating()).isEmpty();
    }
  }

  @Test
  void applyContainsTheScenarioInOrderAndTheSystemLogAgrees() {
    CliRun run = f.contain("--apply", "--yes");

    assertThat(run.code()).as(run.out() + run.err()).isZero();
    String alex = f.victim();
    List<RequestJournal.Entry> m = f.sim.journal().mutating();
    int clear = indexOf(m, "DELETE", "/api/v1/users/" + alex + "/sessions");
    int suspend = indexOf(m, "POST", "/api/v1/users/" + alex + "/lifecycle/suspend");
    assertThat(clear).isNotNegative().isLessThan(suspend);
    assertThat(m.get(clear).query()).isEqualTo("oauthTokens=true");
    assertThat(m.stream().filter(e -> e.path().contains("/factors/")).map(e -> e.path().substring(e.path().lastIndexOf('/') + 1)))
        .containsExactlyInAnyOrderElementsOf(f.seed.story().rogueFactorIds());
    assertThat(m.stream().filter(e -> e.path().contains("/grants/")).map(e -> e.path().substring(e.path().lastIndexOf('/') + 1)))
        .containsExactlyInAnyOrderElementsOf(f.seed.story().rogueGrantIds());
    assertThat(m).allMatch(e -> e.status() / 100 == 2, "every mutating request succeeded");
    // no request was sent twice
    assertThat(m.stream().map(e -> e.method() + " " + e.path()).distinct().count()).isEqualTo(m.size());

    // the tenant's state
    assertThat(f.sim.tenant().user(alex).orElseThrow().path("status").asString()).isEqualTo("SUSPENDED");
    assertThat(f.sim.tenant().activeSessions(alex)).isZero();
    List<String> grants = f.sim.tenant().grants(alex).stream().map(g -> g.path("id").asString()).toList();
    assertThat(grants).hasSize(4).doesNotContainAnyElementsOf(f.seed.story().rogueGrantIds());
    List<String> tokens = f.sim.tenant().apiTokens().stream().map(t -> t.path("id").asString()).toList();
    assertThat(tokens).doesNotContainAnyElementsOf(f.seed.story().rogueApiTokenIds()).hasSize(3);
    String jordan = f.userId(f.seed.story().otherVictimLogins().get(0));
    assertThat(f.sim.tenant().user(jordan).orElseThrow().path("status").asString()).isEqualTo("SUSPENDED");

    // ... and its System Log say the same
    List<LogEvent> log = f.sim.events();
    assertThat(count(log, "user.session.clear", alex)).isEqualTo(1);
    assertThat(count(log, "user.lifecycle.suspend", alex)).isEqualTo(1);
    for (String factor : f.seed.story().rogueFactorIds()) {
      assertThat(count(log, "user.mfa.factor.deactivate", factor)).as(factor).isEqualTo(1);
    }
    assertThat(count(log, "system.api_token.revoke", f.seed.story().rogueApiTokenIds().get(0))).isEqualTo(1);
    assertThat(log.stream().filter(e -> e.eventType().equals("app.oauth2.as.consent.revoke")).count()).isEqualTo(7);

    // the journal: an intent before and an outcome after each call, with Okta's request id
    List<JsonNode> journal = f.journalLines();
    long intents = journal.stream().filter(l -> l.path("phase").asString().equals("intent")).count();
    assertThat(intents).isEqualTo(m.size());
    assertThat(journal).filteredOn(l -> "done".equals(l.path("status").asString()))
        .allMatch(l -> l.path("requestId").asString().startsWith("req"));
    assertThat(String.join("\n", journal.stream().map(JsonNode::toString).toList())).doesNotContain(f.sim.apiToken());

    // a second apply finds everything done and sends nothing
    f.sim.journal().clear();
    CliRun again = f.contain("--apply", "--yes");
    assertThat(again.code()).as(again.err()).isZero();
    assertThat(f.sim.journal().mutating()).isEmpty();
    assertThat(again.out()).contains("done in an earlier run");
  }

  @Test
  void applyIsRefusedWithoutYesWhenStdinIsNotATerminal() {
    CliRun run = f.contain("--apply");

    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).contains("--yes");
    assertThat(f.sim.journal().mutating()).isEmpty();
  }

  @Test
  void thePromptNamesTheUsersAndTheOrgAndOnlyYesApplies() {
    java.io.StringWriter err = new java.io.StringWriter();
    Context no = new Context(new java.io.PrintWriter(new java.io.StringWriter()), new java.io.PrintWriter(err),
        Runs.CLOCK, f.env(), f.home, false, Input.of(new java.io.BufferedReader(new java.io.StringReader("no\n")), true));

    int code = Cli.run(no, "contain", "--case", f.caseDir.toString(), "--apply");

    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("alex@contoso.com").contains("jordan.rivera@contoso.com")
        .contains(f.sim.baseUrl()).contains("nothing was changed");
    assertThat(f.sim.journal().mutating()).isEmpty();
    Context yes = new Context(new java.io.PrintWriter(new java.io.StringWriter()),
        new java.io.PrintWriter(new java.io.StringWriter()), Runs.CLOCK, f.env(), f.home, false,
        Input.of(new java.io.BufferedReader(new java.io.StringReader("yes\n")), true));
    assertThat(Cli.run(yes, "contain", "--case", f.caseDir.toString(), "--apply")).isZero();
    assertThat(f.sim.journal().mutating()).isNotEmpty();
  }

  @Test
  void undoUnsuspendsAndIsJournaled() {
    assertThat(f.contain("--apply", "--yes").code()).isZero();
    String suspendId = f.plan().get("actions").valueStream()
        .filter(a -> a.get("action").asString().equals("suspend-user")
            && a.get("target").get("id").asString().equals(f.victim()))
        .findFirst().orElseThrow().get("id").asString();

    CliRun undo = f.contain("--undo", suspendId, "--yes");

    assertThat(undo.code()).as(undo.out() + undo.err()).isZero();
    assertThat(f.sim.tenant().user(f.victim()).orElseThrow().path("status").asString()).isEqualTo("ACTIVE");
    assertThat(f.journalLines()).anyMatch(l -> "undone".equals(l.path("status").asString())
        && suspendId.equals(l.path("id").asString()));
    assertThat(f.contain("--undo", "a1", "--yes").err()).contains("no undo");
  }

  @Test
  void aChangedSubjectIsRefusedBeforeAnyCall() throws Exception {
    assertThat(f.contain().code()).isZero();
    Path plan = f.caseDir.resolve("plan.json");
    Files.writeString(plan, Files.readString(plan).replace("\"login\" : \"alex@contoso.com\"", "\"login\" : \"someone@contoso.com\""));

    CliRun run = f.contain("--apply", "--yes");

    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).contains("no longer matches");
    assertThat(f.sim.journal().mutating()).isEmpty();
  }

  @Test
  void aFailedKillSwitchStopsTheSuspendWhileIndependentActionsContinue() {
    f.close();
    f = new ContainFixture(dir.resolve("scoped"), Runs.CLOCK, b -> b.grantedScopes(java.util.Set.of(
        "okta.users.read", "okta.apps.read", "okta.roles.read", "okta.apiTokens.read", "okta.apiTokens.manage",
        "okta.logs.read")));
    Map<String, String> env = Map.of("OKTA_CLIENT_ORGURL", f.sim.baseUrl(), "OKTA_CLIENT_AUTHORIZATIONMODE", "PrivateKey",
        "OKTA_CLIENT_CLIENTID", f.sim.oauthClientId(), "OKTA_CLIENT_PRIVATEKEY", f.sim.privateKeyPem().toString(),
        "OKTA_CLIENT_SCOPES", "okta.users.read okta.apps.read okta.roles.read okta.apiTokens.read okta.apiTokens.manage okta.logs.read");

    CliRun run = f.contain(env, "--apply", "--yes");

    assertThat(run.code()).as(run.out() + run.err()).isEqualTo(5);
    List<RequestJournal.Entry> m = f.sim.journal().mutating();
    assertThat(m).noneMatch(e -> e.path().endsWith("/lifecycle/suspend"));
    assertThat(m).anyMatch(e -> e.path().endsWith("/sessions") && e.status() == 403);
    assertThat(f.sim.tenant().apiTokens().stream().map(t -> t.path("id").asString()))
        .doesNotContainAnyElementsOf(f.seed.story().rogueApiTokenIds());
    assertThat(run.out()).contains("not run").contains("Not done:").contains("run the same command again");
    assertThat(f.journalLines()).anyMatch(l -> "not-run".equals(l.path("status").asString())
        && "suspend-user".equals(l.path("action").asString()));
  }

  private static JsonNode first(List<JsonNode> lines, String action, String targetId) {
    return lines.stream().filter(l -> l.get("action").asString().equals(action)
        && l.get("target").get("id").asString().equals(targetId)).findFirst().orElseThrow();
  }

  private static List<String> ids(List<JsonNode> lines, String action) {
    return lines.stream().filter(l -> l.get("action").asString().equals(action))
        .map(l -> l.get("target").get("id").asString()).toList();
  }

  private static int indexOf(List<RequestJournal.Entry> m, String method, String path) {
    for (int i = 0; i < m.size(); i++) {
      if (m.get(i).method().equals(method) && m.get(i).path().equals(path)) {
        return i;
      }
    }
    return -1;
  }

  private static long count(List<LogEvent> log, String eventType, String targetId) {
    return log.stream().filter(e -> e.eventType().equals(eventType))
        .filter(e -> e.targets().stream().anyMatch(t -> targetId.equals(t.id()))).count();
  }
}
