/**
 * Loopback fakes of the service providers incident response revokes at (Microsoft Graph, Google
 * Directory, Salesforce, AWS IAM, Slack, GitHub): the same paths, authentication flows, status
 * codes and quirks (Graph's always-true, Slack's HTTP 200 {@code ok:false}, IAM's Query/XML),
 * each with its own users, sessions and tokens seeded from a scenario's app users and SSO events,
 * each request in one {@link dev.oktair.sim.sp.SpJournal}. Front door:
 * {@link dev.oktair.sim.sp.SpFakes#start}. Depends on nothing but {@code events} and {@code sim}.
 */
package dev.oktair.sim.sp;
