package org.roundtable.core.rest.internal;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.roundtable.api.reference.BenefitLimits;
import org.roundtable.core.reference.NationalBenefitLimits;
import org.roundtable.core.request.ProblemException;
import org.roundtable.steps.access.OperatorOnly;

/**
 * The operators' API for national benefit limits: updating a figure is data, not a release. A
 * figure applies from its day on, so what happened before keeps the old one.
 */
@Path("v1/platform/benefit-limits")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@OperatorOnly
public class OperatorBenefitLimitResource {

  @Inject NationalBenefitLimits limits;

  /** A figure as an operator sends it (a class: see MemberResource.MemberRequest). */
  public static class FigureRequest {
    @NotBlank(message = "enter the limit's name, like Carer's Allowance earnings limit")
    @Size(max = 200)
    public String name;

    @NotNull(message = "WEEK or MONTH")
    public BenefitLimits.Period period;

    @NotNull(message = "enter the amount in pence, like 19600 for £196")
    @PositiveOrZero
    @Max(100_000_000)
    public Long amountPence;

    @Size(max = 1000)
    public String note;
  }

  @GET
  @Operation(summary = "Every figure of every national benefit limit, by limit and date")
  public List<BenefitLimits.Limit> list() {
    return limits.all();
  }

  @PUT
  @Path("{code}/{appliesFrom}")
  @Operation(
      summary = "Add a figure from a day, or correct it",
      description = "Claims for activities on or after that day are checked against it.")
  @APIResponse(responseCode = "201", description = "A new figure")
  @APIResponse(responseCode = "200", description = "The figure was corrected")
  public Response put(
      @PathParam("code") String code,
      @PathParam("appliesFrom") String appliesFrom,
      @NotNull(message = "send the figure as JSON") @Valid FigureRequest request) {
    if (!code.matches("[a-z][a-z0-9-]{1,59}")) {
      throw ProblemException.invalid(
          "code", "is lower-case letters, digits and hyphens, like carers-allowance");
    }
    LocalDate from;
    try {
      from = LocalDate.parse(appliesFrom);
    } catch (DateTimeParseException e) {
      throw ProblemException.invalid("appliesFrom", "must be a date like 2027-04-05");
    }
    BenefitLimits.Limit limit =
        new BenefitLimits.Limit(
            code, request.name.strip(), request.period, request.amountPence, from, request.note);
    boolean created = limits.put(limit);
    return Response.status(created ? 201 : 200).entity(limit).build();
  }
}
