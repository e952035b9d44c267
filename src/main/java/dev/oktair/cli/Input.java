package dev.oktair.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The user's side of a confirmation prompt: whether standard input is a terminal (a person can
 * answer) and one line of answer. Commands that change an org ask through it; tests script it.
 */
public interface Input {
  /** Returns true when standard input is an interactive terminal. */
  boolean isTerminal();

  /** Returns the next line typed, or null at end of input. */
  String readLine();

  /** Returns input that is not a terminal and has nothing to read (the default for tests). */
  static Input none() {
    return of(new BufferedReader(new java.io.StringReader("")), false);
  }

  /** Returns input reading lines from {@code reader}; {@code terminal} says whether a person types them. */
  static Input of(BufferedReader reader, boolean terminal) {
    return new Input() {
      @Override
      public boolean isTerminal() {
        return terminal;
      }

      @Override
      public String readLine() {
        try {
          return reader.readLine();
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    };
  }
}
