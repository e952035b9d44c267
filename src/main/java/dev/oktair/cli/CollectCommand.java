package dev.oktair.cli;

import dev.oktair.events.Times;
import dev.oktair.events.Window;
import dev.oktair.cases.Case;
import dev.oktair.cases.CollectWindow;
import dev.oktair.collect.CollectRequest;
import dev.oktair.collect.CollectResult;
import dev.oktair.collect.Collector;
import dev.oktair.collect.Subject;
import dev.oktair.events.Json;
import dev.oktair.events.filter.EventFilter;
import dev.oktair.evidence.EvidenceStore;
import dev.oktair.forward.Forwarder;
import dev.oktair.forward.SinkFormat;
import dev.oktair.http.Secret;
import dev.oktair.okta.OktaClient;
import dev.oktair.okta.OktaConfig;
import dev.oktair.okta.Sleeper;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import tools.jackson.databind.node.ObjectNode;

/** {@code okta-ir collect}: a subject's System Log events from a live org into the case's evidence. */
@Command(
    name = "collect",
    description = {
      "Collect an org's System Log into the case's evidence.",
      "Events are kept byte-exact as JSONL. The window is split into time slices fetched concurrently within the"
          + " org's rate limits; an interrupted run resumes when re-run with the same arguments. --follow tails the"
          + " log live until Ctrl-C.",
      "Credentials: OKTA_CLIENT_TOKEN (SSWS) or a service app (see --auth-mode); the token is read from the"
          + " environment or ~/.okta/okta.yaml only, never from a flag."
    },
    footer = {"", "Times: ISO-8601 (2024-06-14T09:00:00Z, 2024-06-14) or an age (90m, 36h, 7d, 2w).",
      "Exit status: 0; 2 on a bad option, filter or unknown user; 3 on missing or rejected credentials;"
          + " 4 when Okta fails after retries (or sends over 1000 events, or 64 MiB, that are not System Log"
          + " evidence); 6 when some events were not evidence (sealed without them, quarantined with the reason);"
          + " 130 on Ctrl-C: re-run the same command to resume.",
      "", "Examples:",
      "  okta-ir collect --case case-alex --user alex@example.com --since 30d",
      "  okta-ir collect --case case-alex --ip 203.0.113.9 --since 2024-06-01",
      "  okta-ir collect --case case-alex --all --follow --forward \\",
      "      https://splunk.example.com:8088/services/collector/event"})
final class CollectCommand extends BaseCommand {
  private static final String FORWARD_TOKEN = "OKTAIR_FORWARD_TOKEN";
  private static final List<String> SCOPES = List.of("okta.logs.read", "okta.users.read");

  @Mixin CaseOption caseDir;

  @Option(names = "--user", paramLabel = "LOGIN", description = "A user (login or id), as actor or as target. Repeatable.")
  List<String> users = new ArrayList<>();

  @Option(names = "--ip", paramLabel = "IP", description = "Events from this client IP, tenant-wide. Repeatable.")
  List<String> ips = new ArrayList<>();

  @Option(names = "--session", paramLabel = "ID", description = "Events of this externalSessionId. Repeatable.")
  List<String> sessions = new ArrayList<>();

  @Option(names = "--asn", paramLabel = "N", description = "Events from this autonomous system. Repeatable.")
  List<Long> asns = new ArrayList<>();

  @Option(names = "--filter", paramLabel = "EXPR", description = "An Okta filter expression, sent as given.")
  String filter;

  @Option(names = "--all", description = "Every event of the tenant (instead of a subject).")
  boolean all;

  @Option(names = "--since", paramLabel = "TIME", description = "Window start: ISO-8601 or an age (7d, 36h). Required unless --follow.")
  Converters.TimeArg since;

  @Option(names = "--until", paramLabel = "TIME", description = "Window end (exclusive; default: now).")
  Converters.TimeArg until;

  @Option(names = "--follow", description = "Tail the log live (polling) until Ctrl-C, then seal what was collected.")
  boolean follow;

