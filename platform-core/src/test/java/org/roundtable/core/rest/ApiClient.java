package org.roundtable.core.rest;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.roundtable.core.testing.TestCallerAuthenticator;

/** A small HTTP client for the API tests: what a real caller sends, nothing more. */
final class ApiClient {

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final URI base;
  private String caller;

  ApiClient(URL deployment) {
    // The adapter reports the machine's interface address; the server listens on loopback too.
    this.base = URI.create("http://127.0.0.1:" + deployment.getPort() + "/");
  }

  private ApiClient(URI base, String caller) {
    this.base = base;
    this.caller = caller;
  }

  /** The same client, signed in (test-only mechanism) as the given caller. */
  ApiClient as(String tenant, String subject, String... roles) {
    return new ApiClient(base, TestCallerAuthenticator.header(tenant, subject, roles));
  }

  /** The same client, signed in with raw test credentials. */
  ApiClient withCredentials(String rawCredentials) {
    return new ApiClient(base, rawCredentials);
  }

  Result get(String path) {
    return send(builder(path).GET());
  }

  Result delete(String path) {
    return send(builder(path).DELETE());
  }

  Result post(String path, String json) {
    return send(builder(path).header("Content-Type", "application/json").POST(body(json)));
  }

  Result put(String path, String json, String... headers) {
    HttpRequest.Builder request =
        builder(path).header("Content-Type", "application/json").PUT(body(json));
    for (int i = 0; i + 1 < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    return send(request);
  }

  Result send(String method, String path, String contentType, String body) {
    return send(builder(path).header("Content-Type", contentType).method(method, body(body)));
  }

  private HttpRequest.Builder builder(String path) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(base.resolve(path.startsWith("/") ? path.substring(1) : path))
            .timeout(Duration.ofSeconds(30))
            .header("Accept", "application/json, application/problem+json");
    if (caller != null) {
      builder.header(TestCallerAuthenticator.HEADER, caller);
    }
    return builder;
  }

  private static HttpRequest.BodyPublisher body(String text) {
    return HttpRequest.BodyPublishers.ofString(text);
  }

  private Result send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Result(response);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A response, with its body readable as JSON. */
  record Result(HttpResponse<String> response) {

    int status() {
      return response.statusCode();
    }

    String body() {
      return response.body();
    }

    String header(String name) {
      return response.headers().firstValue(name).orElse(null);
    }

    String contentType() {
      return header("Content-Type");
    }

    JsonObject json() {
      return (JsonObject) structure();
    }

    JsonStructure structure() {
      try (var reader = Json.createReader(new StringReader(response.body()))) {
        return reader.read();
      }
    }
  }
}
