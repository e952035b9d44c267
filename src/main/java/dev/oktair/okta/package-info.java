/**
 * The Okta Management and System Log API client: one small SDK on {@code java.net.http} used by
 * every capability that talks to a live org. Front door: {@link dev.oktair.okta.OktaClient},
 * configured by {@link dev.oktair.okta.OktaConfig} (flags, {@code OKTA_CLIENT_*} environment
 * variables, {@code ~/.okta/okta.yaml}, in that precedence, validated before any request).
 *
 * <p>Guarantees: the credential is only ever sent to the org's own origin; redirects are not
 * followed; rate limits are read from every response and respected before they run out; 5xx,
 * timeouts and connection resets are retried with capped, jittered backoff, never another 4xx
 * than 429; a dry-run client refuses every non-GET request at the lowest layer; System Log
 * events keep the exact bytes Okta sent. Secrets print as {@code <masked>}. Depends on
 * {@code events} only.
 */
package dev.oktair.okta;
