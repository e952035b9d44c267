package dev.oktair.downstream;

import dev.oktair.errors.OktaIrException;
import java.net.URI;
import java.util.EnumSet;
import java.util.Set;

/**
 * What every connector shares: the steps its SP offers, and one place that turns the outcomes of
 * the lowest layer into {@link Outcome}s (dry run: nothing sent; an SP's refusal: FAILED with its
 * reason), so a connector's body only says which calls a step makes.
 */
abstract class SpConnector implements Connector {
  final Sp sp;
  final DownstreamConfig config;
  final SpHttp http;

  SpConnector(Sp sp, DownstreamConfig config, SpHttp http) {
    this.sp = sp;
    this.config = config;
    this.http = http;
  }

  @Override
  public final String sp() {
    return sp.id();
  }

  @Override
  public final Set<Step> steps() {
    Set<Step> s = EnumSet.noneOf(Step.class);
    sp.actions().stream().filter(a -> !a.manual()).forEach(a -> s.add(a.step()));
    return s;
  }

  @Override
  public final Outcome run(Step step, SpIdentity who) {
    if (!steps().contains(step)) {
      return new Outcome(Outcome.Status.FAILED, sp.id() + " offers no " + step + " step", null);
    }
    try {
      return step(step, who);
    } catch (SpHttp.DryRun d) {
      return new Outcome(Outcome.Status.DRY_RUN, sp.id() + " " + step + " for " + who.userName() + ": dry run, nothing sent (next: " + d.getMessage() + ")", null);
    } catch (SpHttp.Failure f) {
      return failed(f.getMessage());
    } catch (OktaIrException e) {
      return failed(e.getMessage());
    } catch (RuntimeException e) {
      return failed("unexpected " + e.getClass().getSimpleName());
    }
  }

  /** Carries out a step this SP offers; throws the lowest layer's exceptions for {@link #run} to map. */
  abstract Outcome step(Step step, SpIdentity who);

  String setting(String key, String dflt) {
    String v = config.get(sp, key);
    return v == null ? dflt : v;
  }

  URI uri(String base, String path) {
    return URI.create(base.replaceAll("/+$", "") + path);
  }

  Outcome failed(String why) {
    return new Outcome(Outcome.Status.FAILED, sp.id() + ": " + why, null);
  }

  static Outcome requested(String detail, String requestId) {
    return new Outcome(Outcome.Status.REQUESTED, detail, requestId);
  }

  static Outcome verified(String detail, String requestId) {
    return new Outcome(Outcome.Status.VERIFIED, detail, requestId);
  }

  static Outcome alreadyDone(String detail) {
    return new Outcome(Outcome.Status.ALREADY_DONE, detail, null);
  }
}
