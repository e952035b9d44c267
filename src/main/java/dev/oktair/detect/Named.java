package dev.oktair.detect;

/** The descriptive half of a stateful detection, so each one only writes its scan. */
abstract class Named implements Detection {
  private final String id;
  private final String title;
  private final Severity severity;
  private final String technique;
  private final String recommendation;

  Named(String id, String title, Severity severity, String technique, String recommendation) {
    this.id = id;
    this.title = title;
    this.severity = severity;
    this.technique = technique;
    this.recommendation = recommendation;
  }

  @Override public String id() { return id; }
  @Override public String title() { return title; }
  @Override public Severity severity() { return severity; }
  @Override public String technique() { return technique; }
  @Override public String recommendation() { return recommendation; }
}
