package dev.oktair.sim.scenario;

import static dev.oktair.sim.scenario.ByteSink.ascii;

import dev.oktair.sim.scenario.GenPopulation.GenApp;
import dev.oktair.sim.scenario.GenPopulation.Orig;
import dev.oktair.sim.scenario.GenPopulation.User;
import java.io.IOException;
import java.io.OutputStream;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;

/**
 * Writes benchmark volumes of System Log events with the scenario's mix and shape: sign-in flows,
 * SSO, token refreshes and sign-outs of many users over the 90 days before the anchor, busier in
 * office hours, with attack sequences (ThreatInsight hit, proxied sign-in, rogue factor, API
 * token, consent, SSO) sprinkled in. Events are stitched from precomputed fragments into a byte
 * buffer; output is ordered by {@code published} and deterministic for the seed. Not thread-safe.
 */
final class Generator {
  static final int DAYS = 90;
  private static final long HOUR = 3_600_000L;
  /** 100 ns intervals between the Gregorian epoch (1582-10-15) and the Unix epoch. */
  private static final DateTimeFormatter HOUR_PREFIX =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:").withZone(ZoneOffset.UTC);

  private final long count;
  private final GenPopulation pop;
  private final SplittableRandom r;
  private final Instant anchor;
  private final ZoneId zone;
  private final byte[][] sessions;
  /**
   * Where each user's current session was signed in from: a session cookie lives on one device on
   * one network, so the events in it come from there (drawn per event, home and office alternated
   * within a session, and every busy hour showed each user's session on two networks: a hijack).
   */
  private final Orig[] sessionOrigs;
  private final long[] uuidNodes;
  private final EventWriter w;
  private ByteSink s;

  Generator(ScenarioSpec spec, long count, long seed, Instant anchor) {
    if (count < 0) {
      throw new IllegalArgumentException("count must not be negative: " + count);
    }
    this.count = count;
    this.anchor = anchor;
    this.zone = ZoneId.of(spec.org().timezone() == null ? "UTC" : spec.org().timezone());
    int users = (int) Math.max(50, Math.min(10_000, count / 1_000));
    this.pop = new GenPopulation(spec, users, seed, anchor);
    this.r = new SplittableRandom(seed ^ 0x5DEECE66DL);
    this.uuidNodes = TimeUuid.nodes(r, 6);
    this.sessions = new byte[users][];
    this.sessionOrigs = new Orig[users];
    for (int i = 0; i < users; i++) {
      sessions[i] = newSession();
      sessionOrigs[i] = pop.users.get(i).home();
    }
    this.w = new EventWriter(pop, r);
  }

  int users() {
    return pop.users.size();
  }

  void writeTo(OutputStream out) throws IOException {
    s = new ByteSink(out);
    w.sink(s);
    long start = anchor.minus(Duration.ofDays(DAYS)).toEpochMilli();
    start -= Math.floorMod(start, HOUR);
    int hours = DAYS * 24;
    double[] weight = new double[hours];
    double total = 0;
    for (int h = 0; h < hours; h++) {
      weight[h] = weightOf(Instant.ofEpochMilli(start + h * HOUR).atZone(zone));
      total += weight[h];
    }
    // About one attack per 100k events, at least one.
    long attackEvery = Math.max(1, count / Math.max(1, count / 100_000));
    long nextAttack = attackEvery / 2;
    long emitted = 0;
    double cumulative = 0;
    Attack attack = null;
    for (int h = 0; h < hours && emitted < count; h++) {
      cumulative += weight[h];
      long until = h == hours - 1 ? count : Math.min(count, Math.round(count * cumulative / total));
      long inHour = until - emitted;
      long hourStart = start + h * HOUR;
      if (hourStart >= anchor.toEpochMilli()) {
        break;
      }
      long span = Math.min(HOUR, anchor.toEpochMilli() - hourStart);
      w.hour(ascii(HOUR_PREFIX.format(Instant.ofEpochMilli(hourStart))),
          ascii(HOUR_PREFIX.format(Instant.ofEpochMilli(hourStart + HOUR))), hourStart);
      boolean busy = weight[h] >= 5;
      for (long j = 0; j < inHour; j++) {
        long ts = hourStart + j * span / inHour;
        if (attack == null && emitted >= nextAttack) {
          attack = new Attack(r.nextInt(pop.users.size()), r.nextInt(pop.attackers.size()), newSession());
          nextAttack += attackEvery;
        }
        if (attack != null) {
          if (!w.attackStep(attack, ts, uuid(ts))) {
            attack = null;
          }
        } else {
          everyday(ts, busy);
        }
        emitted++;
      }
    }
    s.flush();
  }

