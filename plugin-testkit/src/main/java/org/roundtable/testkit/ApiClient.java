package org.roundtable.testkit;

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

/** A small HTTP client for the API tests: what a real caller sends, nothing more. */
public final class ApiClient {

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final URI base;
  private String bearer;
  private final java.util.Map<String, String> headers;

  public ApiClient(URL deployment) {
    // The adapter reports the machine's interface address; the server listens on loopback too.
    this.base = URI.create("http://127.0.0.1:" + deployment.getPort() + "/");
    this.headers = java.util.Map.of();
  }

  private ApiClient(URI base, String bearer, java.util.Map<String, String> headers) {
    this.base = base;
    this.bearer = bearer;
    this.headers = headers;
  }

  /** The same client, sending a bearer access token. */
  public ApiClient withBearer(String token) {
    return new ApiClient(base, token, headers);
  }

  /** The same client, sending one more header with every request. */
  public ApiClient withHeader(String name, String value) {
    java.util.Map<String, String> more = new java.util.HashMap<>(headers);
    more.put(name, value);
    return new ApiClient(base, bearer, java.util.Map.copyOf(more));
  }

  public Result get(String path) {
    return send(builder(path).GET());
  }

  /**
   * A file the API sends (a PDF, a CSV, a calendar), its bytes as they came: for checking a
   * download with the library that reads it, which a text body would have garbled.
   *
   * @throws AssertionError unless it answers 200
   */
  public byte[] bytes(String path) {
    HttpRequest request = builder(path).setHeader("Accept", "*/*").GET().build();
    try {
      HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
      if (response.statusCode() != 200) {
        throw new AssertionError(
            "GET " + path + " answered " + response.statusCode() + ", not a file");
      }
      return response.body();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public Result delete(String path) {
    return send(builder(path).DELETE());
  }

  public Result post(String path, String json) {
    return send(builder(path).header("Content-Type", "application/json").POST(body(json)));
  }

  public Result put(String path, String json, String... headers) {
    HttpRequest.Builder request =
        builder(path).header("Content-Type", "application/json").PUT(body(json));
    for (int i = 0; i + 1 < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    return send(request);
  }

  public Result send(String method, String path, String contentType, String body) {
    return send(builder(path).header("Content-Type", contentType).method(method, body(body)));
  }

  private HttpRequest.Builder builder(String path) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(base.resolve(path.startsWith("/") ? path.substring(1) : path))
            .timeout(Duration.ofSeconds(30))
            .header("Accept", "application/json, application/problem+json");
    if (bearer != null) {
      builder.header("Authorization", "Bearer " + bearer);
    }
    headers.forEach(builder::header);
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
  public record Result(HttpResponse<String> response) {

    public int status() {
      return response.statusCode();
    }

    public String body() {
      return response.body();
    }

    public String header(String name) {
      return response.headers().firstValue(name).orElse(null);
    }

    public String contentType() {
      return header("Content-Type");
    }

    public JsonObject json() {
      return (JsonObject) structure();
    }

    public JsonStructure structure() {
      try (var reader = Json.createReader(new StringReader(response.body()))) {
        return reader.read();
      }
    }
  }
}
