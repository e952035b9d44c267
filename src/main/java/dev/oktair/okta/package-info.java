/**
 * The Okta Management and System Log API client: one small SDK on {@code java.net.http} used by
 * every capability that talks to a live org. Front door: {@link dev.oktair.okta.OktaClient},
 * configured by {@link dev.oktair.okta.OktaConfig} (flags, {@code OKTA_CLIENT_*} environment
 * variables, {@code ~/.okta/okta.yaml}, in that precedence, validated before any request).
 *
 * <p>A thin typed client over the {@code http} layer, which gives the guarantees: the credential
 * is only ever sent to the org's own origin; redirects are not followed; rate limits are read
 * from every response and respected per Okta bucket ({@code OktaBuckets}) before they run out;
 * idempotent requests are retried after 429, 5xx, timeouts and resets with capped, jittered
 * backoff, never after another 4xx; a POST is never blindly re-sent after a failure that leaves
 * its outcome open (a caller's check decides, see {@link
 * dev.oktair.okta.OktaClient#post(String, tools.jackson.databind.JsonNode,
 * dev.oktair.http.Mutation.AlreadyDone)}); a dry-run client refuses every non-GET request at the
 * lowest layer. This package adds Okta's authentication (SSWS, OAuth with DPoP), its error
 * messages that say what to fix (the scope a 403 needs, per endpoint family), and the System Log,
 * whose events keep the exact bytes Okta sent. Secrets print as {@code <masked>}. Depends on
 * {@code events} and {@code http}.
 */
package dev.oktair.okta;