  /** Relative activity of an hour: office hours on weekdays are busiest, nights quiet. */
  private static double weightOf(ZonedDateTime t) {
    boolean weekend = t.getDayOfWeek() == DayOfWeek.SATURDAY || t.getDayOfWeek() == DayOfWeek.SUNDAY;
    int h = t.getHour();
    double day = h >= 8 && h < 18 ? 10 : h >= 7 && h < 22 ? 3 : 0.6;
    return weekend ? day * 0.15 : day;
  }

  private void everyday(long ts, boolean busy) throws IOException {
    int ui = r.nextInt(pop.users.size());
    User u = pop.users.get(ui);
    Orig o = busy && r.nextInt(100) < 45 ? u.office() : u.home();
    byte[] uuid = uuid(ts);
    // the origin is drawn for every event, so the random stream (and the attacks) stay as they were
    Orig in = sessionOrigs[ui];
    int pick = r.nextInt(1000);
    if (pick < 300) {
      w.policyEvaluation(u, in, sessions[ui], ts, uuid, pick(u));
    } else if (pick < 560) {
      w.sso(u, in, sessions[ui], ts, uuid, pick(u));
    } else if (pick < 680) {
      w.tokenRefresh(u, u.phone(), ts, uuid, pop.apps.get(mobileApp()));
    } else if (pick < 760) {
      int roll = r.nextInt(100);
      if (roll < 4) {
        w.sessionStart(u, o, null, ts, uuid, false);
      } else {
        sessions[ui] = newSession();
        sessionOrigs[ui] = roll < 14 ? u.phone() : o;
        w.sessionStart(u, sessionOrigs[ui], sessions[ui], ts, uuid, true);
      }
    } else if (pick < 840) {
      w.verify(u, o, ts, uuid);
    } else if (pick < 910) {
      w.dashboardCode(u, in, sessions[ui], ts, uuid);
    } else if (pick < 970) {
      w.mfa(u, in, sessions[ui], ts, uuid, r.nextInt(100) < 2 ? EventWriter.UNANSWERED : EventWriter.APPROVE);
    } else if (pick < 995) {
      w.signOut(u, in, sessions[ui], ts, uuid);
    } else {
      w.change(u, in, sessions[ui], ts, uuid, pick - 995);
    }
  }

  private GenApp pick(User u) {
    return pop.apps.get(u.apps()[r.nextInt(u.apps().length)]);
  }

  private int mobileApp() {
    for (int i = pop.apps.size() - 1; i >= 0; i--) {
      if (pop.apps.get(i).oidc()) {
        return i;
      }
    }
    return 0;
  }

  private byte[] newSession() {
    byte[] b = new byte[25];
    b[0] = 'i';
    b[1] = 'd';
    b[2] = 'x';
    for (int i = 3; i < b.length; i++) {
      int v = r.nextInt(62);
      b[i] = (byte) (v < 10 ? '0' + v : v < 36 ? 'A' + v - 10 : 'a' + v - 36);
    }
    return b;
  }

  /** A version 1 uuid for the instant, as 36 ASCII bytes. */
  private byte[] uuid(long ts) {
    return TimeUuid.ascii(ts, r, uuidNodes);
  }


  /** An attack in progress: the victim, the attacker's source, the stolen session, the next step. */
  static final class Attack {
    final int victim;
    final int source;
    final byte[] session;
    int step;

    Attack(int victim, int source, byte[] session) {
      this.victim = victim;
      this.source = source;
      this.session = session;
    }
  }
}
