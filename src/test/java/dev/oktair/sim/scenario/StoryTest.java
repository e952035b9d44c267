package dev.oktair.sim.scenario;

import static dev.oktair.sim.scenario.ScenarioFixture.actor;
import static dev.oktair.sim.scenario.ScenarioFixture.app;
import static dev.oktair.sim.scenario.ScenarioFixture.events;
import static dev.oktair.sim.scenario.ScenarioFixture.fromAttacker;
import static dev.oktair.sim.scenario.ScenarioFixture.hasTarget;
import static dev.oktair.sim.scenario.ScenarioFixture.seed;
import static dev.oktair.sim.scenario.ScenarioFixture.type;
import static dev.oktair.sim.scenario.ScenarioFixture.userId;
import static org.assertj.core.api.Assertions.assertThat;

import dev.oktair.events.LogEvent;
import dev.oktair.sim.TenantSeed.Story;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The story's ground truth agrees with the events and with the tenant state, step by step. */
class StoryTest {
  private static final String ALEX = "alex@contoso.com";

  private static Story story() {
    return seed().story();
  }

  private static Set<String> ids(List<JsonNode> nodes) {
    return nodes.stream().map(n -> n.path("id").asString()).collect(Collectors.toSet());
  }

  @Test
  void storyNamesTheVictimsTheAttackerInfrastructureAndTheStart() {
    assertThat(story().victimLogin()).isEqualTo(ALEX);
    assertThat(story().otherVictimLogins()).containsExactly("jordan.rivera@contoso.com");
    assertThat(story().attackerIps()).containsExactly("159.223.47.186", "146.70.199.42");
    assertThat(story().attackerAsns()).containsExactly(14061L, 9009L);
    assertThat(story().attackStart()).isBefore(ScenarioFixture.ANCHOR.minusSeconds(2 * 86_400));
    Instant first = events(fromAttacker()).get(0).published();
    assertThat(first).isEqualTo(story().attackStart());
    assertThat(story().victimIps()).doesNotContainAnyElementsOf(story().attackerIps());
    // Alex's own sign-ins come from the victim IPs, before and after the attack.
    List<LogEvent> own = events(type("user.session.start").and(actor(ALEX)).and(fromAttacker().negate()));
    assertThat(own).isNotEmpty().allSatisfy(e -> assertThat(story().victimIps()).contains(e.client().ipAddress()));
  }

  @Test
  void threatInsightFlaggedEachAttackerIpAsAnIpAddressActor() {
    List<LogEvent> threats = events(type("security.threat.detected"));
    assertThat(threats).extracting(e -> e.actor().id()).containsExactlyElementsOf(story().attackerIps());
    assertThat(threats).allSatisfy(e -> {
      assertThat(e.actor().type()).isEqualTo("IP address");
      assertThat(e.debugData("threatSuspected")).isEqualTo("true");
    });
  }

  @Test
  void theAitmSignInCameThroughAProxyAsANewDeviceAndThePolicyLetItIn() {
    LogEvent start = events(type("user.session.start").and(actor(ALEX)).and(fromAttacker())).get(0);
    assertThat(start.security().isProxy()).isTrue();
    assertThat(start.security().asNumber()).isEqualTo(14061L);
    assertThat(start.debugData("threatSuspected")).isEqualTo("true");
    assertThat(start.debugData("logOnlySecurityData")).contains("\"New Device\":\"POSITIVE\"", "\"level\":\"HIGH\"");
    assertThat(start.outcome().result()).isEqualTo("SUCCESS");
    String session = start.externalSessionId();
    List<LogEvent> allowed = events(type("policy.evaluate_sign_on").and(fromAttacker()).and(actor(ALEX))
        .and(e -> "ALLOW".equals(e.outcome().result())));
    assertThat(allowed).isNotEmpty().allSatisfy(e -> {
      assertThat(e.debugData("threatSuspected")).isEqualTo("true");
      assertThat(e.debugData("behaviors")).contains("New IP=POSITIVE", "New Device=POSITIVE", "New Geo-Location=POSITIVE");
      assertThat(e.debugData("risk")).contains("level=HIGH");
    });
    // The user agent and device hash are new for Alex.
    Set<String> ownHashes = events(actor(ALEX).and(fromAttacker().negate())).stream()
        .map(e -> e.debugData("dtHash")).collect(Collectors.toSet());
    assertThat(ownHashes).doesNotContain(start.debugData("dtHash"));
    assertThat(session).startsWith("idx");
  }

  @Test
  void everyRogueFactorIsAlexsAndWasEnrolledFromAnAttackerIp() {
    Set<String> alexFactors = ids(seed().factors().get(userId(ALEX)));
    assertThat(story().rogueFactorIds()).hasSize(2);
    for (String id : story().rogueFactorIds()) {
      assertThat(alexFactors).contains(id);
      assertThat(events(type("user.mfa.factor.activate").and(fromAttacker()).and(e -> hasTarget(e, id)))).hasSize(1);
    }
  }

