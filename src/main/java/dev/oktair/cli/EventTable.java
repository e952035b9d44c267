package dev.oktair.cli;

import dev.oktair.events.Times;
import dev.oktair.events.LogEvent;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;

/**
 * Prints events as a fixed-width table for people: time, event type, actor, IP, outcome and
 * display message. Every cell is neutralised for the terminal and cut to its column's width, so
 * rows stream out without buffering and an attacker-chosen string cannot break the layout.
 */
final class EventTable {
  private static final String FORMAT = "%-24s  %-36s  %-32s  %-24s  %-9s  %s%n";
  private static final int MESSAGE = 72;

  private final PrintWriter out;

  EventTable(PrintWriter out) {
    this.out = out;
  }

  void header() {
    out.printf(FORMAT, "TIME", "EVENT TYPE", "ACTOR", "IP", "OUTCOME", "MESSAGE");
  }

  void row(LogEvent e) {
    Instant at = e.published();
    LogEvent.Actor actor = e.actor();
    String who = first(actor.alternateId(), actor.displayName(), actor.id());
    String ip = e.client().ipAddress();
    if (ip == null) {
      List<String> chain = e.ipChain();
      ip = chain.isEmpty() ? null : chain.get(0);
    }
    out.printf(FORMAT,
        TerminalText.cell(at != null ? Times.format(at) : e.publishedText(), 24),
        TerminalText.cell(e.eventType(), 36),
        TerminalText.cell(who, 32),
        TerminalText.cell(ip, 24),
        TerminalText.cell(e.outcome().result(), 9),
        TerminalText.cell(e.displayMessage(), MESSAGE));
  }

  private static String first(String... candidates) {
    for (String c : candidates) {
      if (c != null && !c.isEmpty()) {
        return c;
      }
    }
    return null;
  }
}
