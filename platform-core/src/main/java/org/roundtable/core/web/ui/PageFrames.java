package org.roundtable.core.web.ui;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.roundtable.api.plugin.PluginDescriptor;
import org.roundtable.api.web.NavigationEntry;
import org.roundtable.core.identity.AccessControl;
import org.roundtable.core.identity.Caller;
import org.roundtable.core.identity.CurrentCaller;
import org.roundtable.core.identity.Operators;
import org.roundtable.core.identity.Permissions;
import org.roundtable.core.member.Member;
import org.roundtable.core.member.MemberDirectory;
import org.roundtable.core.persistence.DatabaseFaults;
import org.roundtable.core.plugin.PluginActivations;
import org.roundtable.core.plugin.PluginCatalog;
import org.roundtable.core.request.RequestContext;
import org.roundtable.core.tenancy.Tenant;
import org.roundtable.core.tenancy.TenantBinding;

/**
 * Builds the frame around a page ({@link PageFrame}) for the current request: navigation from the
 * core and from every plugin switched on in this council, each entry shown only to holders of its
 * permission.
 */
@RequestScoped
public class PageFrames {

  @Inject CurrentCaller currentCaller;
  @Inject AccessControl access;
  @Inject PluginCatalog catalog;
  @Inject PluginActivations activations;
  @Inject MemberDirectory members;
  @Inject BrandingStore branding;
  @Inject LastSeenLooks looks;

  private PageFrame frame;

  /** The frame for this request's page (built once per request). */
  public PageFrame frame(HttpServletRequest request) {
    if (frame == null) {
      frame = build(request);
    }
    return frame;
  }

  private PageFrame build(HttpServletRequest request) {
    String context = request.getContextPath();
    String requestId = RequestContext.requestId().orElse("");
    Object resolved = request.getAttribute(Tenant.REQUEST_ATTRIBUTE);
    if (!(resolved instanceof Tenant tenant)) {
      return new PageFrame(
          "Roundtable",
          "",
          context,
          context + "/assets",
          null,
          0,
          List.of(),
          null,
          null,
          "",
          "",
          requestId);
    }
    String base = context + "/" + tenant.slug();
    String path = request.getRequestURI();
    Optional<Caller> caller = currentCaller.get();
    PageFrame.Person person =
        caller.map(c -> new PageFrame.Person(null, c.displayName())).orElse(null);
    BrandingStore.Look look = null;
    List<PageFrame.NavLink> navigation = List.of();
    PageFrame.Person actingFor = null;
    // An error page drawn after the request's work (the container's error dispatch) has no tenant
    // bound any more: it takes the look as last seen, without the database.
    boolean available =
        request.getAttribute(DatabaseFaults.ATTRIBUTE) == null
            && TenantBinding.current().isPresent();
    if (available) {
      try {
        look = branding.look();
        looks.remember(tenant.slug(), look);
        navigation = caller.isPresent() ? navigation(base, path) : List.of();
        actingFor =
            currentCaller
                .onBehalfOf()
                .flatMap(members::find)
                .map(m -> new PageFrame.Person(m.id().toString(), name(m)))
                .orElse(null);
      } catch (RuntimeException e) {
        if (!DatabaseFaults.isUnavailable(e)) {
          throw e;
        }
        available = false;
      }
    }
    if (!available) {
      // The page saying the service is having a problem: the council's look as last seen here,
      // no menu (it would need the database).
      look = looks.lastSeen(tenant.slug());
      navigation = List.of();
      actingFor = null;
    }
    return new PageFrame(
        tenant.displayName(),
        tenant.slug(),
        base,
        context + "/assets",
        look.hasLogo() ? base + "/branding/logo?v=" + look.version() : null,
        look.version(),
        navigation,
        person,
        actingFor,
        SessionBoundCsrf.FIELD,
        caller.isPresent() ? SessionBoundCsrf.token(request).orElse("") : "",
        requestId);
  }

  private List<PageFrame.NavLink> navigation(String base, String path) {
    List<PageFrame.NavLink> links = new ArrayList<>();
    if (base.endsWith("/" + Operators.REF.slug())) {
      // The operators' pages: councils only, and only for operators.
      if (currentCaller.get().map(Operators::isOperator).orElse(false)) {
        links.add(link("Councils", base + "/tenants", path, false));
      }
      return List.copyOf(links);
    }
    links.add(link("Home", base + "/", path, true));
    for (PluginDescriptor plugin : catalog.all()) {
      if (plugin.navigation().isEmpty() || !activations.isEnabled(plugin.id())) {
        continue;
      }
      for (NavigationEntry entry : plugin.navigation()) {
        if (entry.requiredPermission().map(access::holds).orElse(true)) {
          String href =
              base + "/" + plugin.id() + (entry.path().isEmpty() ? "" : "/" + entry.path());
          links.add(link(entry.label(), href, path, false));
        }
      }
    }
    if (access.holds(Permissions.MEMBERS_READ)) {
      links.add(link("People", base + "/people", path, false));
    }
    if (access.holds(Permissions.TENANT_MANAGE) || access.holds(Permissions.AUDIT_READ)) {
      links.add(link("Administration", base + "/admin", path, false));
    }
    links.add(link("Your profile", base + "/profile", path, false));
    return onlyTheClosestIsCurrent(links);
  }

  /** One link is the current section: the one whose address matches most of this page's. */
  private static List<PageFrame.NavLink> onlyTheClosestIsCurrent(List<PageFrame.NavLink> links) {
    PageFrame.NavLink closest =
        links.stream()
            .filter(PageFrame.NavLink::current)
            .max(java.util.Comparator.comparingInt(l -> l.href().length()))
            .orElse(null);
    return links.stream()
        .map(
            l ->
                l.current() && l != closest ? new PageFrame.NavLink(l.label(), l.href(), false) : l)
        .toList();
  }

  private static PageFrame.NavLink link(String label, String href, String path, boolean exact) {
    boolean current = exact ? path.equals(href) : path.equals(href) || path.startsWith(href + "/");
    return new PageFrame.NavLink(label, href, current);
  }

  /** The name a member goes by: their preferred name, else their full name. */
  public static String name(Member member) {
    String preferred = member.details().preferredName();
    return preferred == null || preferred.isBlank() ? member.details().fullName() : preferred;
  }
}
