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
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.roundtable.api.personaldata.PersonalDataHandler;
import org.roundtable.api.security.SignedIn;
import org.roundtable.core.identity.Caller;
import org.roundtable.core.identity.CurrentCaller;
import org.roundtable.core.member.MemberDirectory;

/**
 * The signed-in person's own member record, in this council — or, for an officer acting for a
 * member who takes part without signing in, that member's (see {@code AuthorizationFilter}).
 */
@Path("v1/{tenant}/me")
@SignedIn
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class MeResource {

  @Inject MemberDirectory directory;
  @Inject CurrentCaller currentCaller;
  @Inject org.roundtable.core.personaldata.PersonalDataExport export;

  @GET
  @Operation(
      summary = "Who I am here",
      description =
          "Created on the first sign-in of someone who was not invited. An officer acting for a"
              + " member without a sign-in sends the header Roundtable-Acting-For: <member id>.")
  public MemberResource.MemberView me() {
    Caller caller = caller();
    Optional<UUID> actingFor = currentCaller.onBehalfOf();
    if (actingFor.isPresent()) {
      return MemberResource.MemberView.of(directory.find(actingFor.get()).orElseThrow());
    }
    return MemberResource.MemberView.of(
        directory.forSignedIn(caller.subject(), caller.displayName()));
  }

  @PUT
  @Operation(summary = "Change my own profile: names, contact details, access needs, consent")
  public MemberResource.MemberView update(
      @NotNull(message = "send the profile as JSON") @Valid MemberResource.MemberRequest request) {
    Caller caller = caller();
    Optional<UUID> actingFor = currentCaller.onBehalfOf();
    if (actingFor.isPresent()) {
      // Audited as the officer's change, on the member's behalf.
      return MemberResource.MemberView.of(
          directory.update(actingFor.get(), request.toDetails(), Optional.empty()));
    }
    return MemberResource.MemberView.of(
        directory.updateOwn(caller.subject(), caller.displayName(), request.toDetails()));
  }

  @GET
  @jakarta.ws.rs.Path("personal-data")
  @Operation(summary = "Everything held about me here (my subject access request)")
  public jakarta.json.JsonObject personalData() {
    MemberResource.MemberView me = me();
    return export.export(me.id(), MemberResource.asJson(me), PersonalDataHandler.Audience.MEMBER);
  }

  private Caller caller() {
    return currentCaller
        .get()
        .orElseThrow(() -> new NotAuthorizedException("Sign-in is needed", "Bearer"));
  }
}