  @Option(names = "--forward", paramLabel = "URL",
      description = "With --follow, send each new event to a SIEM as it arrives: Splunk HEC"
          + " (https://HOST:8088/services/collector/event), Elastic _bulk (https://HOST:9200/INDEX/_bulk) or any"
          + " HTTPS endpoint taking a JSON array. The token comes from OKTAIR_FORWARD_TOKEN only. A checkpoint in"
          + " the case's forward/ lets a restart resume without loss or repeat; a batch cut off by a crash is sent"
          + " again with each event's uuid as its key (HEC field okta_uuid, Elastic _id) for the sink to deduplicate.")
  URI forward;

  @Option(names = "--forward-format", paramLabel = "FORMAT",
      description = "hec, bulk or json (default: from the --forward URL's path).")
  SinkFormat forwardFormat;

  @Option(names = "--poll-interval", paramLabel = "DURATION", defaultValue = "15s",
      description = "With --follow, how long to wait after an empty page (default: ${DEFAULT-VALUE}).")
  Duration pollInterval;

  @Option(names = "--slices", paramLabel = "N", defaultValue = "4",
      description = "Time slices collected concurrently (1 = sequential paging; default: ${DEFAULT-VALUE}).")
  int slices;

  @Mixin OktaOptions okta;
  @Mixin JsonOption json;

  @Override
  protected ExitCode execute() {
    if (filter != null) {
      // The local parser has Okta's grammar: a typo is a usage error with a caret, not a 400 after the slices start.
      EventFilter.parse(filter);
      FilterFields.warnings(filter).forEach(w -> info("warning: " + w));
    }
    ips.forEach(ip -> IpArg.check("--ip", ip));
    boolean any = !users.isEmpty() || !ips.isEmpty() || !sessions.isEmpty() || !asns.isEmpty() || filter != null;
    if (all == any) {
      throw ExitException.usage(all
          ? "--all collects the whole tenant: do not combine it with --user, --ip, --session, --asn or --filter"
          : "say whose events to collect: --user LOGIN, --ip IP, --session ID, --asn N, --filter EXPR, or --all");
    }
    Subject subject = new Subject(users, ips, sessions, asns, filter, all);
    CollectRequest request = follow ? null : request(subject);
    if (forward == null && forwardFormat != null || forward != null && !follow) {
      throw ExitException.usage("--forward URL (and --forward-format) go with --follow");
    }
    Forwarder.Target target = forward == null ? null : target();
    if (follow && until != null) {
      throw ExitException.usage("--follow tails the log from --since on; it takes no --until");
    }
    OktaConfig config = okta.config(ctx, SCOPES);
    if (verbose) {
      info("using " + config);
    }
    Case kase = caseDir.create(ctx);
    kase.setOrgUrl(config.orgUrl().toString());
    kase.addSubjects(users);
    EvidenceStore store = EvidenceStore.open(kase.paths(), ctx.clock());
    try (CollectProgress progress = new CollectProgress(ctx.err(), ctx.clock(), ctx.interactive())) {
      OktaClient client = okta.client(ctx, config, false, new WaitingSleeper(Sleeper.system(), progress::waiting));
      Collector collector = CrashHook.install(ctx,
          new Collector(client, store, ctx.clock(), Sleeper.system(), progress));
      if (!follow) {
        // Recorded once the window is fixed: a resumed run records the window it continues.
        CollectResult result = collector.collect(request,
            (from, to) -> kase.setCollection(CollectWindow.of(text(since), text(until), from, to)));
        progress.close();
        report(store, result);
        return result.rejected() > 0 ? ExitCode.INPUT_REJECTED : ExitCode.OK;
      }
      Forwarder forwarder = target == null ? null
          : Forwarder.open(target, kase.paths(), text(since), since == null ? ctx.clock().instant() : since.at(),
              ctx.clock(), Sleeper.system());
      CollectResult result = follow(collector, subject, forwarder, stopOnInterrupt());
      progress.close();
      report(store, result);
      if (forwarder != null) {
        info(forwarder.forwarded() + " events forwarded to " + forward + " in all (checkpoint "
            + store.caseDir().relativize(forwarder.checkpointFile()) + ")");
      }
      return result.rejected() > 0 ? ExitCode.INPUT_REJECTED : ExitCode.OK;
    }
  }

