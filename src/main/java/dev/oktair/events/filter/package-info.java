/**
 * Okta System Log queries evaluated locally: {@link dev.oktair.events.filter.EventFilter} (the
 * {@code filter} expression language, parsed once into a tree of thread-safe evaluators) and {@link
 * dev.oktair.events.filter.KeywordQuery} (the {@code q} keyword search). Both answer as Okta's
 * {@code /api/v1/logs} does, reject what Okta rejects with {@link
 * dev.oktair.events.filter.FilterParseException} (Okta's error code, the input, the bad token's
 * position), and offer a raw-bytes {@code mightMatch} prefilter so readers can skip parsing lines
 * that cannot match. Everything else here is package-private.
 */
package dev.oktair.events.filter;
