package dev.oktair.report;

import java.util.Objects;

/**
 * One part of a report that rests on a step of the runbook which may not have run yet: either its
 * content, or why there is none (e.g. "findings.json not found: run okta-ir investigate").
 *
 * @param content what the step produced; null when it has not run
 * @param notRun why there is no content; null when there is
 * @param <T> the content's type
 */
public record Section<T>(T content, String notRun) {
  public Section {
    if ((content == null) == (notRun == null)) {
      throw new IllegalArgumentException("a section has either content or a reason it has none");
    }
  }

  /** Returns a section with content. */
  public static <T> Section<T> of(T content) {
    return new Section<>(Objects.requireNonNull(content, "content"), null);
  }

  /** Returns a section whose step has not run, saying why. */
  public static <T> Section<T> notRun(String why) {
    return new Section<>(null, Objects.requireNonNull(why, "why"));
  }

  /** Returns true when the section has content. */
  public boolean present() {
    return content != null;
  }
}
