package org.roundtable.bench.control;

import jakarta.enterprise.context.RequestScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * {@code GET /bare/{tenant}/boards/{id}}: one transaction that sets the council for row-level
 * security and finds the board. No authentication, on purpose: this is the floor the platform's own
 * read is compared with.
 */
@Path("bare/{tenant}/boards")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class BareBoardResource {

  private static final Pattern SLUG = Pattern.compile("[a-z][a-z0-9-]{0,38}[a-z0-9]");

  @PersistenceContext(unitName = "bare")
  EntityManager em;

  /** The board as JSON. */
  public record BoardView(UUID id, String name, String termsOfReference, String codeOfConduct) {}

  @GET
  @Path("{id}")
  @Transactional
  public Response get(@PathParam("tenant") String tenant, @PathParam("id") String id) {
    UUID board;
    try {
      board = UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      return Response.status(404).build();
    }
    if (!SLUG.matcher(tenant).matches()) {
      return Response.status(404).build();
    }
    // Transaction-local, on the transaction's one connection (exclusive connection mode).
    em.createNativeQuery("SELECT set_config('app.tenant_id', ?1, true)")
        .setParameter(1, tenant)
        .getSingleResult();
    BareBoard found = em.find(BareBoard.class, board);
    if (found == null) {
      return Response.status(404).build();
    }
    return Response.ok(
            new BoardView(
                found.id(), found.name(), found.termsOfReference(), found.codeOfConduct()))
        .build();
  }
}
