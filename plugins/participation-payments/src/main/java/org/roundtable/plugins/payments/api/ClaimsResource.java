package org.roundtable.plugins.payments.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.spi.JsonProvider;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.roundtable.api.errors.Forbidden;
import org.roundtable.api.errors.Refused;
import org.roundtable.api.money.Money;
import org.roundtable.api.platform.CurrentMember;
import org.roundtable.api.security.RequiresPermission;
import org.roundtable.api.web.DocumentType;
import org.roundtable.api.web.Download;
import org.roundtable.plugins.payments.PaymentsPlugin;
import org.roundtable.plugins.payments.application.BenefitCheck;
import org.roundtable.plugins.payments.application.ClaimApprovals;
import org.roundtable.plugins.payments.application.ClaimEdits;
import org.roundtable.plugins.payments.application.Claims;
import org.roundtable.plugins.payments.application.Ledger;
import org.roundtable.plugins.payments.application.ParticipationSync;
import org.roundtable.plugins.payments.domain.Claim;
import org.roundtable.plugins.payments.domain.Expense;
import org.roundtable.plugins.payments.domain.Receipt;

/** {@code /api/v1/{tenant}/payments/claims}: claims from draft to paid. */
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ClaimsResource {

  /** Looked up once: {@code Json.create…} scans the class path for the provider every call. */
  private static final JsonProvider JSON = JsonProvider.provider();

  public static final int RECEIPT_LIMIT = 5 * 1024 * 1024;

  @Inject Claims claims;

  @Inject ClaimEdits claimEdits;

  @Inject ClaimApprovals approvals;
  @Inject Ledger ledger;
  @Inject ParticipationSync sync;
  @Inject CurrentMember currentMember;

  /** A claim by hand. */
  public record ManualRequest(
      @NotBlank(message = "say what kind of activity it was, like document-review") @Size(max = 60)
          String activityType,
      @NotBlank(message = "say what the activity was") @Size(max = 300) String activityTitle,
      @NotNull(message = "give the activity's date, like 2027-03-12") LocalDate activityDate,
      @Size(max = 60) String role,
      @Min(value = 0, message = "minutes cannot be negative")
          @Max(value = 1440, message = "one claim is for at most a day (1440 minutes)")
          int minutes,
      @Min(value = 0, message = "documents cannot be negative")
          @Max(value = 100, message = "one claim is for at most 100 documents")
          int documents) {}

  /** How the fee is taken. */
  public record ChoiceRequest(
      @NotNull(message = "choose BANK, VOUCHER, CHARITY or DECLINE") Claim.Method method,
      @PositiveOrZero(message = "a lower amount cannot be negative") Long lowerAmountPence,
      @Size(max = 200) String charity) {}

  /** An expense. */
  public record ExpenseRequest(
      @NotBlank(message = "say what kind of expense it is") String kind,
      @NotBlank(message = "describe the expense, like 'Bus fare there and back'") @Size(max = 300)
          String description,
      Long amountPence,
      Integer miles,
      @Size(max = 300) String priorAgreement) {}

  /** Confirming a claim. */
  public record SubmissionRequest(boolean acknowledgeBenefitWarnings) {}

  /** Approving many claims. */
  public record ApprovalsRequest(
      @NotEmpty(message = "list the claims to approve")
          @Size(max = 1000, message = "approve at most 1000 claims at once")
          List<UUID> claimIds) {}

  /** Rejecting a claim. */
  public record RejectionRequest(
      @NotBlank(message = "say why, so the person can put it right") @Size(max = 1000)
          String reason) {}

  @GET
  @RequiresPermission(PaymentsPlugin.CLAIM)
  public List<ClaimViews.ClaimView> list(
      @QueryParam("member") String member,
      @QueryParam("status") Claim.Status status,
      @QueryParam("offset") @DefaultValue("0") int offset,
      @QueryParam("limit") @DefaultValue("100") int limit) {
    if (offset < 0 || limit < 1 || limit > 1000) {
      throw new Refused("offset", "offset must be 0 or more and limit 1 to 1000");
    }
    if (member == null && status == null) {
      return claims.mine().stream().map(c -> summary(c)).toList();
    }
    requirePermission(PaymentsPlugin.READ_ALL);
    if (member != null) {
      return claims.forMember(Requests.uuid(member)).stream().map(c -> summary(c)).toList();
    }
    return claims.inStatus(status, offset, limit).stream().map(c -> summary(c)).toList();
  }

  @POST
  @RequiresPermission(PaymentsPlugin.CLAIM)
  public Response claimByHand(
      @NotNull(message = "send the claim as JSON") @Valid ManualRequest request) {
    Claim claim =
        claimEdits.claimByHand(
            new ClaimEdits.ManualClaim(
                request.activityType().strip(),
                request.activityTitle().strip(),
                request.activityDate(),
                request.role() == null || request.role().isBlank()
                    ? "member"
                    : request.role().strip(),
                request.minutes(),
                request.documents()));
    return Response.status(201).entity(view(claim)).build();
  }

  @GET
  @Path("{id}")
  @RequiresPermission(PaymentsPlugin.CLAIM)
  public ClaimViews.ClaimView get(@PathParam("id") String id) {
    return view(claims.visible(Requests.uuid(id)));
  }

  @PUT
  @Path("{id}/choice")
  @RequiresPermission(PaymentsPlugin.CLAIM)
  public ClaimViews.ClaimView choose(
      @PathParam("id") String id,
      @NotNull(message = "send the choice as JSON") @Valid ChoiceRequest request) {
    return view(
        claimEdits.choose(
            Requests.uuid(id), request.method(), request.lowerAmountPence(), request.charity()));
  }

  @POST
  @Path("{id}/expenses")
  @RequiresPermission(PaymentsPlugin.CLAIM)
  public Response addExpense(
      @PathParam("id") String id,
      @NotNull(message = "send the expense as JSON") @Valid ExpenseRequest request) {
    Expense expense =
        claimEdits.addExpense(
            Requests.uuid(id),
            new ClaimEdits.NewExpense(
                request.kind(),
                request.description().strip(),
                request.amountPence(),
                request.miles(),
                request.priorAgreement()));
    return Response.status(201).entity(ClaimViews.expenseView(expense)).build();
  }

  @DELETE
  @Path("{id}/expenses/{expense}")
  @RequiresPermission(PaymentsPlugin.CLAIM)
  public Response removeExpense(@PathParam("id") String id, @PathParam("expense") String expense) {
    claimEdits.removeExpense(Requests.uuid(id), Requests.uuid(expense));
    return Response.noContent().build();
  }

  @PUT
  @Path("{id}/expenses/{expense}/receipt")
  @Consumes({"application/pdf", "image/jpeg", "image/png"})
  @RequiresPermission(PaymentsPlugin.CLAIM)
  public Response attachReceipt(
      @PathParam("id") String id,
      @PathParam("expense") String expense,
      @HeaderParam("Content-Type") String contentType,
      @QueryParam("fileName") @DefaultValue("receipt") String fileName,
      byte[] content) {
    if (content == null || content.length == 0) {
      throw new Refused("body", "Send the receipt's file as the body");
    }
    if (content.length > RECEIPT_LIMIT) {
      return Response.status(413).build();
    }
    MediaType media = MediaType.valueOf(contentType);
    String type = media.getType() + "/" + media.getSubtype();
    if (!looksLike(type, content)) {
      return Response.status(415).build();
    }
    claimEdits.attachReceipt(
        Requests.uuid(id),
        Requests.uuid(expense),
        fileName.replaceAll("[^A-Za-z0-9._ -]", "_"),
        type,
        content);
    return Response.noContent().build();
  }

  @GET
  @Path("{id}/expenses/{expense}/receipt")
  @Produces({"application/pdf", "image/jpeg", "image/png", MediaType.APPLICATION_JSON})
  @RequiresPermission(PaymentsPlugin.CLAIM)
  public Response receipt(@PathParam("id") String id, @PathParam("expense") String expense) {
    Receipt receipt = claims.receipt(Requests.uuid(id), Requests.uuid(expense));
    return Download.attachment(receipt.content(), receipt.contentType(), receipt.fileName());
  }

  /**
   * Confirms the claim. 200 with the claim (also when it was already submitted: the same request
   * again changes nothing); 409 {@code benefit-limit} with the warnings when it would cross a limit
   * the person asked to hear about and they have not yet said they read them.
   */
  @POST
  @Path("{id}/submission")
  @RequiresPermission(PaymentsPlugin.CLAIM)
  public Response submit(@PathParam("id") String id, SubmissionRequest request) {
    ClaimEdits.Submission submission =
        claimEdits.submit(
            Requests.uuid(id), request != null && request.acknowledgeBenefitWarnings());
    if (submission.claim().status() == Claim.Status.DRAFT
        || submission.claim().status() == Claim.Status.REJECTED) {
      return benefitWarning(submission);
    }
    return Response.ok(view(submission.claim())).build();
  }

  /** The RFC 9457 problem of a claim that would cross a benefit limit, with its warnings. */
  public record BenefitProblem(
      String type, String title, int status, String detail, List<BenefitCheck.Warning> warnings) {}

  private static final Jsonb JSONB = JsonbBuilder.create();

  private static Response benefitWarning(ClaimEdits.Submission submission) {
    return Response.status(409)
        .type("application/problem+json")
        .entity(
            JSONB.toJson(
                new BenefitProblem(
                    "urn:roundtable:problem:payments:benefit-limit",
                    "This claim may affect your benefits",
                    409,
                    "Read the warnings, then choose vouchers, a lower amount or to decline, or"
                        + " confirm again saying you have read them"
                        + " (acknowledgeBenefitWarnings: true)",
                    submission.warnings())))
        .build();
  }

  @POST
  @Path("{id}/decline")
  @RequiresPermission(PaymentsPlugin.CLAIM)
  public ClaimViews.ClaimView decline(@PathParam("id") String id) {
    return view(claimEdits.decline(Requests.uuid(id)));
  }

  @POST
  @Path("{id}/approval")
  @RequiresPermission(PaymentsPlugin.APPROVE)
  public ClaimViews.ClaimView approve(@PathParam("id") String id) {
    return view(approvals.approve(List.of(Requests.uuid(id))).get(0));
  }

  @POST
  @Path("approvals")
  @RequiresPermission(PaymentsPlugin.APPROVE)
  public List<ClaimViews.ClaimView> approveAll(
      @NotNull(message = "send the claims as JSON") @Valid ApprovalsRequest request) {
    return approvals.approve(request.claimIds()).stream().map(c -> summary(c)).toList();
  }

  /** The approval queue as the caller finds it: what approving it whole would approve. */
  public record QueueView(
      long claims, long people, long totalPence, String total, long forAnotherApprover) {
    static QueueView of(ClaimApprovals.Queue queue) {
      return new QueueView(
          queue.claims(),
          queue.people(),
          queue.totalPence(),
          Money.ofPence(queue.totalPence()).display(),
          queue.forAnotherApprover());
    }
  }

  /** Approving the whole queue: what the approver was shown, so a queue that changed is refused. */
  public record QueueApprovalRequest(
      @PositiveOrZero(message = "say how many claims the queue showed you") long claims,
      @PositiveOrZero(message = "say the total the queue showed you, in pence") long totalPence) {}

  @GET
  @Path("approvals/queue")
  @RequiresPermission(PaymentsPlugin.APPROVE)
  public QueueView queue() {
    return QueueView.of(approvals.queue());
  }

  @POST
  @Path("approvals/queue")
  @RequiresPermission(PaymentsPlugin.APPROVE)
  public QueueView approveQueue(
      @NotNull(message = "send the number of claims and their total you were shown, as JSON") @Valid
          QueueApprovalRequest request) {
    return QueueView.of(approvals.approveQueue(request.claims(), request.totalPence()));
  }

  @POST
  @Path("{id}/rejection")
  @RequiresPermission(PaymentsPlugin.APPROVE)
  public ClaimViews.ClaimView reject(
      @PathParam("id") String id,
      @NotNull(message = "send the reason as JSON") @Valid RejectionRequest request) {
    return view(approvals.reject(Requests.uuid(id), request.reason()));
  }

  @GET
  @Path("{id}/ledger")
  @RequiresPermission(PaymentsPlugin.CLAIM)
  public List<LedgerResource.EntryView> ledger(@PathParam("id") String id) {
    Claim claim = claims.visible(Requests.uuid(id));
    return ledger.forClaim(claim.id()).stream().map(LedgerResource.EntryView::of).toList();
  }

  /** Catches up with every participation record now (what switching the plugin on does). */
  @POST
  @Path("sync")
  @RequiresPermission(PaymentsPlugin.FINANCE)
  public Response sync() {
    int changed = sync.catchUp();
    return Response.ok(JSON.createObjectBuilder().add("claimsChanged", changed).build().toString())
        .build();
  }

  private void requirePermission(String permission) {
    if (!currentMember.hasPermission(permission)) {
      throw new Forbidden("You do not have permission to do this");
    }
  }

  /** What a receipt may be: a PDF or a photo, never anything a browser would run. */
  private static final List<DocumentType> RECEIPTS =
      List.of(DocumentType.PDF, DocumentType.JPEG, DocumentType.PNG);

  /** What a receipt's bytes are (PDF, JPEG or PNG, by their signature), if one of those. */
  public static Optional<String> receiptType(byte[] content) {
    return RECEIPTS.stream()
        .filter(type -> type.matches(content))
        .map(DocumentType::mediaType)
        .findFirst();
  }

  static boolean looksLike(String type, byte[] content) {
    return DocumentType.of(type)
        .filter(RECEIPTS::contains)
        .map(t -> t.matches(content))
        .orElse(false);
  }

  private ClaimViews.ClaimView summary(Claim c) {
    return ClaimViews.view(c, List.of(), List.of(), c.chargedExpensesPence());
  }

  private ClaimViews.ClaimView view(Claim c) {
    return ClaimViews.full(claims, c);
  }
}
