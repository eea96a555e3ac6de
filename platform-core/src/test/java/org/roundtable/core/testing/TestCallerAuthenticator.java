package org.roundtable.core.testing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Optional;
import org.roundtable.api.tenancy.TenantRef;
import org.roundtable.core.identity.Caller;
import org.roundtable.core.identity.CallerAuthenticator;
import org.roundtable.core.identity.NotAuthenticatedException;

/**
 * TEST ONLY: authenticates a request from an {@code X-Test-Caller: tenant;subject;role,role}
 * header. It lives in the test sources alone and is added to the test deployment only, so the
 * shipped WAR cannot switch it on (a test checks the WAR does not contain it).
 */
@ApplicationScoped
public class TestCallerAuthenticator implements CallerAuthenticator {

  public static final String HEADER = "X-Test-Caller";

  @Override
  public Optional<Caller> authenticate(ContainerRequestContext request, TenantRef tenant) {
    String header = request.getHeaderString(HEADER);
    if (header == null) {
      return Optional.empty();
    }
    String[] parts = header.split(";", -1);
    if (parts.length != 3 || !TenantRef.isValidSlug(parts[0]) || parts[1].isBlank()) {
      throw new NotAuthenticatedException("The test credentials are malformed");
    }
    return Optional.of(
        new Caller(
            new TenantRef(parts[0]),
            parts[1],
            parts[1],
            new HashSet<>(Arrays.asList(parts[2].split(",")))));
  }

  /** The header value for a caller. */
  public static String header(String tenant, String subject, String... roles) {
    return tenant + ";" + subject + ";" + String.join(",", roles);
  }
}
