package dev.oktair.collect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.oktair.evidence.EvidenceStore;
import dev.oktair.okta.OktaClient;
import dev.oktair.okta.OktaConfig;
import dev.oktair.okta.ScaledTime;
import dev.oktair.okta.SimFixtures;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A server that answers every page of a bounded query with events and a next link to the same
 * page would make a collection fetch and store the same events forever: it must fail instead.
 */
class SelfLinkIT {
  private static final Instant NOW = SimFixtures.NOW;
  @TempDir Path dir;

  @Test
  void aNonEmptyPageLinkingToItselfFailsTheCollectionInsteadOfLoopingForever() throws IOException {
    AtomicInteger pages = new AtomicInteger();
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
    server.createContext("/api/v1/logs", ex -> {
      byte[] body = ("[{\"uuid\":\"u-" + pages.incrementAndGet() + "\",\"published\":\"" + NOW.minusSeconds(60)
          + "\"}]").getBytes(StandardCharsets.UTF_8);
      String self = "http://127.0.0.1:" + server.getAddress().getPort() + ex.getRequestURI();
      ex.getResponseHeaders().add("Link", "<" + self + ">; rel=\"next\"");
      ex.getResponseHeaders().add("Content-Type", "application/json");
      ex.sendResponseHeaders(pages.get() > 50 ? 500 : 200, body.length);
      ex.getResponseBody().write(body);
      ex.close();
    });
    server.start();
    try {
      ScaledTime time = new ScaledTime(NOW, 1);
      OktaClient client = OktaClient.builder(OktaConfig.ssws("http://127.0.0.1:" + server.getAddress().getPort(),
          "00abcdefghijklmnopqrstuvwxyz0123456789ABCD")).clock(time).sleeper(time).build();
      Collector collector = new Collector(client, EvidenceStore.open(dir, time), time, time, Progress.silent());
      CollectRequest request = new CollectRequest(Subject.all(), NOW.minus(Duration.ofHours(1)), NOW, 1, "self");
      assertThatThrownBy(() -> collector.collect(request))
          .isInstanceOf(CollectException.class).hasMessageContaining("next link").hasMessageContaining("same page");
      assertThat(pages.get()).isEqualTo(1);
    } finally {
      server.stop(0);
    }
  }
}
