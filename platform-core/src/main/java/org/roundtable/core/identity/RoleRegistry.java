package org.roundtable.core.identity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.roundtable.api.plugin.PluginDescriptor;
import org.roundtable.api.plugin.Role;

/**
 * Every role a council's people can hold: the platform's own and those the installed plugins bring
 * ({@link PluginDescriptor#roles()}), each with its name in plain words. One list for the token
 * check (which roles a token's are read from), permissions (which roles a grant may name), the
 * pages (role names, the person's page) and Keycloak provisioning (the realm roles each realm has).
 */
@ApplicationScoped
public class RoleRegistry {

  /** The administrator role: nobody removes the last person holding it. */
  public static final String ADMIN = "tenant-admin";

  /**
   * Someone from outside invited to named records of one plugin: the role no permission grant
   * names; what a guest may do comes only from their guest grants ({@link GuestGrants}).
   */
  public static final String GUEST = "guest";

  /** The platform's own roles. */
  public static final List<Role> CORE =
      List.of(
          new Role("member", "Member", "An expert by experience, a carer or another member"),
          new Role("officer", "Officer", "Council staff who support co-production"),
          new Role("finance", "Finance", "Pays participation claims"),
          new Role(ADMIN, "Council administrator", "Configures the council's Roundtable"),
          new Role(
              GUEST,
              "Guest",
              "Someone from outside, invited to named records of one plugin and nothing else"));

  @Inject InstalledPlugins plugins;

  private volatile Map<String, Role> byId;

  /** Every role, the platform's first, then each plugin's in start order. */
  public List<Role> all() {
    return List.copyOf(roles().values());
  }

  /** The ids of every role. */
  public Set<String> ids() {
    return roles().keySet();
  }

  public Optional<Role> find(String id) {
    return Optional.ofNullable(roles().get(id));
  }

  /** A role's name in plain words (its id for a role no longer known). */
  public String name(String id) {
    return find(id).map(Role::name).orElse(id);
  }

  /** Names of these roles, sorted. */
  public List<String> names(Set<String> ids) {
    return ids.stream().filter(roles()::containsKey).map(this::name).sorted().toList();
  }

  private Map<String, Role> roles() {
    if (byId == null) {
      byId = of(plugins.all());
    }
    return byId;
  }

  /**
   * The registry of a set of plugins.
   *
   * @throws IllegalArgumentException naming the plugin whose role clashes with another's
   */
  static Map<String, Role> of(List<PluginDescriptor> plugins) {
    Map<String, Role> roles = new LinkedHashMap<>();
    CORE.forEach(role -> roles.put(role.id(), role));
    List<String> clashes = new ArrayList<>();
    for (PluginDescriptor plugin : plugins) {
      for (Role role : plugin.roles()) {
        if (roles.putIfAbsent(role.id(), role) != null) {
          clashes.add(plugin.id() + " brings the role '" + role.id() + "', which already exists");
        }
      }
    }
    if (!clashes.isEmpty()) {
      throw new IllegalArgumentException(String.join("; ", clashes));
    }
    // Kept in order (Map.copyOf would iterate in an order that changes with every JVM): the pages
    // list roles as declared, and each realm's roles are hashed in a known order.
    return java.util.Collections.unmodifiableMap(roles);
  }
}
