package dev.oktair.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Issue 16: a filter attribute no event has warns with the field meant; --ip takes only addresses. */
class FilterFieldsTest {
  @Test
  void aMisspeltAttributeWarnsWithTheFieldMeant() {
    assertThat(FilterFields.warnings("eventtype eq \"user.session.start\""))
        .containsExactly("the filter attribute 'eventtype' is no field of Okta's System Log events, so it matches"
            + " nothing: did you mean eventType?");
    assertThat(FilterFields.warnings("client.ipAdress eq \"1.2.3.4\"")).singleElement().asString()
        .endsWith("did you mean client.ipAddress?");
    assertThat(FilterFields.warnings("nonsense_here pr")).singleElement().asString().endsWith("matches nothing");
  }

  @Test
  void realFieldsQuotedTextAndFreeFormFieldsDoNotWarn() {
    assertThat(FilterFields.warnings("eventType eq \"user.session.start\" and actor.alternateId co \"bob\""
        + " and debugContext.debugData.requestUri sw \"/api\" and displayMessage eq \"bogus eq x\" and"
        + " client.geographicalContext pr")).isEmpty();
    assertThat(FilterFields.warnings(null)).isEmpty();
  }

  @Test
  void ipOptionsTakeAddressesOnly() {
    assertThat(IpArg.check("--ip", "203.0.113.9")).isEqualTo("203.0.113.9");
    assertThat(IpArg.check("--ip", "2001:db8::1")).isEqualTo("2001:db8::1");
    for (String bad : new String[] {"203.0.113.256", "203.0.113", "203.0.113.0/24", "evil.example.com", "1.2.3.4 ", ""}) {
      if (bad.equals("1.2.3.4 ")) {
        assertThat(IpArg.check("--ip", bad)).isEqualTo("1.2.3.4");
        continue;
      }
      assertThatThrownBy(() -> IpArg.check("--ip", bad)).isInstanceOf(ExitException.class)
          .hasMessageContaining("--ip takes an IP address");
    }
  }
}
