package dev.oktair.sim;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small HTTP/1.1 server on 127.0.0.1: keep-alive, Content-Length and chunked request bodies,
 * {@code Expect: 100-continue}, TCP_NODELAY, one thread per open connection. It exists instead
 * of the JDK's {@code com.sun.net.httpserver} because that one always writes {@code Date} from
 * the wall clock, and Okta clients wait {@code X-Rate-Limit-Reset - Date}: both must come from
 * the simulator's clock, which tests fix or scale. Thread-safe.
 */
final class LoopbackServer implements AutoCloseable {
  private static final int MAX_LINE = 16 * 1024;
  private static final int MAX_HEADERS = 200;
  private static final int IDLE_TIMEOUT_MILLIS = 120_000;
  private static final DateTimeFormatter HTTP_DATE =
      DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);
  private static final Map<Integer, String> REASONS = Map.ofEntries(
      Map.entry(100, "Continue"), Map.entry(200, "OK"), Map.entry(204, "No Content"), Map.entry(400, "Bad Request"),
      Map.entry(401, "Unauthorized"), Map.entry(403, "Forbidden"), Map.entry(404, "Not Found"),
      Map.entry(405, "Method Not Allowed"), Map.entry(411, "Length Required"), Map.entry(429, "Too Many Requests"),
      Map.entry(500, "Internal Server Error"), Map.entry(503, "Service Unavailable"));

  /**
   * One request as read from the wire.
   *
   * @param method the method, upper case
   * @param target the request target as sent (raw path and query)
   * @param headers header name (case-insensitive) to values
   * @param body the body bytes (empty when none)
   * @param remoteAddress the client's address
   */
  record Incoming(String method, String target, Map<String, List<String>> headers, byte[] body, String remoteAddress) {
    String header(String name) {
      List<String> v = headers.get(name);
      return v == null || v.isEmpty() ? null : v.get(0);
    }
  }

  /** Answers one request; {@link Response#dropped()} closes the connection without an answer. */
  interface Handler {
    Response handle(Incoming request);
  }

  private final ServerSocket socket;
  private final Clock clock;
  private final ExecutorService connections;
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private volatile Handler handler;
  private volatile Thread acceptor;

  /** Binds 127.0.0.1:{@code port} (0: any free port); nothing is served before {@link #start}. */
  LoopbackServer(int port, Clock clock) throws IOException {
    this.socket = new ServerSocket();
    socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 128);
    this.clock = clock;
    AtomicInteger n = new AtomicInteger();
    this.connections = Executors.newCachedThreadPool(r -> daemon(r, "okta-sim-conn-" + n.incrementAndGet()));
  }

  /** Starts accepting connections, each request answered by {@code h}. */
  void start(Handler h) {
    this.handler = h;
    acceptor = daemon(this::accept, "okta-sim-accept-" + socket.getLocalPort());
    acceptor.start();
  }

  int port() {
    return socket.getLocalPort();
  }

  @Override
  public void close() {
    try {
      socket.close();
    } catch (IOException e) {
      // closing anyway
    }
    awaitAcceptor();
    for (Socket s : open) {
      closeQuietly(s);
    }
    connections.shutdownNow();
  }

  /**
   * Waits for the accepting thread to leave {@code accept}: until it does, the kernel keeps the
   * port listening (the blocked call holds the socket), and a server started on the same port at
   * once, as a restarted org is, failed with "Address already in use" on a busy machine.
   */
  private void awaitAcceptor() {
    Thread t = acceptor;
    if (t == null || t == Thread.currentThread()) {
      return;
    }
    try {
      t.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void accept() {
    while (!socket.isClosed()) {
      try {
        Socket s = socket.accept();
        s.setTcpNoDelay(true);
        s.setSoTimeout(IDLE_TIMEOUT_MILLIS);
        open.add(s);
        connections.execute(() -> serve(s));
      } catch (IOException e) {
        if (socket.isClosed()) {
          return;
        }
      } catch (java.util.concurrent.RejectedExecutionException e) {
        return;
      }
    }
  }

  /** Serves requests on one connection until it closes, asks to close, or idles out. */
  private void serve(Socket s) {
    try (s) {
      InputStream in = new BufferedInputStream(s.getInputStream(), 16 * 1024);
      OutputStream out = new BufferedOutputStream(s.getOutputStream(), 16 * 1024);
      String remote = s.getInetAddress().getHostAddress();
      boolean keepAlive = true;
      while (keepAlive) {
        String requestLine = readLine(in);
        while (requestLine != null && requestLine.isEmpty()) {
          requestLine = readLine(in);
        }
        if (requestLine == null) {
          return;
        }
        String[] parts = requestLine.split(" ");
        if (parts.length != 3 || !parts[2].startsWith("HTTP/1.")) {
          write(out, Response.error(ApiException.validation("request", "Malformed request line")), false, false);
          return;
        }
        Map<String, List<String>> headers = readHeaders(in);
        keepAlive = keepAlive(parts[2], headers);
        if ("100-continue".equalsIgnoreCase(first(headers, "Expect"))) {
          out.write("HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
          out.flush();
        }
        byte[] body = readBody(in, headers);
        Response response;
        try {
          response = handler.handle(new Incoming(parts[0].toUpperCase(Locale.ROOT), parts[1], headers, body, remote));
        } catch (RuntimeException e) {
          response = Response.error(ApiException.serverError(500));
          keepAlive = false;
        }
        if (response.dropped()) {
          s.setSoLinger(true, 0); // reset, like a dropped upstream connection
          return;
        }
        write(out, response, keepAlive, "HEAD".equalsIgnoreCase(parts[0]));
      }
    } catch (SocketException | java.net.SocketTimeoutException e) {
      // the client went away or idled out
    } catch (IOException e) {
      // a malformed or truncated request: the connection is closed
    } finally {
      open.remove(s);
    }
  }

  private void write(OutputStream out, Response r, boolean keepAlive, boolean head) throws IOException {
    StringBuilder h = new StringBuilder(256);
    h.append("HTTP/1.1 ").append(r.status()).append(' ').append(REASONS.getOrDefault(r.status(), "Status")).append("\r\n");
    h.append("Date: ").append(HTTP_DATE.format(clock.instant())).append("\r\n");
    for (Map.Entry<String, List<String>> e : r.headers().entrySet()) {
      for (String v : e.getValue()) {
        h.append(e.getKey()).append(": ").append(v).append("\r\n");
      }
    }
    byte[] body = r.body();
    if (r.status() != 204) {
      h.append("Content-Length: ").append(body.length).append("\r\n");
    }
    if (!keepAlive) {
      h.append("Connection: close\r\n");
    }
    h.append("\r\n");
    out.write(h.toString().getBytes(StandardCharsets.UTF_8));
    if (!head && r.status() != 204) {
      out.write(body);
    }
    out.flush();
  }

  private static boolean keepAlive(String version, Map<String, List<String>> headers) {
    String connection = first(headers, "Connection");
    if ("HTTP/1.0".equals(version)) {
      return "keep-alive".equalsIgnoreCase(connection);
    }
    return !"close".equalsIgnoreCase(connection);
  }

  private static Map<String, List<String>> readHeaders(InputStream in) throws IOException {
    Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    for (int i = 0; ; i++) {
      String line = readLine(in);
      if (line == null) {
        throw new IOException("connection closed inside the headers");
      }
      if (line.isEmpty()) {
        return headers;
      }
      int colon = line.indexOf(':');
      if (colon <= 0 || i >= MAX_HEADERS) {
        throw new IOException("malformed header line");
      }
      headers.computeIfAbsent(line.substring(0, colon).trim(), k -> new java.util.ArrayList<>())
          .add(line.substring(colon + 1).trim());
    }
  }

  private static byte[] readBody(InputStream in, Map<String, List<String>> headers) throws IOException {
    if ("chunked".equalsIgnoreCase(first(headers, "Transfer-Encoding"))) {
      return readChunked(in);
    }
    String length = first(headers, "Content-Length");
    if (length == null) {
      return new byte[0];
    }
    int n;
    try {
      n = Integer.parseInt(length.trim());
    } catch (NumberFormatException e) {
      throw new IOException("bad Content-Length");
    }
    byte[] body = in.readNBytes(n);
    if (body.length != n) {
      throw new IOException("body shorter than Content-Length");
    }
    return body;
  }

  private static byte[] readChunked(InputStream in) throws IOException {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    while (true) {
      String sizeLine = readLine(in);
      if (sizeLine == null) {
        throw new IOException("connection closed inside a chunked body");
      }
      int semi = sizeLine.indexOf(';');
      int size = Integer.parseInt((semi < 0 ? sizeLine : sizeLine.substring(0, semi)).trim(), 16);
      if (size == 0) {
        String trailer;
        do {
          trailer = readLine(in); // trailers are ignored
        } while (trailer != null && !trailer.isEmpty());
        return body.toByteArray();
      }
      body.write(in.readNBytes(size));
      readLine(in);
    }
  }

  /** Reads one CRLF- (or LF-) terminated line as ISO-8859-1; null at end of stream. */
  private static String readLine(InputStream in) throws IOException {
    StringBuilder sb = new StringBuilder();
    int c;
    while ((c = in.read()) != -1) {
      if (c == '\n') {
        int len = sb.length();
        return len > 0 && sb.charAt(len - 1) == '\r' ? sb.substring(0, len - 1) : sb.toString();
      }
      if (sb.length() >= MAX_LINE) {
        throw new IOException("line too long");
      }
      sb.append((char) c);
    }
    return sb.length() == 0 ? null : sb.toString();
  }

  private static String first(Map<String, List<String>> headers, String name) {
    List<String> v = headers.get(name);
    return v == null || v.isEmpty() ? null : v.get(0);
  }

  private static Thread daemon(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    return t;
  }

  private static void closeQuietly(Socket s) {
    try {
      s.close();
    } catch (IOException e) {
      // already closing
    }
  }
}
