package dev.oktair.cli;

import dev.oktair.events.RejectedLine;
import dev.oktair.events.Times;
import dev.oktair.sim.FaultSpec;
import dev.oktair.sim.LogTenant;
import dev.oktair.sim.OktaSimulator;
import dev.oktair.sim.RateLimits;
import dev.oktair.sim.SimulatorOptions;
import dev.oktair.sim.TenantSeed;
import dev.oktair.sim.scenario.Scenarios;
import dev.oktair.sim.sp.SpFakes;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code okta-ir simulate}: serves a simulated Okta tenant on 127.0.0.1 until Ctrl-C (or until
 * its thread is interrupted), printing how to connect; or, with {@code --generate}, writes
 * benchmark events instead.
 */
@Command(
    name = "simulate",
    description = {
      "Serve a simulated Okta tenant on 127.0.0.1 until Ctrl-C.",
      "System Log and Management API, plus fake service providers (Graph, Google, Salesforce, AWS IAM, Slack,"
          + " GitHub). Prints the org URL, a local API token (SSWS), the OAuth service app's client id and private key,"
          + " and the OKTAIR_* connector settings that point at the fakes. With --from-log FILE, the tenant is the one"
          + " a System Log file shows, serving the file's events (rehearse on your own export)."
          + " With --generate N --out FILE, write N realistic events as JSONL instead."
    })
final class SimulateCommand extends BaseCommand {
  @Option(names = "--port", paramLabel = "N", description = "Port to listen on; 0 picks a free one (default).")
  int port;

  @Option(names = "--scenario", paramLabel = "NAME", description = "Scenario to seed the tenant with (default: ${DEFAULT-VALUE}).")
  String scenario = Scenarios.DEFAULT;

  @Option(names = "--from-log", paramLabel = "FILE",
      description = "Seed the tenant from a System Log file (JSONL, a JSON array, gzip; read as import reads it) instead"
          + " of a scenario: the users, apps, groups and API tokens its events show (a login with several ids belongs"
          + " to the id seen last), assignments and memberships from its events, and the events as the System Log,"
          + " served from the file, which must not change meanwhile. Lines that are not events are reported as"
          + " FILE:LINE and skipped. When the log began over 90 days ago, the org's clock stands a minute after its"
          + " newest event, so every event is within Okta's retention; use the SSWS token then (the service app's"
          + " assertions are judged by that clock).")
  Path fromLog;

  @Option(names = "--faults", paramLabel = "SPEC",
      description = "Faults to inject, e.g. 429=0.1,500=0.05,503=0.01,reset=0.02,applied-reset=0.01,latency=150ms,"
          + "jitter=50ms,token=false. reset drops the connection before acting; applied-reset makes the change"
          + " (POST/PUT/DELETE) and then drops the connection without answering; poison=0.01 serves that share of"
          + " System Log events with a lone surrogate escape or a repeated key (a hostile server).")
  String faults;

  @Option(names = "--seed", paramLabel = "N", description = "Seed for the scenario and the faults (default: ${DEFAULT-VALUE}).")
  long seed = 1;

  @Option(names = "--require-dpop", description = "Require DPoP-bound tokens for the OAuth service app.")
  boolean requireDpop;

  @Option(names = "--logs-rate-limit", paramLabel = "N",
      description = "Requests per minute allowed on /api/v1/logs (default: Okta Workforce's 120).")
  Integer logsRateLimit;

  @Option(names = "--key-dir", paramLabel = "DIR",
      description = "Keep the service app's private key here (RSA 2048, reused across runs); default: a temporary"
          + " directory, with an EC P-256 key (ES256).")
  Path keyDir;

  @Option(names = "--journal", paramLabel = "FILE",
      description = "Write every request served as JSONL (method, path, query, status, time, requestId, service); no secrets.")
  Path journal;

  @Option(names = "--generate", paramLabel = "N", description = "Write N generated events to --out and exit.")
  Long generate;

  @Option(names = "--out", paramLabel = "FILE", description = "Where --generate writes (JSONL).")
  Path out;

  @Mixin JsonOption json;

  @Override
  protected ExitCode execute() throws Exception {
    if (generate != null) {
      if (fromLog != null) {
        throw ExitException.usage("--generate writes events; --from-log serves them: give one of them");
      }
      return generateEvents();
    }
    if (fromLog != null) {
      if (spec.commandLine().getParseResult().hasMatchedOption("--scenario")) {
        throw ExitException.usage("--from-log seeds the tenant from the file: leave out --scenario");
      }
      LogTenant.Result log = readLog();
      Clock clock = clockFor(log);
      String title = "System Log " + fromLog + " (" + log.events() + " events"
          + (log.first() == null ? "" : ", " + Times.format(log.first()) + " to " + Times.format(log.last())) + ")";
      String victim = log.seed().story().victimLogin();
      return serve(options(clock), () -> victim, CompletableFuture.completedFuture(log.seed()), title);
    }
    try {
      Scenarios.requireKnown(scenario);
    } catch (IllegalArgumentException e) {
      throw ExitException.usage(e.getMessage());
    }
    // Issue 16 (ready in under 2 s): what the first /api/v1/logs waits for comes first. The
    // scenario is read and its history built on a thread of its own, begun before the
    // simulator's key is made on this one; the fake SPs, whose two keys cost as much CPU as the
    // history, start once it is built, and their settings print after the Okta ones.
    CompletableFuture<Scenarios.Later> prepared = new CompletableFuture<>();
    CompletableFuture<TenantSeed> history = new CompletableFuture<>();
    SimulatorOptions options = options(ctx.clock());
    build(prepared, history);
    return serve(options, () -> joined(prepared).victim(), history, "scenario " + scenario + ", seed " + seed);
  }

