package dev.oktair.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.JsonNodeFactory;

/** The loopback HTTP/1.1 server: wire details real clients rely on. */
class LoopbackServerTest {
  private final List<LoopbackServer.Incoming> seen = new ArrayList<>();
  private LoopbackServer server;

  @BeforeEach
  void start() throws IOException {
    server = new LoopbackServer(0, SimClock.at(Instant.parse("2026-03-01T09:05:07Z")));
    server.start(in -> {
      synchronized (seen) {
        seen.add(in);
      }
      if (in.target().equals("/drop")) {
        return Response.drop();
      }
      return Response.ok(JsonNodeFactory.instance.objectNode().put("body", new String(in.body(), StandardCharsets.UTF_8)));
    });
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void dateFollowsTheSimulatorClockAndConnectionsAreKeptAlive() throws IOException {
    try (Socket s = new Socket("127.0.0.1", server.port())) {
      String first = exchange(s, "GET /a HTTP/1.1\r\nHost: x\r\n\r\n", 1);
      assertThat(first).startsWith("HTTP/1.1 200 OK\r\n").contains("\r\nDate: Sun, 01 Mar 2026 09:05:07 GMT\r\n")
          .contains("Content-Length: 11\r\n").doesNotContain("Connection: close");
      String second = exchange(s, "POST /b HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nhello", 1);
      assertThat(second).endsWith("{\"body\":\"hello\"}");
    }
  }

  @Test
  void chunkedBodiesAndExpectContinue() throws IOException {
    try (Socket s = new Socket("127.0.0.1", server.port())) {
      String reply = exchange(s, "POST /c HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nExpect: 100-continue\r\n"
          + "Connection: close\r\n\r\n3\r\nabc\r\n2;ext=1\r\nde\r\n0\r\n\r\n", 2);
      assertThat(reply).startsWith("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK").contains("Connection: close")
          .endsWith("{\"body\":\"abcde\"}");
    }
  }

  @Test
  void http10ClosesAndDropResets() throws IOException {
    try (Socket s = new Socket("127.0.0.1", server.port())) {
      assertThat(readAll(s, "GET /a HTTP/1.0\r\n\r\n")).startsWith("HTTP/1.1 200 OK").contains("Connection: close");
    }
    try (Socket s = new Socket("127.0.0.1", server.port())) {
      String reply;
      try {
        reply = readAll(s, "GET /drop HTTP/1.1\r\nHost: x\r\n\r\n");
      } catch (IOException reset) {
        reply = "";
      }
      assertThat(reply).isEmpty();
    }
  }

  /** Sends {@code request} and reads until {@code responses} responses (by Content-Length) arrived. */
  private static String exchange(Socket s, String request, int responses) throws IOException {
    s.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
    InputStream in = s.getInputStream();
    StringBuilder out = new StringBuilder();
    int complete = 0;
    while (complete < responses) {
      int c = in.read();
      if (c < 0) {
        break;
      }
      out.append((char) c);
      String text = out.toString();
      int headerEnd = text.lastIndexOf("\r\n\r\n");
      if (headerEnd >= 0 && text.endsWith("\r\n\r\n") && text.substring(text.lastIndexOf("HTTP/1.1")).contains("100 Continue")) {
        complete++;
        continue;
      }
      int cl = text.lastIndexOf("Content-Length: ");
      if (cl >= 0 && headerEnd > cl) {
        int len = Integer.parseInt(text.substring(cl + 16, text.indexOf("\r\n", cl)));
        if (text.length() - headerEnd - 4 == len) {
          complete++;
        }
      }
    }
    return out.toString();
  }

  private static String readAll(Socket s, String request) throws IOException {
    OutputStream o = s.getOutputStream();
    o.write(request.getBytes(StandardCharsets.UTF_8));
    return new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
  }
}
