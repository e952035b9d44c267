package dev.oktair.downstream;

import java.util.Set;

/**
 * One service provider's revocation API. Implementations are small SDKs over the {@code http}
 * layer with dry-run enforced at the lowest layer; thread-safe.
 */
public interface Connector {
  /** Returns the SP's short name: {@code graph}, {@code google}, {@code salesforce}, {@code aws}, {@code slack} or {@code github}. */
  String sp();

  /** Returns the steps this SP offers. */
  Set<Step> steps();

  /** Carries out {@code step} for {@code who}; never throws for an SP refusal (that is a FAILED outcome). */
  Outcome run(Step step, SpIdentity who);
}
