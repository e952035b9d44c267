/**
 * The generic HTTP layer beneath every remote API client ({@code okta}, the {@code downstream}
 * service-provider connectors): one small SDK core on {@code java.net.http}. Front door:
 * {@link dev.oktair.http.HttpApi}, built for one origin with its credentials
 * ({@link dev.oktair.http.Authorizer}), rate-limit buckets ({@link dev.oktair.http.RateBuckets}),
 * {@link dev.oktair.http.RetryPolicy}, clock and {@link dev.oktair.http.Sleeper}.
 *
 * <p>Guarantees: the credential is only ever sent to the API's own origin (paths, URLs and
 * {@code Link: rel="next"} paging links elsewhere are refused; redirects are not followed); rate
 * limits are read from every response and respected before they run out; a call is re-sent only
 * when that is safe: idempotent calls after 429, 5xx, timeouts and resets, with capped jittered
 * backoff; a call that is not safe to repeat after a timeout, reset or bare 5xx only when the
 * caller's {@link dev.oktair.http.Mutation.AlreadyDone} check finds it did not take effect, and
 * the outcome is reported as a {@link dev.oktair.http.Mutation.Result}; a dry-run API refuses
 * every non-GET call at this, the lowest, layer. Failures are
 * {@link dev.oktair.http.HttpException}s (kind CONFIG for 401/403, REMOTE otherwise) whose bodies
 * have every known {@link dev.oktair.http.Secret} masked. Depends on {@code errors} only.
 */
package dev.oktair.http;
