package ${package}.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import ${package}.SuggestionBoxPlugin;
import ${package}.application.Suggestions;
import ${package}.domain.Suggestion;
import org.roundtable.api.errors.NotFound;
import org.roundtable.api.security.RequiresPermission;

/**
 * {@code /api/v1/{council}/${pluginId}/suggestions}: the council's suggestions as JSON. Mounted by the
 * platform (no class-level {@code @Path}); every method says who may call it. Application-scoped:
 * it holds nothing of a request, and a request-scoped resource made a plugin read a sixth slower
 * (ADR 0032).
 */
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SuggestionsResource {

  @Inject Suggestions suggestions;

  /** A new suggestion. */
  public record SuggestionRequest(
      @NotNull(message = "write your suggestion") @Size(max = 2000) String text) {}

  /** A suggestion as the API shows it. */
  public record SuggestionView(UUID id, String text, Instant createdAt) {

    static SuggestionView of(Suggestion suggestion) {
      return new SuggestionView(suggestion.id(), suggestion.text(), suggestion.createdAt());
    }
  }

  @GET
  @RequiresPermission(SuggestionBoxPlugin.READ)
  public List<SuggestionView> list() {
    return suggestions.recent(100).stream().map(SuggestionView::of).toList();
  }

  @GET
  @Path("{id}")
  @RequiresPermission(SuggestionBoxPlugin.READ)
  public SuggestionView one(@PathParam("id") String id) {
    try {
      return SuggestionView.of(suggestions.suggestion(UUID.fromString(id)));
    } catch (IllegalArgumentException notAnId) {
      throw new NotFound("This suggestion");
    }
  }

  @POST
  @RequiresPermission(SuggestionBoxPlugin.SUGGEST)
  public Response suggest(
      @NotNull(message = "send the suggestion as JSON") @Valid SuggestionRequest request) {
    return Response.status(201)
        .entity(SuggestionView.of(suggestions.suggest(request.text())))
        .build();
  }
}
