package org.roundtable.core.rest.internal;

import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.roundtable.core.resealing.Resealing;
import org.roundtable.steps.access.OperatorOnly;

/** The operators' API: sealed values brought up to the active key and format. */
@Path("v1/platform/resealing")
@Produces(MediaType.APPLICATION_JSON)
@OperatorOnly
public class OperatorResealingResource {

  @Inject Resealing resealing;

  @POST
  @Operation(
      summary = "Reseal every council's old sealed values again",
      description =
          "Each start does it once for every council; this runs it again on the instance that"
              + " answers, in the background (after restoring a backup made before a key change,"
              + " say). The log says when each council is done.")
  @APIResponse(responseCode = "202", description = "Resealing starts at the next poll")
  public Response again() {
    resealing.again();
    return Response.accepted().build();
  }
}
