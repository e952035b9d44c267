/**
 * Downstream service providers: which SP an Okta app is, who the subject is there, and the
 * SP-side calls that kill sessions and tokens Okta's own revocation does not reach. Each SP is one
 * small {@link dev.oktair.downstream.Connector}.
 */
package dev.oktair.downstream;
