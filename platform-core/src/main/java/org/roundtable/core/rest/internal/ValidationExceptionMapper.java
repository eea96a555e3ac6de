package org.roundtable.core.rest.internal;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.roundtable.core.request.Problem;
import org.roundtable.core.request.ProblemType;

/** Failed Bean Validation: 400, listing each invalid field with what is wrong with it. */
@Provider
public class ValidationExceptionMapper extends ProblemResponses
    implements ExceptionMapper<ConstraintViolationException> {

  @Override
  public Response toResponse(ConstraintViolationException exception) {
    List<Problem.FieldError> errors =
        exception.getConstraintViolations().stream()
            .map(v -> new Problem.FieldError(fieldName(v), v.getMessage()))
            .sorted(Comparator.comparing(Problem.FieldError::field))
            .toList();
    return respond(
        ProblemType.VALIDATION, "Correct the fields listed in errors and send it again", errors);
  }

  /** The field path within the request, without the Java method and parameter names. */
  static String fieldName(ConstraintViolation<?> violation) {
    List<String> names = new ArrayList<>();
    for (Path.Node node : violation.getPropertyPath()) {
      if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.CONSTRUCTOR) {
        continue;
      }
      if (node.getKind() == ElementKind.PARAMETER) {
        names.clear();
        continue;
      }
      if (node.getName() != null && node.getKind() != ElementKind.CONTAINER_ELEMENT) {
        names.add(node.getName());
      }
    }
    return names.isEmpty() ? "body" : String.join(".", names);
  }
}
