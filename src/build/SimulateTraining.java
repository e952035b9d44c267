import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The class-data training run of {@code okta-ir simulate} serving, which runs until Ctrl-C: starts
 * it writing its class list, asks its System Log for one event once it prints how to connect (the
 * first answer a responder waits for), lets it start its fake service providers, then stops it.
 * Issue 16 (ready in under 2 s): the classes and lambdas of that start, archived, are not parsed
 * and spun at every start. Run by the build as a source file:
 * {@code java SimulateTraining.java CLASSLIST JAR}.
 */
public final class SimulateTraining {
  private static final String EXPORT = "  export OKTA_CLIENT_ORGURL=";
  private static final String SERVING = "serving on ";

  private SimulateTraining() {}

  public static void main(String[] args) throws IOException, InterruptedException {
    if (args.length != 2) {
      throw new IllegalArgumentException("usage: java SimulateTraining.java CLASSLIST JAR");
    }
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process simulate = new ProcessBuilder(java, "-XX:DumpLoadedClassList=" + args[0], "-XX:TieredStopAtLevel=1",
        "-jar", args[1], "simulate", "--port", "0").redirectErrorStream(true).start();
    try (BufferedReader out = new BufferedReader(new InputStreamReader(simulate.getInputStream(), StandardCharsets.UTF_8))) {
      boolean asked = false;
      for (String line = out.readLine(); line != null; line = out.readLine()) {
        if (line.startsWith(EXPORT)) {
          askForOneEvent(line.substring(EXPORT.length()));
          asked = true;
        } else if (asked && line.contains(SERVING)) {
          break;
        }
      }
      if (!asked) {
        throw new IllegalStateException("simulate stopped before it printed how to connect");
      }
    } finally {
      simulate.destroy();
      if (!simulate.waitFor(30, TimeUnit.SECONDS)) {
        simulate.destroyForcibly();
      }
    }
  }

  /** {@code settings} is "URL OKTA_CLIENT_TOKEN=TOKEN", as the export line prints them. */
  private static void askForOneEvent(String settings) throws IOException {
    String url = settings.substring(0, settings.indexOf(' '));
    String token = settings.substring(settings.indexOf("OKTA_CLIENT_TOKEN=") + "OKTA_CLIENT_TOKEN=".length());
    HttpURLConnection c = (HttpURLConnection) URI.create(url + "/api/v1/logs?limit=1").toURL().openConnection();
    c.setRequestProperty("Authorization", "SSWS " + token);
    int status = c.getResponseCode();
    c.getInputStream().readAllBytes();
    if (status != 200) {
      throw new IllegalStateException("simulate answered /api/v1/logs with " + status);
    }
  }
}
