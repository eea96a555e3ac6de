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
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * {@code GET /bare/{tenant}/boards/{id}}: one transaction that sets the council for row-level
 * security and finds the board. {@code GET /bare/{tenant}/boards/{id}/overview}: the same, then the
 * board's seats and records in the two queries the boards plugin's board read runs, answered in the
 * same shape. No authentication, on purpose: these are the floors the platform's own read is
 * compared with (one find, and the same work).
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

  /** The board with its seats and records, as the boards plugin's read shows it. */
  public record OverviewView(
      UUID id,
      String name,
      String termsOfReference,
      String codeOfConduct,
      List<BareSeat.View> members,
      List<BareRecord.View> subgroups,
      List<BareRecord.View> decisions,
      List<BareRecord.View> achievements) {}

  @GET
  @Path("{id}")
  @Transactional
  public Response get(@PathParam("tenant") String tenant, @PathParam("id") String id) {
    BareBoard found = find(tenant, id);
    if (found == null) {
      return Response.status(404).build();
    }
    return Response.ok(
            new BoardView(
                found.id(), found.name(), found.termsOfReference(), found.codeOfConduct()))
        .build();
  }

  @GET
  @Path("{id}/overview")
  @Transactional
  public Response overview(@PathParam("tenant") String tenant, @PathParam("id") String id) {
    BareBoard found = find(tenant, id);
    if (found == null) {
      return Response.status(404).build();
    }
    List<BareSeat.View> seats =
        em.createQuery(
                "SELECT s FROM BareSeat s WHERE s.boardId = :board ORDER BY s.termStart",
                BareSeat.class)
            .setParameter("board", found.id())
            .getResultList()
            .stream()
            .map(BareSeat::view)
            .toList();
    List<BareRecord> records =
        em.createQuery(
                "SELECT r FROM BareRecord r WHERE r.boardId = :board ORDER BY r.happenedOn DESC",
                BareRecord.class)
            .setParameter("board", found.id())
            .getResultList();
    return Response.ok(
            new OverviewView(
                found.id(),
                found.name(),
                found.termsOfReference(),
                found.codeOfConduct(),
                seats,
                ofKind(records, "SUBGROUP"),
                ofKind(records, "DECISION"),
                ofKind(records, "ACHIEVEMENT")))
        .build();
  }

  private static List<BareRecord.View> ofKind(List<BareRecord> records, String kind) {
    return records.stream().filter(r -> r.kind().equals(kind)).map(BareRecord::view).toList();
  }

  /** The board, as the council sees it through row-level security; null if it does not. */
  private BareBoard find(String tenant, String id) {
    UUID board;
    try {
      board = UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      return null;
    }
    if (!SLUG.matcher(tenant).matches()) {
      return null;
    }
    // Transaction-local, on the transaction's one connection (exclusive connection mode).
    em.createNativeQuery("SELECT set_config('app.tenant_id', ?1, true)")
        .setParameter(1, tenant)
        .getSingleResult();
    return em.find(BareBoard.class, board);
  }
}
