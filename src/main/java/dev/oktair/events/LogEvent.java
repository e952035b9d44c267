package dev.oktair.events;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import tools.jackson.databind.JsonNode;

/**
 * One Okta System Log event: the exact bytes Okta (or an export) gave, and a read-only view of
 * the fields incident responders use.
 *
 * <p>The raw bytes are the evidence; every accessor is derived from them and nothing here ever
 * changes them. Missing and null fields read alike (null, or an empty list); so does the literal
 * string {@code "null"} that Okta writes in some string fields such as {@code client.zone}.
 * Immutable and thread-safe, provided callers do not mutate {@link #json()}; what a reader notes
 * on an event ({@link #prepared}, {@link #offset}) it notes before handing the event on.
 */
public final class LogEvent {
  private static final FieldPath IP_CHAIN = FieldPath.parse("request.ipChain.ip");
  private static final ThreadLocal<java.security.MessageDigest> SHA256 = ThreadLocal.withInitial(Bytes::sha256);

  private final byte[] raw;
  /** The tree; for an event checked without one ({@link #checked}), built on first use. */
  private volatile JsonNode json;
  private Object prepared;
  /** Where {@link #raw} starts in the file it was read from, or -1: see {@link #offset()}. */
  private long offset = -1;
  /** For a checked event whose uuid and published are strings (or absent), their text and instant. */
  private final boolean known;
  private final String uuid;
  private final String publishedText;
  private final Instant published;
  /** {@code eventType} when the writer of {@link #raw} gave it ({@link #written}), else null: read from the tree. */
  private final String eventType;
  /**
   * Whether {@link #raw} is known to be one JSON object with no repeated key: it passed the strict
   * check itself ({@link #checked}) or this program wrote it from an object ({@link #written}).
   */
  private final boolean strict;
  /** The SHA-256 of {@link #raw}, computed once when first asked for (by the check, for a checked event). */
  private volatile byte[] sha256;
  /** For a checked event, where the value of each top-level field the check notes starts in {@link #raw}; else null. */
  private final int[] noted;

  /** {@link #noted}: the field is at no top-level place. */
  public static final int ABSENT = -1;
  /** {@link #noted}: where the field is was not noted; only a read of the bytes can tell. */
  public static final int NOT_NOTED = -3;

  /** For a checked event whose uuid is in the canonical form, its 128 bits; else null. */
  private final long[] uuidBits;

  private LogEvent(byte[] raw, JsonNode json, boolean known, String uuid, String publishedText, Instant published,
      String eventType) {
    this(raw, json, known, uuid, publishedText, published, eventType, null, null);
  }

  private LogEvent(byte[] raw, JsonNode json, boolean known, String uuid, String publishedText, Instant published,
      String eventType, int[] noted, long[] uuidBits) {
    this.noted = noted;
    this.uuidBits = uuidBits;
    this.raw = raw;
    this.json = json;
    this.known = known;
    this.uuid = uuid;
    this.publishedText = publishedText;
    this.published = published;
    this.eventType = eventType;
    this.strict = json == null;
  }

  /**
   * Returns the event for an already parsed object and the exact bytes it was parsed from.
   *
   * @throws IllegalArgumentException when {@code json} is not an object
   */
  public static LogEvent of(byte[] raw, JsonNode json) {
    Objects.requireNonNull(raw, "raw");
    if (json == null || !json.isObject()) {
      throw new IllegalArgumentException("a System Log event must be a JSON object");
    }
    return new LogEvent(raw, json, false, null, null, null, null);
  }

  /**
   * Returns the event for bytes the strict check has already accepted as a System Log event
   * without building a tree (see {@link StreamCheck}); the tree is parsed when first asked for.
   * With {@code known}, {@code uuid} and {@code publishedText} are the fields' text as
   * {@link Json#text} gives it, and {@code published} its instant. {@code noted}: where the values
   * of the top-level fields the check notes start in {@code raw}, {@link #ABSENT} for those not there.
   */
  static LogEvent checked(byte[] raw, String uuid, String publishedText, Instant published, boolean known,
      int[] noted, long[] uuidBits) {
    return new LogEvent(raw, null, known, uuid, publishedText, published, null, noted, uuidBits);
  }

  /**
   * Returns the high ({@code half} 0) or low ({@code half} 1) 64 bits of the uuid when the strict
   * check read it in the canonical form (36 characters, lowercase hex in groups of 8-4-4-4-12: one
   * 128-bit number, one text), so that a caller need not read its text again; see {@link
   * #hasUuidBits}.
   */
  public long uuidBits(int half) {
    return uuidBits[half];
  }

  /** Returns true when {@link #uuidBits} holds the uuid's bits; false says nothing of its form. */
  public boolean hasUuidBits() {
    return uuidBits != null;
  }

  /**
   * Returns the number under which {@link #noted} answers for the top-level field {@code name}, or
   * -1 for a field the strict check does not note (the System Log's own top-level fields it does).
   */
  public static int notedField(String name) {
    return StreamCheck.fieldNumber(name);
  }

