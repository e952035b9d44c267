package dev.oktair.cli;

import dev.oktair.contain.Result;
import dev.oktair.events.Json;
import java.io.PrintWriter;

/** Prints what an apply did: per action its end, then done / not done / what next; returns the exit code. */
final class ResultPrinter {
  private final PrintWriter out;
  private final boolean json;

  ResultPrinter(PrintWriter out, boolean json) {
    this.out = out;
    this.json = json;
  }

  ExitCode print(Result r, String journal) {
    if (json) {
      var o = Json.MAPPER.createObjectNode();
      o.put("complete", r.complete());
      o.put("journal", journal);
      var list = o.putArray("results");
      for (Result.Step s : r.steps()) {
        list.addObject().put("id", s.entry().id()).put("action", s.entry().action().kind().label())
            .put("target", s.entry().action().target().id()).put("state", s.state().name().toLowerCase(java.util.Locale.ROOT))
            .put("detail", s.detail()).put("verification", s.verification());
      }
      o.put("downstreamVerified", r.downstream("verified").size());
      o.put("downstreamRequested", r.downstream("requested").size());
      out.println(o);
    } else {
      out.println();
      for (Result.Step s : r.steps()) {
        out.printf("  %-4s %-24s %-28s %s: %s%n", s.entry().id(), s.entry().action().kind().label(),
            TerminalText.cell(s.entry().action().target().display(), 28),
            s.state().label() + (s.verification() == null ? "" : " (" + s.verification() + ")"),
            TerminalText.neutralise(s.detail()));
      }
      long done = r.steps().stream().filter(s -> s.state().done()).count();
      out.printf("%nDone: %d of %d actions. Journal: %s%n", done, r.steps().size(), journal);
      int verified = r.downstream("verified").size();
      int requested = r.downstream("requested").size();
      if (verified + requested > 0) {
        out.printf("Downstream: %d verified by read-back, %d requested only (the SP accepted it; it may take minutes"
            + " to take effect: check at the SP)%n", verified, requested);
      }
      if (!r.complete()) {
        out.println("Not done: " + String.join(", ", r.steps().stream().filter(s -> !s.state().done())
            .map(s -> s.entry().id()).toList()));
        out.println("Next: fix what the failures say, then run the same command again: what is done is skipped,"
            + " the rest is completed.");
      }
    }
    out.flush();
    return r.complete() ? ExitCode.OK : ExitCode.PARTIAL;
  }
}
