package org.roundtable.distribution;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Whether a running Roundtable is ready: {@code /health/ready} answers 200 and includes the
 * application's own database check (Payara answers UP with no checks at all when the application
 * failed to deploy). The Helm test pod runs it; exits 0 when ready, 1 otherwise.
 *
 * <p>Usage: {@code CheckReady <url of /health/ready>}.
 */
public final class CheckReady {

  private CheckReady() {}

  public static void main(String[] args) {
    if (args.length != 1) {
      System.err.println("usage: CheckReady <url of /health/ready>");
      System.exit(2);
    }
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    try {
      HttpResponse<String> response =
          client.send(
              HttpRequest.newBuilder(URI.create(args[0])).timeout(Duration.ofSeconds(10)).build(),
              HttpResponse.BodyHandlers.ofString());
      System.out.println(response.statusCode() + " " + response.body());
      System.exit(isReady(response.statusCode(), response.body()) ? 0 : 1);
    } catch (IOException | IllegalArgumentException e) {
      System.err.println("Cannot reach " + args[0] + ": " + e.getMessage());
      System.exit(1);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      System.exit(1);
    }
  }

  /** A readiness answer that is UP and comes from the deployed application's checks. */
  static boolean isReady(int status, String body) {
    return status == 200 && body.contains("\"database\"");
  }
}
