package org.roundtable.core.rest.internal;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.Map;
import org.roundtable.core.request.ProblemException;

/**
 * Every query parameter of the API is plain before any endpoint reads it: at most {@value
 * #MAX_LENGTH} characters and no control characters. Each endpoint still checks what its values
 * mean (a range, a date, a choice).
 */
@Provider
@Priority(Priorities.USER)
public class QueryInputGuard implements ContainerRequestFilter {

  static final int MAX_LENGTH = 500;

  @Override
  public void filter(ContainerRequestContext request) {
    for (Map.Entry<String, List<String>> parameter :
        request.getUriInfo().getQueryParameters().entrySet()) {
      for (String value : parameter.getValue()) {
        if (value.length() > MAX_LENGTH) {
          throw ProblemException.invalid(
              parameter.getKey(), "is longer than " + MAX_LENGTH + " characters");
        }
        if (value.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
          throw ProblemException.invalid(parameter.getKey(), "contains control characters");
        }
      }
    }
  }
}
