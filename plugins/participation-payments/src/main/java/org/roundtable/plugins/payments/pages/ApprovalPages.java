package org.roundtable.plugins.payments.pages;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.mvc.Controller;
import jakarta.mvc.Models;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.roundtable.api.money.Money;
import org.roundtable.api.platform.CurrentMember;
import org.roundtable.api.platform.Members;
import org.roundtable.api.security.RequiresPermission;
import org.roundtable.api.tenancy.TenantContext;
import org.roundtable.api.web.FormSubmission;
import org.roundtable.api.web.Redirect;
import org.roundtable.plugins.payments.PaymentsPlugin;
import org.roundtable.plugins.payments.api.Requests;
import org.roundtable.plugins.payments.application.ClaimApprovals;
import org.roundtable.plugins.payments.application.Claims;
import org.roundtable.plugins.payments.domain.Claim;
import org.roundtable.plugins.payments.domain.UkText;

/**
 * {@code /{tenant}/payments/approvals}: the claims waiting for approval, oldest activity first.
 * Nobody approves their own claim: it is listed without a box to tick.
 */
@Controller
@RequestScoped
public class ApprovalPages {

  @Inject Claims claims;

  @Inject ClaimApprovals approvals;
  @Inject Members members;
  @Inject CurrentMember currentMember;
  @Inject Models models;
  @Inject TenantContext tenant;

  /** A claim in the queue. */
  public record Waiting(
      UUID id, String person, String activity, String date, String amount, boolean own) {}

  @GET
  @RequiresPermission(PaymentsPlugin.APPROVE)
  public String queue(@QueryParam("done") String done) {
    List<Claim> waiting = claims.inStatus(Claim.Status.SUBMITTED, 0, 200);
    Map<UUID, Members.Summary> people =
        members.findAll(waiting.stream().map(Claim::memberId).toList());
    Optional<UUID> me = currentMember.signedInId();
    models.put(
        "waiting",
        waiting.stream()
            .map(
                c ->
                    new Waiting(
                        c.id(),
                        Optional.ofNullable(people.get(c.memberId()))
                            .map(Members.Summary::name)
                            .orElse("Someone who has left"),
                        c.activityTitle(),
                        UkText.day(c.activityDate()),
                        Money.ofPence(c.payableFeePence() + c.chargedExpensesPence()).display(),
                        me.map(c.memberId()::equals).orElse(false)))
            .toList());
    // Nobody approves while acting for someone: the whole queue is offered only as oneself.
    ClaimApprovals.Queue queue =
        currentMember.isActingForAnother()
            ? new ClaimApprovals.Queue(0, 0, 0, 0)
            : approvals.queue();
    models.put("queue", queue);
    models.put("queueTotal", Money.ofPence(queue.totalPence()).display());
    models.put("done", done);
    return "payments/approvals.html";
  }

  @POST
  @RequiresPermission(PaymentsPlugin.APPROVE)
  public String approve(MultivaluedMap<String, String> form) {
    List<UUID> chosen =
        Optional.ofNullable(form.get("claim")).orElse(List.of()).stream()
            .map(Requests::uuid)
            .toList();
    // Approving one's own claim is refused with the "no access" page, not beside the list.
    return FormSubmission.of(models::put)
        .submit(
            errors -> {
              if (chosen.isEmpty()) {
                errors.add("claim", "Select the claims to approve");
              }
              errors.refuseIfAny();
              int approved = approvals.approve(chosen).size();
              return Redirect.to(
                  tenant.current(),
                  "payments/approvals",
                  approved == 1 ? "1 claim approved" : approved + " claims approved");
            },
            () -> queue(null));
  }

  /**
   * Approves every claim waiting that the officer may decide on, as the page showed them (how many
   * and their total): if the queue changed since, nothing is approved and the page says so.
   */
  @POST
  @Path("queue")
  @RequiresPermission(PaymentsPlugin.APPROVE)
  public String approveQueue(
      @FormParam("claims") String claimsShown, @FormParam("totalPence") String totalShown) {
    return FormSubmission.of(models::put)
        .otherwiseOn("approve-queue")
        .submit(
            errors -> {
              long shown = count(claimsShown);
              long total = count(totalShown);
              if (shown < 0 || total < 0) {
                errors.add("approve-queue", "Look at the queue again before approving it");
              }
              errors.refuseIfAny();
              long approved = approvals.approveQueue(shown, total).claims();
              return Redirect.to(
                  tenant.current(),
                  "payments/approvals",
                  approved == 1 ? "1 claim approved" : approved + " claims approved");
            },
            () -> queue(null));
  }

  @GET
  @Path("{id}/rejection")
  @RequiresPermission(PaymentsPlugin.APPROVE)
  public String rejectForm(@PathParam("id") String id) {
    models.put("claim", claims.visible(Requests.uuid(id)));
    models.put("reason", "");
    return "payments/reject.html";
  }

  @POST
  @Path("{id}/rejection")
  @RequiresPermission(PaymentsPlugin.APPROVE)
  public String reject(@PathParam("id") String id, @FormParam("reason") String reason) {
    String why = reason == null ? "" : reason.strip();
    return FormSubmission.of(models::put)
        .submit(
            errors -> {
              if (why.isEmpty() || why.length() > 1000) {
                errors.add(
                    "reason", "Say why, in up to 1,000 characters, so the person can put it right");
              }
              errors.refuseIfAny();
              approvals.reject(Requests.uuid(id), why);
              return Redirect.to(
                  tenant.current(), "payments/approvals", "The claim has been sent back");
            },
            () -> {
              models.put("claim", claims.visible(Requests.uuid(id)));
              models.put("reason", why);
              return "payments/reject.html";
            });
  }

  /** A number the page put in a hidden field, or -1 if it is not one. */
  private static long count(String shown) {
    try {
      return Long.parseLong(shown == null ? "" : shown.strip());
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
