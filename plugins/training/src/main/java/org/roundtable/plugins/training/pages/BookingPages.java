package org.roundtable.plugins.training.pages;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.mvc.Controller;
import jakarta.mvc.Models;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.Map;
import org.roundtable.api.security.RequiresPermission;
import org.roundtable.api.tenancy.TenantContext;
import org.roundtable.api.web.FormSubmission;
import org.roundtable.api.web.Redirect;
import org.roundtable.plugins.training.TrainingPlugin;
import org.roundtable.plugins.training.application.Bookings;

/**
 * One's own bookings at {@code /{council}/training/bookings/{id}/…}: taking a place offered from
 * the waiting list, giving one up. Back to the training page either way.
 */
@Controller
@RequestScoped
public class BookingPages {

  @Inject Bookings bookings;
  @Inject TrainingPages trainingPages;
  @Inject TenantContext tenant;
  @Inject Models models;

  /** Takes a place offered from the waiting list. */
  @POST
  @Path("{booking}/accept")
  @RequiresPermission(TrainingPlugin.BOOK)
  public String accept(@PathParam("booking") String booking) {
    return FormSubmission.of(models::put)
        .keeping(Map.of())
        .otherwiseOn("bookings")
        .submit(
            errors -> {
              bookings.accept(PageForms.fromAddress(booking, "This booking"));
              return back("The place is yours: the invitation is in your email");
            },
            () -> trainingPages.list(null));
  }

  /** Gives up a place, an offer or a place in the waiting list. */
  @POST
  @Path("{booking}/cancel")
  @RequiresPermission(TrainingPlugin.BOOK)
  public String cancel(@PathParam("booking") String booking) {
    return FormSubmission.of(models::put)
        .keeping(Map.of())
        .otherwiseOn("bookings")
        .submit(
            errors -> {
              bookings.cancel(PageForms.fromAddress(booking, "This booking"));
              return back("Cancelled: if someone is waiting, they are offered the place");
            },
            () -> trainingPages.list(null));
  }

  private String back(String done) {
    return Redirect.to(tenant.current(), TrainingPlugin.ID + "/", done);
  }
}
