/**
 * Okta System Log filter expressions and {@code q} keyword search, evaluated locally over
 * {@link dev.oktair.events.LogEvent}s with the semantics of the API. Front door:
 * {@link dev.oktair.events.filter.EventFilter#parse}.
 */
package dev.oktair.events.filter;
