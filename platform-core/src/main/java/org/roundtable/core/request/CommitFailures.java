package org.roundtable.core.request;

import jakarta.transaction.TransactionalException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Providers;

/**
 * A {@code @Transactional} method whose transaction could not commit (the connection lost under it,
 * a constraint met at the commit's flush) is answered like any other failure of its application:
 * the API's problem, the pages' error page, a 503 when the database cannot serve. Jersey's own
 * mapper for these finds no mapper as close as itself and throws the exception on, which the
 * container answered with a bare 500.
 */
public class CommitFailures implements ExceptionMapper<TransactionalException> {

  @Context Providers providers;

  @Override
  public Response toResponse(TransactionalException failure) {
    return providers.getExceptionMapper(Throwable.class).toResponse(failure);
  }
}
