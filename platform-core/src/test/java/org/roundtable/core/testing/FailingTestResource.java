package org.roundtable.core.testing;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.roundtable.api.security.SignedIn;

/** TEST ONLY: an endpoint that fails the way a bug would, to check what a 500 reveals. */
@Path("v1/{tenant}/test-failure")
@SignedIn
public class FailingTestResource {

  @GET
  public String fail() {
    throw new IllegalStateException(
        "SELECT secret FROM member WHERE tenant_id = 'kirklees' -- internal detail");
  }
}
