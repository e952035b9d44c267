package dev.oktair.forward;

import dev.oktair.cases.CasePaths;
import dev.oktair.events.Json;
import dev.oktair.events.LogEvent;
import dev.oktair.errors.Kind;
import dev.oktair.errors.OktaIrException;
import dev.oktair.http.Authorizer;
import dev.oktair.http.Call;
import dev.oktair.http.HttpApi;
import dev.oktair.http.HttpException;
import dev.oktair.http.HttpResult;
import dev.oktair.http.Secret;
import dev.oktair.http.Sleeper;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import tools.jackson.databind.JsonNode;

/**
 * Sends followed events to one sink in batches and checkpoints each acknowledged batch, so a
 * restarted follow skips what the sink already has: at-least-once to the wire (a crash between a
 * send and its checkpoint resends that batch, deduplicated at the sink by event uuid) and, with
 * that key, exactly once in the sink. Not thread-safe: one follower feeds it.
 */
public final class Forwarder {
  /** How far out of {@code published} order Okta may deliver (it delivers by persistence time). */
  public static final Duration SKEW = Duration.ofMinutes(2);
  /** The most events sent in one request. */
  public static final int BATCH = 200;
  private static final int ITEM_ROUNDS = 6;

  private final Target target;
  private final HttpApi api;
  private final Sleeper sleeper;
  private final Path file;
  private Checkpoint checkpoint;
  private final boolean resumed;

  /**
   * Where events go: URL, format and credential. Plain http is allowed on loopback only, so a
   * token never crosses a network in clear.
   *
   * @param url the sink's endpoint
   * @param format the wire format
   * @param token the credential (from the environment), or null for none
   */
  public record Target(URI url, SinkFormat format, Secret token) {
    public Target {
      Objects.requireNonNull(url, "url");
      Objects.requireNonNull(format, "format");
      String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
      if (url.getHost() == null || !(scheme.equals("https") || scheme.equals("http") && loopback(url.getHost()))) {
        throw new OktaIrException(Kind.USAGE, "--forward needs an https:// URL (plain http only to this machine), not '"
            + url + "'");
      }
      if (url.getUserInfo() != null) {
        throw new OktaIrException(Kind.USAGE, "put no credential in the --forward URL; set OKTAIR_FORWARD_TOKEN");
      }
    }
  }

  private Forwarder(Target target, HttpApi api, Sleeper sleeper, Path file, Checkpoint checkpoint, boolean resumed) {
    this.target = target;
    this.api = api;
    this.sleeper = sleeper;
    this.file = file;
    this.checkpoint = checkpoint;
    this.resumed = resumed;
  }

  /**
   * Returns a forwarder to {@code target} for the case at {@code paths}, resuming its checkpoint if
   * there is one: the window then starts where it started before ({@code sinceText} must be null or
   * the same as then); otherwise at {@code since}, which is stored with it.
   *
   * @throws OktaIrException of kind USAGE when a checkpoint exists for another window
   */
  public static Forwarder open(Target target, CasePaths paths, String sinceText, Instant since, Clock clock,
      Sleeper sleeper) {
    Path dir = CasePaths.directory(paths.forwarding());
    Path file = dir.resolve(target.url().getHost() + "-" + digest(target.url().toString()) + ".json");
    Checkpoint saved = Checkpoint.load(file);
    if (saved != null && sinceText != null && !sinceText.equals(saved.sinceText())) {
      throw new OktaIrException(Kind.USAGE, "this case already forwards to " + target.url() + " from " + saved.since()
          + " (--since " + saved.sinceText() + "); re-run without --since to resume that window, or delete " + file
          + " to start a new one");
    }
    Checkpoint cp = saved != null ? saved : Checkpoint.fresh(target.url().toString(), sinceText, since);
    if (saved == null) {
      cp.save(file); // the window is resolved once: a resume continues it, whatever the clock says then
    }
    Authorizer auth = target.token() == null ? Authorizer.NONE : new TokenAuthorizer(target.format().scheme(), target.token());
    HttpApi api = HttpApi.builder(target.url()).authorizer(auth).clock(clock).sleeper(sleeper)
        .requestIdHeader("X-Request-Id").build();
    return new Forwarder(target, api, sleeper, file, cp, saved != null);
  }

  /** Returns the start of the window forwarded (resolved once, stored in the checkpoint). */
  public Instant since() {
    return checkpoint.since();
  }

