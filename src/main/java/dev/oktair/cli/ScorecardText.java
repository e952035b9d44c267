package dev.oktair.cli;

import dev.oktair.sim.drill.Scorecard;
import java.io.PrintWriter;

/** Prints a drill's scorecard for people; labels come from the scenario file, so they are neutralised. */
final class ScorecardText {
  private ScorecardText() {}

  static void print(Scorecard card, PrintWriter out) {
    long removed = card.footholds().size() - card.openFootholds();
    out.printf("Drill %s, seed %d%n%n", TerminalText.neutralise(card.scenario()), card.seed());
    out.printf("FOOTHOLDS  %d of %d removed%n", removed, card.footholds().size());
    for (Scorecard.Foothold f : card.footholds()) {
      out.printf("  %-8s %-17s %-32s %s%n", f.status().equals(Scorecard.Foothold.OPEN) ? "OPEN" : "removed", f.kind(),
          TerminalText.cell(f.id(), 32), TerminalText.neutralise(f.label()));
    }
    out.printf("%nCOLLATERAL  %s%n", card.collateral().isEmpty() ? "none" : card.collateral().size() + " harmed");
    for (Scorecard.Collateral c : card.collateral()) {
      out.printf("  %-17s %-32s %-8s %s%n", c.kind(), TerminalText.cell(c.id(), 32), TerminalText.neutralise(c.change()),
          TerminalText.neutralise(c.user()));
    }
    out.printf("%nOTHER VICTIMS  %s%n", card.otherVictims().isEmpty() ? "none" : "");
    for (Scorecard.Victim v : card.otherVictims()) {
      out.printf("  %-8s %s%n", v.found() ? "found" : "MISSED", TerminalText.neutralise(v.user()));
    }
    Long s = card.secondsToContain();
    out.printf("%nTIME TO CONTAIN  %s%n", s == null ? "not yet: " + card.openFootholds() + " foothold(s) open"
        : String.format("%dh %02dm %02ds (the 6-hour median to beat)", s / 3600, s % 3600 / 60, s % 60));
    out.flush();
  }
}
