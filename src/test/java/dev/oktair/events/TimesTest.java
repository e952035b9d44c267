package dev.oktair.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class TimesTest {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-28T12:00:00Z"), ZoneOffset.UTC);

  @Test
  void parsesIsoAndSiemPublishedForms() {
    assertThat(Times.parsePublished("2024-08-13T15:58:20.353Z")).isEqualTo(Instant.parse("2024-08-13T15:58:20.353Z"));
    assertThat(Times.parsePublished("2024-08-13T17:58:20.353+02:00")).isEqualTo(Instant.parse("2024-08-13T15:58:20.353Z"));
    assertThat(Times.parsePublished("2023-01-10 17:39:40.526")).isEqualTo(Instant.parse("2023-01-10T17:39:40.526Z"));
    assertThat(Times.parsePublished("2023-01-10 17:39:40")).isEqualTo(Instant.parse("2023-01-10T17:39:40Z"));
    assertThat(Times.parsePublished("yesterday")).isNull();
    assertThat(Times.parsePublished(null)).isNull();
  }

  /**
   * The digit-by-digit reading of Okta's and the SIEM form gives what the general parse gives,
   * impossible dates (Feb 30, hour 24, second 60) included, which it leaves to that parse.
   */
  @Test
  void theUsualFormsReadAsTheGeneralParseReadsThem() {
    java.util.Random r = new java.util.Random(5);
    java.time.format.DateTimeFormatter siem = new java.time.format.DateTimeFormatterBuilder()
        .appendPattern("uuuu-MM-dd HH:mm:ss")
        .optionalStart().appendFraction(java.time.temporal.ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
        .toFormatter(java.util.Locale.ROOT);
    for (int n = 0; n < 20_000; n++) {
      String date = String.format(java.util.Locale.ROOT, "%04d-%02d-%02d", r.nextInt(3000), r.nextInt(14), r.nextInt(33));
      String time = String.format(java.util.Locale.ROOT, "%02d:%02d:%02d.%03d", r.nextInt(26), r.nextInt(61), r.nextInt(62),
          r.nextInt(1000));
      String iso = date + "T" + time + "Z";
      String siemText = date + " " + time;
      assertThat(Times.parsePublished(iso)).as(iso).isEqualTo(general(() -> java.time.OffsetDateTime.parse(iso).toInstant()));
      assertThat(Times.parsePublished(siemText)).as(siemText)
          .isEqualTo(general(() -> java.time.LocalDateTime.parse(siemText, siem).toInstant(ZoneOffset.UTC)));
    }
    assertThat(Times.parsePublished("2024-08-13T15:58:2x.353Z")).isNull();
  }

  private static Instant general(java.util.function.Supplier<Instant> parse) {
    try {
      return parse.get();
    } catch (java.time.format.DateTimeParseException e) {
      return null;
    }
  }

  @Test
  void oktasOwnFormReadsAsTheGeneralParserReadsIt() {
    java.util.Random random = new java.util.Random(14);
    java.time.format.DateTimeFormatter okta =
        java.time.format.DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    for (int i = 0; i < 10_000; i++) {
      Instant t = Instant.ofEpochMilli(random.nextLong(-62_000_000_000_000L, 250_000_000_000_000L));
      assertThat(Times.parsePublished(okta.format(t))).isEqualTo(t);
    }
    assertThat(Times.parsePublished("2024-02-29T23:59:59.999Z")).isEqualTo(Instant.parse("2024-02-29T23:59:59.999Z"));
    for (String notATime : new String[] {"2023-02-29T00:00:00.000Z", "2024-13-01T00:00:00.000Z",
        "2024-01-01T24:00:00.000Z", "2024-01-01T00:60:00.000Z", "2024-01-0xT00:00:00.000Z", "2024-01-01T00:00:00.00xZ"}) {
      assertThat(Times.parsePublished(notATime)).as(notATime).isNull();
    }
  }

  @Test
  void parsesRelativeAndAbsoluteBounds() {
    assertThat(Times.parseBound("7d", CLOCK)).isEqualTo(Instant.parse("2026-11-21T12:00:00Z"));
    assertThat(Times.parseBound("36h", CLOCK)).isEqualTo(Instant.parse("2026-11-27T00:00:00Z"));
    assertThat(Times.parseBound("90m", CLOCK)).isEqualTo(Instant.parse("2026-11-28T10:30:00Z"));
    assertThat(Times.parseBound("2w", CLOCK)).isEqualTo(Instant.parse("2026-11-14T12:00:00Z"));
    assertThat(Times.parseBound("2024-06-14", CLOCK)).isEqualTo(Instant.parse("2024-06-14T00:00:00Z"));
    assertThat(Times.parseBound("2024-06-14T09:00:00Z", CLOCK)).isEqualTo(Instant.parse("2024-06-14T09:00:00Z"));
    assertThat(Times.parseBound("now", CLOCK)).isEqualTo(CLOCK.instant());
  }

  @Test
  void rejectsUnknownFormsNamingTheText() {
    assertThatThrownBy(() -> Times.parseBound("last tuesday", CLOCK))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'last tuesday'")
        .hasMessageContaining("36h");
  }
}
