package org.roundtable.core.web.ui;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.mvc.security.CsrfValidationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.Map;

/** A form posted without this session's token (from another site, or an old page): 403 page. */
@Priority(1)
public class CsrfErrors implements ExceptionMapper<CsrfValidationException> {

  @Inject ErrorPages pages;

  @Override
  public Response toResponse(CsrfValidationException error) {
    return pages.page(403, "errors/form-expired.html", Map.of());
  }
}