  /**
   * Returns where the value of top-level field number {@code field} ({@link #notedField}) starts
   * in the raw bytes, as the strict check noted it while it read them: {@link #ABSENT} when the
   * field is at no top-level place, {@link #NOT_NOTED} when the check noted nothing (the bytes must
   * then be read to tell).
   */
  public int noted(int field) {
    return noted == null || field < 0 ? NOT_NOTED : noted[field];
  }

  /**
   * Returns the event for bytes this program serialised itself from a JSON object (the
   * simulator's history), keeping only the bytes: the tree is parsed again when first asked for,
   * so tens of thousands of held events cost their bytes, not their trees. {@code uuid},
   * {@code publishedText} and {@code eventType} are the string fields as written, {@code published}
   * the instant {@code publishedText} names.
   */
  public static LogEvent written(byte[] raw, String uuid, String publishedText, Instant published, String eventType) {
    Objects.requireNonNull(raw, "raw");
    return new LogEvent(raw, null, true, Objects.requireNonNull(uuid, "uuid"),
        Objects.requireNonNull(publishedText, "publishedText"), Objects.requireNonNull(published, "published"),
        Objects.requireNonNull(eventType, "eventType"));
  }

  /**
   * Returns the event {@code raw} holds: read by the strict check without a tree when it accepts
   * the bytes (the tree is then built when first asked for, and a reader that streams the bytes
   * need not build it at all), else parsed as {@link #parse} does, with its failures. The event
   * keeps {@code raw} itself: the caller must not change it after.
   */
  public static LogEvent read(byte[] raw) {
    LogEvent checked = StreamCheck.event(raw);
    return checked != null ? checked : parse(raw);
  }

  /**
   * Parses one JSON object.
   *
   * @throws tools.jackson.core.JacksonException when the bytes are not JSON
   * @throws IllegalArgumentException when they are JSON but not an object
   */
  public static LogEvent parse(byte[] raw) {
    return of(raw, Json.EVENT_READER.readTree(raw));
  }

  /** Parses one JSON object given as text (encoded as UTF-8 for the raw bytes). */
  public static LogEvent parse(String rawJson) {
    return parse(rawJson.getBytes(StandardCharsets.UTF_8));
  }

  /** Returns a copy of the exact bytes of this event (no line terminator). */
  public byte[] raw() {
    return raw.clone();
  }

  /**
   * Returns {@code decider}'s verdict on the raw bytes when they passed the strict check themselves
   * (one JSON object with no repeated key: what a verdict on bytes may rely on), else null; the
   * decider sees the bytes uncopied and must neither change nor keep them.
   */
  public Boolean decideOnRaw(RawDecider decider) {
    return strict ? decider.decide(raw, 0, raw.length, this) : null;
  }

  /** A verdict on the raw bytes of an event that passed the strict check. */
  @FunctionalInterface
  public interface RawDecider {
    /**
     * Returns the verdict on the event {@code buf[off, off + len)}, or null when the bytes alone
     * cannot tell; {@code event}'s {@link #noted} may say where a top-level value starts.
     */
    Boolean decide(byte[] buf, int off, int len, LogEvent event);
  }

  /** Returns the SHA-256 of the raw bytes (what tells exact duplicates apart), computed once. */
  public byte[] sha256() {
    byte[] h = sha256;
    if (h == null) {
      // one digest per thread: looking a digest up each time costs as much as a short event's hash
      h = SHA256.get().digest(raw);
      sha256 = h;
    }
    return h.clone();
  }

  /** Returns the length of the raw bytes. */
  public int rawLength() {
    return raw.length;
  }

  /** Writes the exact bytes of this event to {@code out}, without a line terminator. */
  public void writeRaw(OutputStream out) throws IOException {
    out.write(raw);
  }

  /** Returns the raw event as UTF-8 text. */
  public String rawText() {
    return new String(raw, StandardCharsets.UTF_8);
  }

  /**
   * Returns what the reader's preparer made of this event on the parsing thread (see
   * {@link EventReader#withPreparer}), or null. Set before the event reaches the handler.
   */
  public Object prepared() {
    return prepared;
  }

  void prepare(java.util.function.Function<LogEvent, ?> preparer) {
    prepared = preparer.apply(this);
  }

  /**
   * Returns where this event's bytes start in the file it was read from, when the reader knows
   * (a JSONL line, as it stands, of input that is neither compressed nor transcoded), else -1:
   * with {@link #rawLength} it finds the bytes again, so a caller may read them back rather than
   * keep them, or a hash of them.
   */
  public long offset() {
    return offset;
  }

  void locate(long offset) {
    this.offset = offset;
  }

  /** Returns the parsed tree; callers must not mutate it. */
  public JsonNode json() {
    JsonNode tree = json;
    if (tree == null) {
      // the bytes passed the same parser's check, or were written from a tree: no failure here
      tree = Json.EVENT_READER.readTree(raw);
      json = tree;
    }
    return tree;
  }

