package org.roundtable.core.web.ui;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.ContentDisposition;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.MediaType;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * File uploads (multipart forms) carry the form token as their first field (the {@code csrf}
 * fragment placed first in the form, which browsers send first), since Jakarta MVC reads the token
 * only from plain forms or a header: this reads that first field — at most {@link #PEEK} bytes,
 * never the file — hands it to the check as the header, and gives the body back whole. A form whose
 * first field is not the token gets no header and is refused like any post without one.
 */
@PreMatching
public class MultipartCsrf implements ContainerRequestFilter {

  /** The most bytes read ahead to find the token's field. */
  static final int PEEK = 2048;

  @Override
  public void filter(ContainerRequestContext request) throws IOException {
    MediaType type = request.getMediaType();
    if (type == null
        || !MediaType.MULTIPART_FORM_DATA_TYPE.isCompatible(type)
        || request.getHeaderString(SessionBoundCsrf.HEADER) != null) {
      return;
    }
    InputStream body = request.getEntityStream();
    byte[] start = body.readNBytes(PEEK);
    request.setEntityStream(new SequenceInputStream(new ByteArrayInputStream(start), body));
    firstField(start, type.toString(), SessionBoundCsrf.FIELD)
        .ifPresent(token -> request.getHeaders().putSingle(SessionBoundCsrf.HEADER, token));
  }

  /** The value of a form's first field if it has this name and fits in {@code start}. */
  static Optional<String> firstField(byte[] start, String contentType, String name) {
    try {
      MimeMultipart form = new MimeMultipart(new ByteArrayDataSource(start, contentType));
      if (form.getCount() < 2) {
        return Optional.empty(); // the token's part must end before what was read does
      }
      BodyPart first = form.getBodyPart(0);
      String[] disposition = first.getHeader("Content-Disposition");
      if (disposition == null
          || !name.equals(new ContentDisposition(disposition[0]).getParameter("name"))) {
        return Optional.empty();
      }
      try (InputStream value = first.getInputStream()) {
        byte[] bytes = value.readNBytes(256);
        return Optional.of(new String(bytes, StandardCharsets.US_ASCII).strip());
      }
    } catch (MessagingException | IOException e) {
      return Optional.empty();
    }
  }
}
