/**
 * Downstream service providers: which SP an Okta app is, who the subject is there, and the
 * SP-side calls that kill sessions and tokens Okta's own revocation does not reach. Each SP is one
 * small {@link dev.oktair.downstream.Connector}.
 *
 * <p>Front door: {@link dev.oktair.downstream.Downstream} ({@code impactMap} from
 * {@link dev.oktair.downstream.AppAccess} entries to {@link dev.oktair.downstream.Impact}s with
 * {@link dev.oktair.downstream.PlannedAction}s; {@code connectors} builds the registry, keyed by SP
 * short name, from a validated {@link dev.oktair.downstream.DownstreamConfig}). Every connector's
 * HTTP goes through the house's {@code http} layer (one {@code HttpApi} per SP origin, behind the
 * package-private {@code SpHttp}): dry-run (reads only), origin pinning, masking, rate limits and
 * the safe retries come from there; the AWS SDK's own HTTP client asks the same dry-run flag.
 */
package dev.oktair.downstream;
