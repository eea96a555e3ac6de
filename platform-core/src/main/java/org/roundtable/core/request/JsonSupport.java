package org.roundtable.core.request;

import jakarta.json.spi.JsonProvider;

/**
 * The JSON-P provider, looked up once. {@code jakarta.json.Json}'s static methods look it up again
 * on every call (a service-loader scan of the class path): measurable on a request that builds a
 * few objects, and most of the cost of approving a batch of claims.
 */
public final class JsonSupport {

  /** The provider: {@code JSON.createObjectBuilder()} where one would write {@code Json.…}. */
  public static final JsonProvider JSON = JsonProvider.provider();

  private JsonSupport() {}
}
