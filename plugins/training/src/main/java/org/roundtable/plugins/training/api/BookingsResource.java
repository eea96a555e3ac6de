package org.roundtable.plugins.training.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.roundtable.api.platform.Members;
import org.roundtable.api.security.RequiresPermission;
import org.roundtable.api.web.Download;
import org.roundtable.plugins.training.TrainingPlugin;
import org.roundtable.plugins.training.application.Bookings;
import org.roundtable.plugins.training.application.Certificates;
import org.roundtable.plugins.training.application.Evaluations;
import org.roundtable.plugins.training.domain.Booking;

/**
 * {@code /api/v1/{council}/training/bookings}: one's own bookings; taking a place offered from the
 * waiting list; cancelling; the certificate of a session one came to.
 */
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class BookingsResource {

  @Inject Bookings bookings;
  @Inject Certificates certificates;
  @Inject Members members;
  @Inject Evaluations evaluations;
  @Inject SessionViews views;

  @GET
  @RequiresPermission(TrainingPlugin.BOOK)
  public List<SessionsResource.BookingView> mine() {
    List<Booking> all = bookings.mine();
    Map<UUID, Members.Summary> names =
        members.findAll(all.stream().map(Booking::memberId).distinct().toList());
    return all.stream().map(b -> SessionsResource.view(b, names)).toList();
  }

  /** The sessions one came to and has not yet evaluated. */
  @GET
  @Path("to-evaluate")
  @RequiresPermission(TrainingPlugin.BOOK)
  public List<SessionViews.SessionView> toEvaluate() {
    return evaluations.toFillIn().stream().map(views::of).toList();
  }

  @POST
  @Path("{booking}/acceptance")
  @RequiresPermission(TrainingPlugin.BOOK)
  public SessionsResource.BookingView accept(@PathParam("booking") String booking) {
    return one(bookings.accept(id(booking)));
  }

  @POST
  @Path("{booking}/cancellation")
  @RequiresPermission(TrainingPlugin.BOOK)
  public SessionsResource.BookingView cancel(@PathParam("booking") String booking) {
    return one(bookings.cancel(id(booking)));
  }

  /** The certificate, a PDF, always as a download. */
  @GET
  @Path("{booking}/certificate")
  @Produces({"application/pdf", MediaType.APPLICATION_JSON})
  @RequiresPermission(TrainingPlugin.BOOK)
  public Response certificate(@PathParam("booking") String booking) {
    Certificates.Certificate certificate = certificates.of(id(booking));
    return Download.attachment(certificate.pdf(), "application/pdf", certificate.fileName());
  }

  private SessionsResource.BookingView one(Booking b) {
    return SessionsResource.view(b, members.findAll(List.of(b.memberId())));
  }

  private static UUID id(String booking) {
    return Ids.of(booking, "This booking");
  }
}