  @Test
  void theSecurityKeyAndTheOldPhoneAreGoneAndTheNewPhoneIsTheAttackers() {
    List<JsonNode> factors = seed().factors().get(userId(ALEX));
    assertThat(factors).extracting(f -> f.path("factorType").asString()).doesNotContain("webauthn");
    List<LogEvent> removed = events(type("user.mfa.factor.deactivate").and(actor(ALEX)).and(fromAttacker()));
    assertThat(removed).extracting(e -> e.outcome().reason())
        .containsExactly("User reset FIDO_WEBAUTHN factor", "User reset SMS_FACTOR factor");
    for (LogEvent e : removed) {
      String factorId = e.targets().get(1).id();
      assertThat(ids(factors)).doesNotContain(factorId);
    }
    JsonNode sms = factors.stream().filter(f -> "sms".equals(f.path("factorType").asString())).findFirst().orElseThrow();
    assertThat(sms.path("profile").path("phoneNumber").asString()).isEqualTo("+447700900461");
    assertThat(story().rogueFactorIds()).contains(sms.path("id").asString());
  }

  @Test
  void selfServiceAssignmentAndGroupAddShowInEventsAndState() {
    JsonNode github = app("GitHub Enterprise Cloud");
    JsonNode appUser = seed().appUsers().get(github.path("id").asString()).stream()
        .filter(u -> u.path("id").asString().equals(userId(ALEX))).findFirst().orElseThrow();
    assertThat(appUser.path("scope").asString()).isEqualTo("USER");
    assertThat(Instant.parse(appUser.path("created").asString())).isAfter(story().attackStart());
    assertThat(events(type("application.user_membership.add").and(actor(ALEX)).and(fromAttacker())
        .and(e -> hasTarget(e, github.path("id").asString())))).hasSize(1);

    JsonNode aws = app("AWS Account Federation");
    JsonNode awsUser = seed().appUsers().get(aws.path("id").asString()).stream()
        .filter(u -> u.path("id").asString().equals(userId(ALEX))).findFirst().orElseThrow();
    assertThat(awsUser.path("scope").asString()).isEqualTo("GROUP");
    assertThat(awsUser.path("_links").path("group").path("name").asString()).isEqualTo("AWS-Prod-Admins");
    String groupId = seed().groups().stream().filter(g -> "AWS-Prod-Admins".equals(g.path("profile").path("name").asString()))
        .findFirst().orElseThrow().path("id").asString();
    assertThat(seed().groupMembers().get(groupId)).contains(userId(ALEX));
    assertThat(events(type("group.user_membership.add").and(fromAttacker()).and(e -> hasTarget(e, groupId)))).hasSize(1);
  }

  @Test
  void consentGrantsRefreshTokenAndApiTokenAreInTheStateAndTheLog() {
    String alexId = userId(ALEX);
    assertThat(ids(seed().grants().get(alexId))).containsAll(story().rogueGrantIds());
    assertThat(story().rogueGrantIds()).hasSize(7);
    for (String grant : story().rogueGrantIds()) {
      assertThat(events(type("app.oauth2.as.consent.grant").and(fromAttacker())
          .and(e -> grant.equals(e.debugData("consentGrantId"))))).hasSize(1);
    }
    assertThat(seed().refreshTokens().get(alexId)).anySatisfy(t -> {
      assertThat(Instant.parse(t.path("created").asString())).isAfter(story().attackStart());
      assertThat(t.path("scopes").toString()).contains("offline_access", "okta.groups.manage");
    });
    String token = story().rogueApiTokenIds().get(0);
    JsonNode apiToken = seed().apiTokens().stream().filter(t -> token.equals(t.path("id").asString())).findFirst().orElseThrow();
    assertThat(apiToken.path("userId").asString()).isEqualTo(alexId);
    assertThat(apiToken.path("network").path("connection").asString()).isEqualTo("ANYWHERE");
    LogEvent created = events(type("system.api_token.create").and(fromAttacker())).get(0);
    assertThat(created.targets().get(0).id()).isEqualTo(token);
    assertThat(created.debugData("networkConnection")).isEqualTo("ANYWHERE");
    assertThat(events(e -> token.equals(e.text("transaction.detail.requestApiTokenId")))).isNotEmpty()
        .allSatisfy(e -> assertThat(story().attackerIps()).contains(e.client().ipAddress()));
  }