  private CollectRequest request(Subject subject) {
    if (since == null) {
      throw ExitException.usage("--since is required (e.g. --since 30d), unless --follow");
    }
    Instant from = since.at();
    Instant to = until == null ? ctx.clock().instant() : until.at();
    // An age is taken before now on a clock read a moment before --until's default "now": "0d"
    // ends microseconds after it starts. Under a second is no window to collect.
    if (Duration.between(from, to).compareTo(Duration.ofSeconds(1)) < 0) {
      throw ExitException.usage("the window is empty: --until (" + Times.format(to) + ") must be after --since (" + Times.format(from) + ")"
          + (since.text().matches("0+[a-z]+") ? "; --since " + since.text() + " is now, give an age such as 7d" : ""));
    }
    if (slices < 1 || slices > CollectRequest.MAX_SLICES) {
      throw ExitException.usage("--slices must be 1 to " + CollectRequest.MAX_SLICES + ", not " + slices);
    }
    String key = String.join("\u0000", "users=" + users, "ips=" + ips, "sessions=" + sessions, "asns=" + asns,
        "filter=" + filter, "all=" + all, "since=" + text(since), "until=" + text(until), "slices=" + slices);
    return new CollectRequest(subject, from, to, slices, key);
  }

  /** Follows until Ctrl-C, then seals what it has; forwards each new event when asked to. */
  private CollectResult follow(Collector collector, Subject subject, Forwarder forwarder, StopOnInterrupt stop) {
    if (forwarder == null) {
      Instant from = since == null ? ctx.clock().instant() : since.at();
      info("following the System Log from " + Times.format(from) + "; Ctrl-C stops and seals what was collected");
      return collector.follow(subject, from, pollInterval, stop::requested);
    }
    info((forwarder.resumed() ? "resuming: " + forwarder.forwarded() + " events already forwarded; " : "")
        + "following the System Log from " + Times.format(forwarder.since()) + " and forwarding to " + forward
        + "; Ctrl-C stops and seals what was collected, re-run to resume");
    return collector.follow(subject, forwarder.since(), pollInterval, stop::requested, forwarder::forward);
  }

  private Forwarder.Target target() {
    SinkFormat format = forwardFormat != null ? forwardFormat : SinkFormat.of(forward);
    String token = ctx.env().get(FORWARD_TOKEN);
    if (token == null && format != SinkFormat.JSON) {
      throw ExitException.usage("set " + FORWARD_TOKEN + " to the " + (format == SinkFormat.HEC ? "HEC token" : "API key")
          + " of " + forward + " (it is read from the environment only, never from a flag)");
    }
    return new Forwarder.Target(forward, format, Secret.of(token));
  }

  private void report(EvidenceStore store, CollectResult r) {
    String file = store.caseDir().relativize(store.pathOf(r.evidence())).toString();
    if (json.json) {
      ObjectNode o = Json.MAPPER.createObjectNode();
      o.put("events", r.events());
      o.put("pages", r.pages());
      o.put("slices", r.slices());
      o.put("seconds", r.seconds());
      o.put("evidence", file);
      o.put("sha256", r.evidence().sha256());
      o.put("resumed", r.resumed());
      o.put("rejected", r.rejected());
      o.put("quarantine", r.quarantine() == null ? null : r.quarantine().toString());
      ctx.out().println(o);
    } else {
      ctx.out().printf(Locale.ROOT, "collected %d events (%d pages, %d slices, %.1f s) into %s%nsha256 %s%n",
          r.events(), r.pages(), r.slices(), r.seconds(), file, r.evidence().sha256());
      if (r.rejected() > 0) {
        ctx.out().printf(Locale.ROOT, "Rejected %d events the server sent that are not System Log evidence (sealed"
            + " without them); quarantined with the reasons in %s%n", r.rejected(), r.quarantine());
      }
    }
  }

  private static String text(Converters.TimeArg arg) {
    return arg == null ? null : arg.text();
  }
}
