package org.roundtable.core.rest.internal;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.roundtable.core.identity.Caller;
import org.roundtable.core.identity.CurrentCaller;
import org.roundtable.core.member.MemberDirectory;

/** The signed-in person's own member record, in this council. */
@Path("v1/{tenant}/me")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class MeResource {

  @Inject MemberDirectory directory;
  @Inject CurrentCaller currentCaller;

  @GET
  @Operation(
      summary = "Who I am here",
      description = "Created on the first sign-in of someone who was not invited.")
  public MemberResource.MemberView me() {
    Caller caller = caller();
    return MemberResource.MemberView.of(
        directory.forSignedIn(caller.subject(), caller.displayName()));
  }

  @PUT
  @Operation(summary = "Change my own profile: names, contact details, access needs, consent")
  public MemberResource.MemberView update(
      @NotNull(message = "send the profile as JSON") @Valid MemberResource.MemberRequest request) {
    Caller caller = caller();
    return MemberResource.MemberView.of(
        directory.updateOwn(caller.subject(), caller.displayName(), request.toDetails()));
  }

  private Caller caller() {
    return currentCaller
        .get()
        .orElseThrow(() -> new NotAuthorizedException("Sign-in is needed", "Bearer"));
  }
}
