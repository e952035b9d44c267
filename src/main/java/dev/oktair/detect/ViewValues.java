package dev.oktair.detect;

import dev.oktair.events.LogEvent;
import java.util.Locale;

/**
 * Turns an event's fields ({@link EventFields}) into what a {@link Seen view} holds: its targets,
 * what findings read beyond its fields ({@link Seen.Extra}), and the canonical strings a kept view holds.
 */
final class ViewValues {
  static final LogEvent.Target[] NO_TARGETS = {};

  private ViewValues() {}

  /** Returns what findings read of the event beyond a view's fields, of canonical strings. */
  static Seen.Extra extra(EventFields f) {
    String client = f.text(EventFields.DEBUG_CLIENT);
    Seen.Extra x = new Seen.Extra(Canon.IDS.of(client != null ? client : f.text(EventFields.CLIENT_ID)),
        f.text(EventFields.GRANT), Canon.TYPES.of(f.text(EventFields.PRIVILEGE)), Canon.NAMES.of(f.text(EventFields.SCOPE)),
        Canon.TYPES.of(f.text(EventFields.FACTOR)), Canon.NAMES.of(f.text(EventFields.GRANTED_SCOPES)),
        Canon.NAMES.of(f.text(EventFields.AS_ORG)), Canon.NAMES.of(f.text(EventFields.ACTOR_NAME)));
    return x.equals(Seen.Extra.NONE) ? Seen.Extra.NONE : x;
  }

  /** As {@link LogEvent#targets}, read once: the pass asks for targets on the reading thread. */
  static LogEvent.Target[] targets(EventFields f, boolean canonical) {
    int n = f.targetCount();
    if (n == 0) {
      return NO_TARGETS;
    }
    LogEvent.Target[] out = new LogEvent.Target[n];
    for (int i = 0; i < n; i++) {
      String id = f.target(i, 0);
      String type = f.target(i, 1);
      String alternateId = f.target(i, 2);
      String displayName = f.target(i, 3);
      out[i] = canonical ? canonical(id, type, alternateId, displayName)
          : new LogEvent.Target(id, type, alternateId, displayName);
    }
    return out;
  }

  /** A target of the canonical strings, as a kept view holds it. */
  static LogEvent.Target canonical(String id, String type, String alternateId, String displayName) {
    return new LogEvent.Target(Canon.IDS.of(id), Canon.TYPES.of(type), Canon.LOGINS.of(alternateId), Canon.NAMES.of(displayName));
  }

  static String lower(String s) {
    return s == null ? null : s.toLowerCase(Locale.ROOT);
  }

  /** Upper case, or "" for none (as {@code outcome.result} reads). */
  static String upper(String s) {
    return s == null ? "" : s.toUpperCase(Locale.ROOT);
  }
}