  /**
   * Serves the tenant {@code history} builds until stopped; {@code victim} names the user the
   * "Try" lines show (a scenario's, as soon as it is prepared, before its history is built).
   */
  private ExitCode serve(SimulatorOptions options, java.util.function.Supplier<String> victim,
      CompletableFuture<TenantSeed> history, String title)
      throws Exception {
    try (OktaSimulator sim = start(options, history)) {
      if (journal != null) {
        try {
          sim.journal().writeTo(journal);
        } catch (UncheckedIOException e) {
          throw ExitException.usage(e.getMessage());
        }
      }
      if (!json.json) {
        printOkta(sim, title, victim.get());
      }
      sim.awaitReady();
      try (SpFakes sps = SpFakes.start(options.clock(), history)) {
        if (journal != null) {
          sps.journal().tap(e -> sim.journal().append(e.toJson()));
        }
        if (json.json) {
          printJson(sim, sps);
        } else {
          printDownstream(sps);
        }
        info("serving on " + sim.baseUrl() + "; press Ctrl-C to stop");
        if (verbose) {
          info(title + " ready: " + sim.events().size() + " System Log events");
        }
        awaitStop();
      }
    }
    info("simulator stopped");
    return ExitCode.OK;
  }

  /** Reads --from-log, each line that is not an event reported as FILE:LINE on stderr (the first 20). */
  private LogTenant.Result readLog() {
    info("reading " + fromLog);
    int[] reported = {0};
    LogTenant.Result log;
    try {
      log = LogTenant.read(fromLog, line -> reportRejected(line, reported));
    } catch (java.nio.file.NoSuchFileException e) {
      throw ExitException.usage("--from-log: no such file " + fromLog);
    } catch (IOException | UncheckedIOException e) {
      throw ExitException.usage("--from-log: cannot read " + fromLog + ": " + e.getMessage());
    }
    if (log.rejected() > 0) {
      ctx.err().println(TerminalText.neutralise(String.format(Locale.ROOT,
          "[okta-ir] warning: %s: %,d lines are not System Log events and were skipped%s", fromLog, log.rejected(),
          log.rejected() > REJECTS_LISTED ? " (the first " + REJECTS_LISTED + " listed)" : "")));
    }
    if (log.events() == 0) {
      throw ExitException.usage("--from-log: " + fromLog + " holds no System Log event");
    }
    info(String.format(Locale.ROOT, "%s: %,d events, %,d users", fromLog, log.events(), log.seed().users().size()));
    return log;
  }

  private static final int REJECTS_LISTED = 20;

  private void reportRejected(RejectedLine line, int[] reported) {
    if (++reported[0] <= REJECTS_LISTED) {
      ctx.err().println(TerminalText.neutralise(line.source() + ":" + line.line() + ": " + line.message()));
    }
  }

  /**
   * The org's clock: the real one, or, when the log began more than Okta's 90-day retention ago,
   * one that stands a minute after the newest event and runs on from there.
   */
  private Clock clockFor(LogTenant.Result log) {
    Clock real = ctx.clock();
    Instant now = real.instant();
    if (log.first() == null || !log.first().isBefore(now.minus(Duration.ofDays(90)))) {
      return real;
    }
    Instant then = log.last().plus(Duration.ofMinutes(1));
    info("the log began over 90 days ago: the org's clock stands at " + Times.format(then));
    return Clock.offset(real, Duration.between(now, then));
  }

  private SimulatorOptions options(Clock clock) {
    FaultSpec faultSpec;
    RateLimits limits = RateLimits.defaults();
    try {
      faultSpec = FaultSpec.parse(faults);
      if (logsRateLimit != null) {
        limits = limits.withLogs(logsRateLimit);
      }
    } catch (IllegalArgumentException e) {
      throw ExitException.usage(e.getMessage());
    }
    return SimulatorOptions.builder().port(port).clock(clock).faults(faultSpec)
        .randomSeed(seed).rateLimits(limits).requireDpop(requireDpop).keyDirectory(keyDir)
        // a fresh key is EC P-256, made in ms where RSA 2048 takes hundreds of ms of CPU before the
        // settings print (issue 16); one kept with --key-dir is RSA 2048, read back as before
        .keyType(keyDir == null ? SimulatorOptions.KeyType.EC_P256 : SimulatorOptions.KeyType.RSA_2048).build();
  }

