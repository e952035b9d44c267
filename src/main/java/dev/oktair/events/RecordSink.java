package dev.oktair.events;

import dev.oktair.events.RecordParser.Outcome;

/** Receives what a {@link LineDecoder} made of each record it did not skip, in input order. */
interface RecordSink {
  /**
   * Takes one record's outcome, with the line it starts on and the decoder's counts of blank and
   * skipped lines when it was read; returns false to stop the read.
   */
  boolean take(Outcome outcome, long line, boolean compact, long blank, long skipped);
}
