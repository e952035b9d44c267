package dev.oktair.cli;

import dev.oktair.events.Times;
import dev.oktair.events.EventSelection;
import dev.oktair.events.Window;
import java.time.Instant;
import picocli.CommandLine.Option;

/**
 * The options that choose events, mixed into every command that reads them: {@code --filter},
 * {@code --q}, {@code --since} (inclusive), {@code --until} (exclusive). Times are parsed by the
 * converter {@link Cli} registers once (ISO-8601 or an age such as 7d).
 */
final class EventSelectionOptions {
  @Option(names = "--filter", paramLabel = "EXPR",
      description = "Okta filter expression (the examples below show one).")
  String filter;

  @Option(names = "--q", paramLabel = "TEXT", description = "Okta keyword search (every keyword must match).")
  String query;

  @Option(names = "--since", paramLabel = "TIME", description = "Only events published at or after TIME.")
  Converters.TimeArg since;

  @Option(names = "--until", paramLabel = "TIME", description = "Only events published before TIME.")
  Converters.TimeArg until;

  /**
   * Returns the selection the options describe, warning through {@code command} of a filter
   * attribute no System Log event has; a bad filter, query or window is a usage error.
   */
  EventSelection selection(BaseCommand command) {
    FilterFields.warnings(filter).forEach(w -> command.info("warning: " + w));
    return selection();
  }

  /** Returns the selection the options describe; a bad filter, query or window is a usage error. */
  EventSelection selection() {
    Instant from = Converters.TimeArg.at(since);
    Instant to = Converters.TimeArg.at(until);
    if (from != null && to != null && !from.isBefore(to)) {
      throw ExitException.usage("--since (" + Times.format(from) + ") must be before --until (" + Times.format(to) + ")");
    }
    return new EventSelection(filter, query, new Window(from, to));
  }
}
