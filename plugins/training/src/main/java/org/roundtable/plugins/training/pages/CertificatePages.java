package org.roundtable.plugins.training.pages;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import org.roundtable.api.errors.NotFound;
import org.roundtable.api.security.RequiresPermission;
import org.roundtable.api.web.Download;
import org.roundtable.plugins.training.TrainingPlugin;
import org.roundtable.plugins.training.application.Bookings;
import org.roundtable.plugins.training.application.Certificates;
import org.roundtable.plugins.training.domain.Booking;

/**
 * {@code /{council}/training/certificates/{session}}: one's certificate for a session one came to,
 * a PDF, as a download. Not a controller: a controller's response is a view, never a file.
 */
@RequestScoped
public class CertificatePages {

  @Inject Bookings bookings;
  @Inject Certificates certificates;

  @GET
  @Path("{session}")
  @RequiresPermission(TrainingPlugin.BOOK)
  public Response certificate(@PathParam("session") String session) {
    Booking mine =
        bookings
            .mineOn(PageForms.fromAddress(session, "This session"))
            .orElseThrow(() -> new NotFound("A certificate for this session"));
    Certificates.Certificate certificate = certificates.of(mine.id());
    return Download.attachment(certificate.pdf(), "application/pdf", certificate.fileName());
  }
}