  @Test
  void passwordChangeLocksAlexOutOfTheirOwnAccount() {
    LogEvent change = events(type("user.account.update_password").and(actor(ALEX)).and(fromAttacker())).get(0);
    assertThat(ScenarioFixture.user(ALEX).path("passwordChanged").asString()).isEqualTo(change.publishedText());
    assertThat(events(type("user.session.start").and(actor(ALEX)).and(fromAttacker().negate())
        .and(e -> e.published().isAfter(change.published())))).isNotEmpty().allSatisfy(e ->
        assertThat(e.outcome().result()).isEqualTo("FAILURE"));
  }

  @Test
  void attackerSsoReachesTheDownstreamAppsInsideTheStolenSession() {
    LogEvent start = events(type("user.session.start").and(actor(ALEX)).and(fromAttacker())).get(0);
    List<LogEvent> sso = events(type("user.authentication.sso").and(actor(ALEX)).and(fromAttacker()));
    assertThat(sso).extracting(e -> e.targets().get(0).displayName()).startsWith("Office 365", "Salesforce.com",
        "AWS Account Federation", "Slack", "GitHub Enterprise Cloud");
    assertThat(sso).allSatisfy(e -> {
      assertThat(e.externalSessionId()).isEqualTo(start.externalSessionId());
      assertThat(e.rootSessionId()).isEqualTo(start.rootSessionId());
    });
  }

  @Test
  void theStolenSessionIsReplayedFromASecondExitAndAnotherDevice() {
    String session = events(type("user.session.start").and(actor(ALEX)).and(fromAttacker())).get(0).externalSessionId();
    List<LogEvent> inSession = events(e -> session.equals(e.externalSessionId()));
    assertThat(inSession.stream().map(e -> e.client().ipAddress()).distinct()).containsExactlyInAnyOrderElementsOf(
        story().attackerIps());
    assertThat(inSession.stream().map(e -> e.security().asNumber()).distinct()).hasSize(2);
    assertThat(inSession.stream().map(e -> e.debugData("dtHash")).distinct().count()).isGreaterThan(1);
  }

  @Test
  void theRulesThatLetTheAttackerInAreThePolicyGapsOfTheScenarioFile() {
    Set<String> gaps = new java.util.HashSet<>();
    seed().policyRules().forEach((policy, rules) -> rules.forEach(r -> {
      boolean gap = Scenarios.spec(Scenarios.DEFAULT).security().policies().stream().flatMap(p -> p.rules().stream())
          .anyMatch(spec -> spec.gap() && spec.name().equals(r.path("name").asString()));
      if (gap) {
        assertThat(r.path("conditions").path("riskScore").path("level").asString()).isEqualTo("ANY");
        gaps.add(r.path("id").asString());
      }
    }));
    List<LogEvent> evaluations = events(type("policy.evaluate_sign_on").and(actor(ALEX)).and(fromAttacker()));
    assertThat(evaluations).isNotEmpty().allSatisfy(e -> assertThat(e.targets()).anySatisfy(t -> {
      assertThat(t.type()).isEqualTo("PolicyRule");
      assertThat(gaps).contains(t.id());
    }));
    assertThat(seed().threatInsight().path("action").asString()).isEqualTo("audit");
  }

  @Test
  void secondVictimWasPushBombedFromTheSameInfrastructureThenGaveIn() {
    String jordan = "jordan.rivera@contoso.com";
    List<LogEvent> mfa = events(type("user.authentication.auth_via_mfa").and(actor(jordan)).and(fromAttacker()));
    assertThat(mfa).extracting(e -> e.outcome().result())
        .containsExactly("UNANSWERED", "UNANSWERED", "FAILURE", "FAILURE", "FAILURE", "FAILURE", "SUCCESS");
    assertThat(events(type("user.mfa.okta_verify.deny_push").and(actor(jordan)).and(fromAttacker()))).hasSize(4)
        .allSatisfy(e -> assertThat(e.debugData("pushOnlyResponseType")).isEqualTo("OV_RESPONSE_DENY"));
    LogEvent success = events(type("user.session.start").and(actor(jordan)).and(fromAttacker())).get(0);
    assertThat(success.outcome().result()).isEqualTo("SUCCESS");
    assertThat(success.published()).isAfter(mfa.get(5).published());
    assertThat(success.client().ipAddress()).isEqualTo("146.70.199.42");
  }

  @Test
  void backgroundChangesLookLikeTheAttackButComeFromKnownPlaces() {
    // The noise a detection must tell apart: factor and membership changes from home or office.
    List<LogEvent> benign = events(type("user.mfa.factor.activate").or(type("group.user_membership.add"))
        .and(fromAttacker().negate()));
    assertThat(benign).hasSizeGreaterThanOrEqualTo(3).allSatisfy(e -> {
      assertThat(e.security().isProxy()).isFalse();
      assertThat(e.debugData("threatSuspected")).isEqualTo("false");
    });
  }
}