  /**
   * Starts reading the scenario and building its history on a daemon thread that completes
   * {@code prepared}, then {@code history}, also with what it throws.
   */
  private void build(CompletableFuture<Scenarios.Later> prepared, CompletableFuture<TenantSeed> history) {
    String name = scenario;
    long s = seed;
    java.time.Instant anchor = ctx.clock().instant();
    Thread builder = new Thread(() -> {
      try {
        Scenarios.Later later = Scenarios.prepare(name, s, anchor);
        prepared.complete(later);
        history.complete(later.seed().get());
      } catch (RuntimeException | Error e) {
        prepared.completeExceptionally(e);
        history.completeExceptionally(e);
      }
    }, "okta-ir-simulate-history");
    builder.setDaemon(true);
    builder.start();
  }

  /** Starts the simulator, which serves once {@code history} is built. */
  private static OktaSimulator start(SimulatorOptions options, CompletableFuture<TenantSeed> history) {
    try {
      return OktaSimulator.start(options, history::join);
    } catch (UncheckedIOException io) {
      throw new ExitException(ExitCode.CONFIG, io.getMessage(), io);
    }
  }

  private static <T> T joined(CompletableFuture<T> future) {
    try {
      return future.join();
    } catch (java.util.concurrent.CompletionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : e;
    }
  }

  private void printJson(OktaSimulator sim, SpFakes sps) {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("orgUrl", sim.baseUrl());
    o.put("apiToken", sim.apiToken());
    o.put("clientId", sim.oauthClientId());
    o.put("privateKey", sim.privateKeyPem().toString());
    o.put("tokenUrl", sim.tokenUrl());
    if (fromLog != null) {
      o.put("fromLog", fromLog.toString());
    } else {
      o.put("scenario", scenario);
    }
    ObjectNode env = o.putObject("downstream");
    sps.environmentInOrder().forEach(e -> env.put(e.getKey(), e.getValue()));
    ctx.out().println(o);
    ctx.out().flush();
  }

  private void printOkta(OktaSimulator sim, String title, String victim) {
    String users = victim == null ? "me" : victim.replace("@", "%40");
    String auth = "-H \"Authorization: SSWS " + sim.apiToken() + "\"";
    ctx.out().println(TerminalText.neutralise("Okta simulator: " + title + (requireDpop ? ", DPoP required" : "")));
    ctx.out().println("  org URL       " + sim.baseUrl());
    ctx.out().println("  API token     SSWS " + sim.apiToken() + "   (a local fake)");
    ctx.out().println("  OAuth client  " + sim.oauthClientId());
    ctx.out().println("  private key   " + sim.privateKeyPem());
    ctx.out().println("  token URL     " + sim.tokenUrl());
    ctx.out().println();
    ctx.out().println("Try:");
    ctx.out().println("  curl " + auth + " \"" + sim.baseUrl() + "/api/v1/logs?limit=5\"");
    ctx.out().println("  curl " + auth + " \"" + sim.baseUrl() + "/api/v1/users/" + users + "\"");
    ctx.out().println("  export OKTA_CLIENT_ORGURL=" + sim.baseUrl() + " OKTA_CLIENT_TOKEN=" + sim.apiToken());
    ctx.out().println();
    ctx.out().flush();
  }

  private void printDownstream(SpFakes sps) {
    ctx.out().println("Downstream connectors (fake Graph, Google, Salesforce, AWS IAM, Slack, GitHub on loopback; local fakes' secrets):");
    sps.environmentInOrder().forEach(e -> ctx.out().println("  export " + e.getKey() + "=" + e.getValue()));
    ctx.out().flush();
  }

  /** Waits for Ctrl-C (a shutdown hook) or for this thread to be interrupted (tests, demo). */
  static void awaitStop() {
    CountDownLatch stop = new CountDownLatch(1);
    CountDownLatch closed = new CountDownLatch(1);
    Thread hook = new Thread(() -> {
      stop.countDown();
      try {
        closed.await(5, java.util.concurrent.TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "okta-ir-simulate-stop");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      stop.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      closed.countDown();
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // the JVM is already exiting: the hook is running
      }
    }
  }

  private ExitCode generateEvents() {
    if (out == null) {
      throw ExitException.usage("--generate needs --out FILE");
    }
    if (generate < 0) {
      throw ExitException.usage("--generate must not be negative");
    }
    long start = System.nanoTime();
    try (OutputStream o = new BufferedOutputStream(Files.newOutputStream(out), 1 << 16)) {
      Scenarios.generate(generate, seed, ctx.clock().instant(), o);
    } catch (IOException e) {
      throw new ExitException(ExitCode.USAGE, "cannot write " + out + ": " + e.getMessage(), e);
    }
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    double seconds = Math.max(took.toNanos() / 1e9, 1e-9);
    long rate = Math.round(generate / seconds);
    if (json.json) {
      ObjectNode o = JsonNodeFactory.instance.objectNode();
      o.put("events", generate);
      o.put("file", out.toString());
      o.put("seconds", seconds);
      o.put("eventsPerSecond", rate);
      ctx.out().println(o);
    } else {
      ctx.out().printf("wrote %d events to %s in %.2f s (%,d events/s)%n", generate, out, seconds, rate);
    }
    return ExitCode.OK;
  }
}
