package org.roundtable.core.web.ui.pages;

import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.mvc.Controller;
import jakarta.mvc.Models;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.roundtable.api.security.Public;
import org.roundtable.api.web.HomeSection;
import org.roundtable.api.web.Redirect;
import org.roundtable.core.identity.Caller;
import org.roundtable.core.identity.CurrentCaller;
import org.roundtable.core.identity.Operators;
import org.roundtable.core.identity.RoleRegistry;
import org.roundtable.core.plugin.PluginActivations;

/**
 * A council's first page: for someone signed in, what is next for them (each plugin switched on
 * here adds its section: meetings coming up, claims to confirm); else what Roundtable is and how to
 * sign in.
 */
@Path("{tenant}")
@Controller
@Public
@RequestScoped
public class HomePage {

  @Inject RoleRegistry roleRegistry;
  @Inject Models models;
  @Inject CurrentCaller currentCaller;
  @Inject Instance<HomeSection> sections;
  @Inject PluginActivations activations;

  @GET
  public String home() {
    if (currentCaller.get().isEmpty()) {
      return "welcome.html";
    }
    Caller caller = currentCaller.get().get();
    if (Operators.REF.equals(caller.tenant())) {
      return Redirect.to(Operators.REF, "tenants");
    }
    List<HomeSection> shown = new ArrayList<>();
    for (HomeSection section : sections) {
      if (activations.isEnabled(section.pluginId())) {
        shown.add(section);
      }
    }
    shown.sort(Comparator.comparingInt(HomeSection::order));
    models.put("name", caller.displayName());
    models.put(
        "sections",
        shown.stream()
            .map(HomeSection::forCurrentMember)
            .flatMap(java.util.Optional::stream)
            .filter(section -> !section.items().isEmpty())
            .toList());
    models.put("roles", roleRegistry.names(caller.roles()));
    return "home.html";
  }
}
