/**
 * Downstream service providers: which SP an Okta app is, who the subject is there, and the
 * SP-side calls that kill sessions and tokens Okta's own revocation does not reach. Each SP is one
 * small {@link dev.oktair.downstream.Connector}.
 *
 * <p>Front door: {@link dev.oktair.downstream.Downstream} ({@code impactMap} from
 * {@link dev.oktair.downstream.AppAccess} entries to {@link dev.oktair.downstream.Impact}s with
 * {@link dev.oktair.downstream.PlannedAction}s; {@code connectors} builds the registry, keyed by SP
 * short name, from a validated {@link dev.oktair.downstream.DownstreamConfig}). Every connector's
 * HTTP goes through one package-private class ({@code SpHttp}) that enforces dry-run and never
 * retries; the AWS SDK's HTTP client is wrapped so it passes the same guard.
 */
package dev.oktair.downstream;
