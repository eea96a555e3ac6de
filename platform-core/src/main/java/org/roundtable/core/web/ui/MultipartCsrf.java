package org.roundtable.core.web.ui;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.MediaType;

/**
 * File uploads (multipart forms) carry the form token in the form's address, since Jakarta MVC
 * reads the token only from plain forms or a header: this hands it to the check as the header. The
 * token is bound to the session and worthless without the HttpOnly session cookie.
 */
@PreMatching
public class MultipartCsrf implements ContainerRequestFilter {

  @Override
  public void filter(ContainerRequestContext request) {
    MediaType type = request.getMediaType();
    if (type == null || !MediaType.MULTIPART_FORM_DATA_TYPE.isCompatible(type)) {
      return;
    }
    String token = request.getUriInfo().getQueryParameters().getFirst(SessionBoundCsrf.FIELD);
    if (token != null && request.getHeaderString(SessionBoundCsrf.HEADER) == null) {
      request.getHeaders().putSingle(SessionBoundCsrf.HEADER, token);
    }
  }
}
