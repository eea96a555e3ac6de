package ${package}.pages;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.mvc.Controller;
import jakarta.mvc.Models;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MultivaluedMap;
import java.time.Instant;
import java.util.Map;
import ${package}.SuggestionBoxPlugin;
import ${package}.application.SuggestionRules;
import ${package}.application.Suggestions;
import org.roundtable.api.platform.CurrentMember;
import org.roundtable.api.security.RequiresPermission;
import org.roundtable.api.tenancy.TenantContext;
import org.roundtable.api.web.FormFields;
import org.roundtable.api.web.FormSubmission;
import org.roundtable.api.web.Redirect;

/**
 * {@code /{council}/${pluginId}/}: the council's suggestions, and a form to make one. Works without
 * JavaScript; the form goes through {@link FormSubmission}, so a refusal shows the page again with
 * the message beside the field and what was typed kept.
 */
@Controller
@RequestScoped
public class SuggestionPages {

  @Inject Suggestions suggestions;
  @Inject SuggestionRules rules;
  @Inject CurrentMember currentMember;
  @Inject TenantContext tenant;
  @Inject Models models;

  /** A suggestion in the list (the page shows the day the UK way, with {@code uk.date}). */
  public record Row(String text, Instant createdAt) {}

  @GET
  @RequiresPermission(SuggestionBoxPlugin.READ)
  public String list(@QueryParam("done") String done) {
    models.put(
        "suggestions",
        suggestions.recent(50).stream()
            .map(s -> new Row(s.text(), s.createdAt()))
            .toList());
    models.put(
        "canSuggest", rules.open() && currentMember.hasPermission(SuggestionBoxPlugin.SUGGEST));
    models.put("pluginPath", SuggestionBoxPlugin.ID);
    models.put("done", done);
    return "${pluginId}/suggestions.html";
  }

  @POST
  @RequiresPermission(SuggestionBoxPlugin.SUGGEST)
  public String suggest(MultivaluedMap<String, String> form) {
    String text = FormFields.text(form, "text");
    return FormSubmission.of(models::put)
        .keeping(Map.of("text", text))
        .submit(
            errors -> {
              suggestions.suggest(text);
              return Redirect.to(
                  tenant.current(), SuggestionBoxPlugin.ID + "/", "Thank you for your suggestion");
            },
            () -> list(null));
  }
}