  /** Returns true when this continues a checkpoint from an earlier run. */
  public boolean resumed() {
    return resumed;
  }

  /** Returns how many events the sink acknowledged, over every run. */
  public long forwarded() {
    return checkpoint.forwarded();
  }

  /** Returns the checkpoint file. */
  public Path checkpointFile() {
    return file;
  }

  /**
   * Sends those of {@code events} the sink does not have yet, in batches, checkpointing after each.
   *
   * @throws OktaIrException (an {@link HttpException}) when the sink refuses an event or keeps
   *     failing after retries; what was acknowledged before stays checkpointed
   */
  public void forward(Collection<LogEvent> events) {
    Map<String, LogEvent> fresh = new LinkedHashMap<>();
    for (LogEvent e : events) {
      if (!checkpoint.covers(e, SKEW)) {
        fresh.putIfAbsent(e.uuid() == null ? "no-uuid-" + fresh.size() : e.uuid(), e);
      }
    }
    List<LogEvent> pending = new ArrayList<>(fresh.values());
    for (int from = 0; from < pending.size(); from += BATCH) {
      List<LogEvent> batch = pending.subList(from, Math.min(pending.size(), from + BATCH));
      send(batch);
      checkpoint = checkpoint.after(batch, SKEW);
      checkpoint.save(file);
    }
  }

  /** Sends one batch until every event in it is acknowledged (Elastic may refuse some items only). */
  private void send(List<LogEvent> batch) {
    List<LogEvent> left = batch;
    for (int round = 1; !left.isEmpty(); round++) {
      Call call = new Call("POST", target.url().toString(), target.format().body(left), target.format().contentType(),
          false, null);
      // every event carries its uuid as the sink's idempotency key, so a resend after an unclear answer is safe
      HttpResult answer = api.mutate(call, () -> false).orThrow();
      left = target.format() == SinkFormat.BULK ? BulkItems.retryable(left, answer) : List.of();
      if (!left.isEmpty()) {
        if (round >= ITEM_ROUNDS) {
          throw new HttpException(Kind.REMOTE, "the sink at " + api.origin() + " kept refusing " + left.size()
              + " events with 429 or 5xx after " + round + " attempts; re-run to resume");
        }
        pause(Duration.ofMillis(250L << round));
      }
    }
  }

  private void pause(Duration d) {
    try {
      sleeper.sleep(d);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new OktaIrException(Kind.INTERRUPTED, "interrupted while waiting to resend to the sink; re-run to resume");
    }
  }

  private static boolean loopback(String host) {
    try {
      return InetAddress.getByName(host).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }

  private static String digest(String text) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d, 0, 6);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public String toString() {
    return "Forwarder[" + target.format().name().toLowerCase(Locale.ROOT) + " " + target.url() + "]";
  }

  /** Puts {@code Authorization: <scheme> <token>} on calls to the sink's origin; masks the token. */
  private record TokenAuthorizer(String scheme, Secret token) implements Authorizer {
    @Override
    public void authorize(HttpRequest.Builder request, String method, URI uri) {
      request.header("Authorization", scheme + " " + token.reveal());
    }

    @Override
    public Collection<Secret> secrets() {
      return List.of(token);
    }
  }

  /** Reads Elastic's per-item answers. */
  private static final class BulkItems {
    private BulkItems() {}

    /** Returns the events to send again (429 or 5xx per item); throws for an item refused for good. */
    static List<LogEvent> retryable(List<LogEvent> sent, HttpResult answer) {
      JsonNode body = Json.MAPPER.readTree(answer.body());
      if (!body.path("errors").asBoolean(false)) {
        return List.of();
      }
      JsonNode items = body.path("items");
      if (items.size() != sent.size()) {
        throw new HttpException(Kind.REMOTE, "the _bulk answer has " + items.size() + " items for " + sent.size()
            + " events sent");
      }
      List<LogEvent> again = new ArrayList<>();
      for (int i = 0; i < sent.size(); i++) {
        JsonNode item = items.get(i).properties().iterator().next().getValue();
        int status = item.path("status").asInt();
        if (status == 429 || status >= 500) {
          again.add(sent.get(i));
        } else if (status >= 300 && status != 409) { // 409: already there, sent before a crash
          throw new HttpException(Kind.REMOTE, "the sink refused event " + sent.get(i).uuid() + " (" + status + " "
              + item.path("error").path("type").asString("") + "): fix the index mapping or the sink, then re-run");
        }
      }
      return again;
    }
  }
}