  /** Returns every value at a dotted path, arrays flattened (see {@link FieldPath}). */
  public List<JsonNode> values(FieldPath path) {
    return path.values(json());
  }

  /** Returns every value at a dotted path, arrays flattened (see {@link FieldPath}). */
  public List<JsonNode> values(String dottedPath) {
    return FieldPath.parse(dottedPath).values(json());
  }

  /** Returns the first value at {@code dottedPath} as text, or null. */
  public String text(String dottedPath) {
    return Json.text(FieldPath.parse(dottedPath).first(json()));
  }

  public String uuid() {
    return known ? uuid : str(json(), "uuid");
  }

  /** Returns {@code published} as Okta wrote it, or null. */
  public String publishedText() {
    return known ? publishedText : str(json(), "published");
  }

  /** Returns {@code published} as an instant (ISO-8601 or the SIEM form), or null. */
  public Instant published() {
    return known ? published : Times.parsePublished(publishedText());
  }

  public String eventType() {
    return eventType != null ? eventType : str(json(), "eventType");
  }

  public String severity() {
    return str(json(), "severity");
  }

  public String displayMessage() {
    return str(json(), "displayMessage");
  }

  public String legacyEventType() {
    return str(json(), "legacyEventType");
  }

  public Actor actor() {
    JsonNode a = json().get("actor");
    return new Actor(str(a, "id"), str(a, "type"), str(a, "alternateId"), str(a, "displayName"));
  }

  public Client client() {
    JsonNode c = json().get("client");
    JsonNode ua = child(c, "userAgent");
    JsonNode geo = child(c, "geographicalContext");
    return new Client(
        str(c, "ipAddress"),
        str(ua, "rawUserAgent"),
        str(ua, "os"),
        str(ua, "browser"),
        str(c, "device"),
        str(c, "zone"),
        str(c, "id"),
        new Geo(str(geo, "city"), str(geo, "state"), str(geo, "country"), str(geo, "postalCode")));
  }

  public Outcome outcome() {
    JsonNode o = json().get("outcome");
    return new Outcome(str(o, "result"), str(o, "reason"));
  }

  /** Returns the targets in the order Okta gave them; empty when there are none. */
  public List<Target> targets() {
    JsonNode t = json().get("target");
    List<Target> out = new ArrayList<>();
    if (t != null && t.isArray()) {
      for (JsonNode e : t) {
        out.add(new Target(str(e, "id"), str(e, "type"), str(e, "alternateId"), str(e, "displayName")));
      }
    }
    return out;
  }

  public String externalSessionId() {
    return str(child(json(), "authenticationContext"), "externalSessionId");
  }

  public String rootSessionId() {
    return str(child(json(), "authenticationContext"), "rootSessionId");
  }

  public Security security() {
    JsonNode s = json().get("securityContext");
    JsonNode asn = s == null ? null : s.get("asNumber");
    Long asNumber = asn != null && asn.isNumber() ? Long.valueOf(asn.asLong()) : Json.longOf(Json.text(asn));
    return new Security(asNumber, str(s, "asOrg"), str(s, "isp"), str(s, "domain"), bool(child(s, "isProxy")));
  }

  /** Returns {@code debugContext.debugData.<key>} as text (objects as JSON), or null. */
  public String debugData(String key) {
    return Json.text(child(child(child(json(), "debugContext"), "debugData"), key));
  }

  /** Returns the addresses of {@code request.ipChain}, client first. */
  public List<String> ipChain() {
    List<String> out = new ArrayList<>();
    for (JsonNode ip : IP_CHAIN.values(json())) {
      out.add(Json.text(ip));
    }
    return out;
  }

  public String transactionId() {
    return str(child(json(), "transaction"), "id");
  }

  @Override
  public String toString() {
    return "LogEvent[" + uuid() + " " + eventType() + " " + publishedText() + "]";
  }

  private static JsonNode child(JsonNode node, String name) {
    return node == null ? null : node.get(name);
  }

  private static String str(JsonNode node, String name) {
    return Json.text(child(node, name));
  }

  private static Boolean bool(JsonNode node) {
    String text = Json.text(node);
    return text == null ? null : Boolean.valueOf("true".equalsIgnoreCase(text));
  }

  /** Who did it. Fields are null when absent. */
  public record Actor(String id, String type, String alternateId, String displayName) {}

  /** Where the request came from. Fields are null when absent. */
  public record Client(
      String ipAddress,
      String rawUserAgent,
      String os,
      String browser,
      String device,
      String zone,
      String id,
      Geo geo) {}

  /** {@code client.geographicalContext}. */
  public record Geo(String city, String state, String country, String postalCode) {}

  /** {@code outcome}: result (SUCCESS, FAILURE, ALLOW, DENY, ...) and free-text reason. */
  public record Outcome(String result, String reason) {}

  /** One element of {@code target[]}. */
  public record Target(String id, String type, String alternateId, String displayName) {}

  /** {@code securityContext}: the network the request came from. */
  public record Security(Long asNumber, String asOrg, String isp, String domain, Boolean isProxy) {}
}
