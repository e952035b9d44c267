package dev.oktair.sim.sp;

/** A failure a fake SP answers every API call with until cleared; the token endpoints stay healthy unless UNAUTHORIZED. */
public enum SpFault {
  /** Serve normally. */
  NONE,
  /** HTTP 500 with the SP's error body. */
  SERVER_ERROR,
  /** HTTP 401: the token endpoint refuses the client, as with a revoked credential. */
  UNAUTHORIZED,
  /** The SP refuses the call in its own way: Slack's HTTP 200 {@code ok:false}, a 403 elsewhere. */
  REFUSED
}
