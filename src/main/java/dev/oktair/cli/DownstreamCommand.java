package dev.oktair.cli;

import dev.oktair.downstream.AppAccess;
import dev.oktair.downstream.Downstream;
import dev.oktair.downstream.DownstreamConfig;
import dev.oktair.downstream.Impact;
import dev.oktair.downstream.PlannedAction;
import dev.oktair.events.Times;
import dev.oktair.okta.OktaClient;
import dev.oktair.okta.OktaConfig;
import dev.oktair.store.CaseDatabase;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import dev.oktair.cases.Case;
import dev.oktair.cases.CaseInfo;
import dev.oktair.cases.CompromiseWindow;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code okta-ir downstream}: the downstream impact map of a subject, read-only. Every app the
 * subject reached (SSO in the case) or holds (Okta assignments), the SP behind it, who the subject
 * is there, and what revokes what the SP issued; {@code contain} applies it.
 */
@Command(
    name = "downstream",
    description = {
      "Print what to revoke at each app's service provider.",
      "The downstream impact map: per app the subject reached or holds, its service provider, the SP-side"
          + " identity, the last access, and what each revocation kills and what survives it.",
      "Okta's own revocation does not reach sessions and tokens the apps issued. Apps come from the case's"
          + " user.authentication.sso events and the subject's current Okta assignments; the SP identity comes from"
          + " the Okta app user (credentials.userName, profile.samlRoles), never from the Okta login. Read-only: nothing"
          + " is revoked here ('contain' does it)."
    },
    footer = {"", "Exit status: 0; 2 on bad input; 3 on a configuration or credentials problem; 4 when Okta fails."})
final class DownstreamCommand extends BaseCommand {
  private static final List<String> SCOPES = List.of("okta.users.read", "okta.apps.read");

  @Mixin CaseOption caseOption;

  @Option(names = "--user", paramLabel = "LOGIN",
      description = "The subject's Okta login (default: the case's first subject, from investigate).")
  String user;

  @Option(names = "--since", paramLabel = "TIME",
      description = "Start of the window (default: the case's compromise window, from investigate).")
  String since;

  @Option(names = "--until", paramLabel = "TIME", description = "End of the window (exclusive; default: the case's window).")
  String until;

  @Mixin OktaOptions okta;
  @Mixin DownstreamOptions downstream;
  @Mixin JsonOption json;

  @Override
  protected ExitCode execute() {
    Path caseDir = caseOption.dir();
    CaseInfo info = Case.read(caseDir, ctx.clock()).info();
    String subject = user != null ? user : info.subjects().stream().findFirst().orElseThrow(() ->
        ExitException.usage("the case names no subject yet: give --user LOGIN, or run investigate first"));
    CompromiseWindow window = info.window();
    Instant from = since != null ? Times.parseBound(since, ctx.clock()) : window == null ? null : window.start();
    Instant to = until != null ? Times.parseBound(until, ctx.clock()) : window == null ? null : window.end();
    DownstreamConfig connectors = downstream.config(ctx);
    OktaConfig config = okta.config(ctx, SCOPES);
    if (verbose) {
      info("connectors: " + connectors);
    }
    CaseDatabase db = CaseDatabase.open(caseDir, ctx.clock());
    LoadCommand.noteLoadedOnOpen(this, db);
    OktaClient client = okta.client(ctx, config, false);
    List<AppAccess> apps = DownstreamApps.collect(db, client, subject, from, to);
    List<Impact> map = Downstream.impactMap(apps, connectors.configured());
    if (json.json) {
      map.forEach(i -> ctx.out().println(json(i)));
    } else {
      print(map);
    }
    ctx.out().flush();
    return ExitCode.OK;
  }

  /** Returns one impact as the documented JSON object. */
  static ObjectNode json(Impact i) {
    return Downstream.toJson(i);
  }

  private void print(List<Impact> map) {
    if (map.isEmpty()) {
      ctx.out().println("no apps: no SSO in the case and no current assignments for " + TerminalText.neutralise(user));
      return;
    }
    for (Impact i : map) {
      String who = i.spIdentity() == null ? "unknown (not assigned now)" : i.spIdentity().userName()
          + (i.spIdentity().roles().isEmpty() ? "" : " roles " + String.join(", ", i.spIdentity().roles()));
      ctx.out().println(TerminalText.neutralise(i.app().label()) + "  [" + i.app().appId() + ", "
          + (i.app().name() == null ? "?" : TerminalText.neutralise(i.app().name())) + "]  SP: "
          + (i.sp() == null ? "none (manual)" : i.sp()));
      ctx.out().println("  identity     " + TerminalText.neutralise(who));
      ctx.out().println("  last access  " + (i.lastAccess() == null ? "not in the window" : i.lastAccess()));
      for (PlannedAction a : i.actions()) {
        ctx.out().println("  " + (a.manual() ? "[manual] " : a.optIn() ? "[opt-in] " : "[auto]   ") + TerminalText.neutralise(a.action()));
        ctx.out().println("           kills:    " + a.kills());
        ctx.out().println("           survives: " + a.survives());
      }
      ctx.out().println();
    }
  }
}
