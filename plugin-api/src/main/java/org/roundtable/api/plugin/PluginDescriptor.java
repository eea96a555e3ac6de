package org.roundtable.api.plugin;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.roundtable.api.settings.Setting;
import org.roundtable.api.web.NavigationEntry;

/**
 * What a plugin is and what it contributes; immutable, built with {@link #builder}.
 *
 * <ul>
 *   <li><b>Entities</b> join the platform's one persistence unit; each must be annotated {@link
 *       org.roundtable.api.persistence.TenantOwned}, and the platform applies both isolation locks.
 *   <li>A <b>Liquibase changelog</b> (a class-path resource) runs after the core's and after those
 *       of the plugins it depends on, with a history table of its own.
 *   <li><b>Resources</b> are JAX-RS classes mounted at {@code /api/v1/{tenant}/{pluginId}/}: their
 *       class-level {@code @Path} is relative to that, and they answer 404 for a tenant that has
 *       the plugin switched off.
 *   <li><b>Pages</b> (since 1.2.0) are Jakarta MVC controllers mounted at {@code
 *       /{tenant}/{pluginId}/{path}}, with <b>navigation entries</b>; see {@link
 *       org.roundtable.api.web}.
 *   <li><b>Permissions</b> and typed per-tenant <b>settings</b>. CDI beans (event listeners,
 *       personal-data handlers) are found by CDI.
 * </ul>
 *
 * @since 1.0.0
 */
public final class PluginDescriptor {

  private static final Pattern ID = Pattern.compile("[a-z][a-z0-9-]{1,39}");

  private final String id;
  private final String name;
  private final String version;
  private final VersionRange apiRange;
  private final Set<String> dependencies;
  private final List<Class<?>> entities;
  private final String changelog;
  private final Map<String, Class<?>> resources;
  private final List<Permission> permissions;
  private final List<Role> roles;
  private final List<Setting<?>> settings;
  private final Map<String, Class<?>> pages;
  private final List<NavigationEntry> navigation;
  private final List<GuestResource> guestResources;

  private PluginDescriptor(Builder builder) {
    this.id = builder.id;
    this.name = Objects.requireNonNull(builder.name, "name");
    this.version = Objects.requireNonNull(builder.version, "version");
    this.apiRange = Objects.requireNonNull(builder.apiRange, "the plugin-API range it needs");
    this.dependencies = Set.copyOf(builder.dependencies);
    this.entities = List.copyOf(builder.entities);
    this.changelog = builder.changelog;
    this.resources = Collections.unmodifiableMap(new LinkedHashMap<>(builder.resources));
    this.permissions = List.copyOf(builder.permissions);
    this.roles = List.copyOf(builder.roles);
    this.settings = List.copyOf(builder.settings);
    this.pages = Collections.unmodifiableMap(new LinkedHashMap<>(builder.pages));
    this.navigation = List.copyOf(builder.navigation);
    this.guestResources = List.copyOf(builder.guestResources);
    for (Permission permission : permissions) {
      if (!permission.name().startsWith(id + ":")) {
        throw new IllegalArgumentException(
            "Plugin " + id + " declares " + permission.name() + ": it must start with " + id + ":");
      }
    }
    Set<String> declared = new LinkedHashSet<>();
    permissions.forEach(p -> declared.add(p.name()));
    Set<String> guestNames = new LinkedHashSet<>();
    for (GuestResource guest : guestResources) {
      if (!guest.name().startsWith(id + ":")) {
        throw new IllegalArgumentException(
            "Plugin "
                + id
                + " declares the guest resource "
                + guest.name()
                + ": it must start with "
                + id
                + ":");
      }
      if (!guestNames.add(guest.name())) {
        throw new IllegalArgumentException(
            "Plugin " + id + " declares the guest resource " + guest.name() + " twice");
      }
      for (String permission : guest.permissions()) {
        if (!declared.contains(permission)) {
          throw new IllegalArgumentException(
              "Plugin "
                  + id
                  + " lets guests of "
                  + guest.name()
                  + " hold "
                  + permission
                  + ", which it does not declare");
        }
      }
    }
    Set<String> keys = new LinkedHashSet<>();
    for (Setting<?> setting : settings) {
      if (!keys.add(setting.key())) {
        throw new IllegalArgumentException(
            "Plugin " + id + " declares the setting " + setting.key() + " twice");
      }
    }
  }

  /**
   * Starts a descriptor.
   *
   * @param id the plugin's id: 2 to 40 lower-case letters, digits or hyphens, starting with a
   *     letter; it is also the plugin's path under {@code /api/v1/{tenant}/}
   * @return a builder
   * @since 1.0.0
   */
  public static Builder builder(String id) {
    return new Builder(id);
  }

  /**
   * @return the plugin's id
   * @since 1.0.0
   */
  public String id() {
    return id;
  }

  /**
   * @return its name for people, e.g. "Partnership boards"
   * @since 1.0.0
   */
  public String name() {
    return name;
  }

  /**
   * @return the plugin's own version
   * @since 1.0.0
   */
  public String version() {
    return version;
  }

  /**
   * @return the plugin-API versions it runs on
   * @since 1.0.0
   */
  public VersionRange apiRange() {
    return apiRange;
  }

  /**
   * @return ids of the plugins it needs
   * @since 1.0.0
   */
  public Set<String> dependencies() {
    return dependencies;
  }

  /**
   * @return its entity classes
   * @since 1.0.0
   */
  public List<Class<?>> entities() {
    return entities;
  }

  /**
   * @return its Liquibase changelog, a class-path resource
   * @since 1.0.0
   */
  public Optional<String> changelog() {
    return Optional.ofNullable(changelog);
  }

  /**
   * @return its JAX-RS resource classes by the path segment each is mounted at
   * @since 1.0.0
   */
  public Map<String, Class<?>> resources() {
    return resources;
  }

  /**
   * @return the permissions it declares
   * @since 1.0.0
   */
  public List<Permission> permissions() {
    return permissions;
  }

  /**
   * @return the roles it brings (given to people by council administrators)
   * @since 1.5.0
   */
  public List<Role> roles() {
    return roles;
  }

  /**
   * @return its per-tenant settings
   * @since 1.0.0
   */
  public List<Setting<?>> settings() {
    return settings;
  }

  /**
   * @return page controllers by the path segment they are mounted at under {@code
   *     /{tenant}/{pluginId}/}; the empty segment is the plugin's first page
   * @since 1.2.0
   */
  public Map<String, Class<?>> pages() {
    return pages;
  }

  /**
   * @return its links in the pages' navigation, in order
   * @since 1.2.0
   */
  public List<NavigationEntry> navigation() {
    return navigation;
  }

  /**
   * @return the kinds of its records a council may give a guest
   * @since 1.9.0
   */
  public List<GuestResource> guestResources() {
    return guestResources;
  }

  @Override
  public String toString() {
    return id + " " + version;
  }

  /**
   * Builds a {@link PluginDescriptor}.
   *
   * @since 1.0.0
   */
  public static final class Builder {
    private final String id;
    private String name;
    private String version;
    private VersionRange apiRange;
    private final Set<String> dependencies = new LinkedHashSet<>();
    private final List<Class<?>> entities = new ArrayList<>();
    private String changelog;
    private final Map<String, Class<?>> resources = new LinkedHashMap<>();
    private final List<Permission> permissions = new ArrayList<>();
    private final List<Role> roles = new ArrayList<>();
    private final List<Setting<?>> settings = new ArrayList<>();
    private final Map<String, Class<?>> pages = new LinkedHashMap<>();
    private final List<NavigationEntry> navigation = new ArrayList<>();
    private final List<GuestResource> guestResources = new ArrayList<>();

    private Builder(String id) {
      if (id == null || !ID.matcher(id).matches()) {
        throw new IllegalArgumentException(
            "A plugin id is 2 to 40 lower-case letters, digits or hyphens, not '" + id + "'");
      }
      this.id = id;
    }

    /**
     * @param value its name for people
     * @return this builder
     * @since 1.0.0
     */
    public Builder name(String value) {
      this.name = value;
      return this;
    }

    /**
     * @param value the plugin's own version
     * @return this builder
     * @since 1.0.0
     */
    public Builder version(String value) {
      this.version = value;
      return this;
    }

    /**
     * @param range the plugin-API versions it runs on, e.g. {@code [1.0,2.0)}
     * @return this builder
     * @since 1.0.0
     */
    public Builder requiresApi(String range) {
      this.apiRange = VersionRange.parse(range);
      return this;
    }

    /**
     * @param pluginIds plugins it needs
     * @return this builder
     * @since 1.0.0
     */
    public Builder dependsOn(String... pluginIds) {
      dependencies.addAll(List.of(pluginIds));
      return this;
    }

    /**
     * @param classes its entity classes, each {@code @TenantOwned}
     * @return this builder
     * @since 1.0.0
     */
    public Builder entities(Class<?>... classes) {
      entities.addAll(List.of(classes));
      return this;
    }

    /**
     * @param resource its Liquibase changelog, e.g. {@code db/boards/changelog.xml}
     * @return this builder
     * @since 1.0.0
     */
    public Builder changelog(String resource) {
      this.changelog = resource;
      return this;
    }

    /**
     * Mounts a JAX-RS resource class at {@code /api/v1/{tenant}/{pluginId}/{path}}.
     *
     * @param path one path segment, e.g. {@code boards}
     * @param type the resource class (a request-scoped CDI bean without class-level {@code @Path})
     * @return this builder
     * @since 1.0.0
     */
    public Builder resource(String path, Class<?> type) {
      if (path == null || !ID.matcher(path).matches()) {
        throw new IllegalArgumentException(
            "Plugin " + id + ": a resource path is one lower-case segment, not '" + path + "'");
      }
      if (resources.putIfAbsent(path, type) != null) {
        throw new IllegalArgumentException("Plugin " + id + " mounts two resources at " + path);
      }
      return this;
    }

    /**
     * @param declared permissions it declares
     * @return this builder
     * @since 1.0.0
     */
    public Builder permissions(Permission... declared) {
      permissions.addAll(List.of(declared));
      return this;
    }

    /**
     * @param declared roles it brings: council administrators give them to people, and its
     *     permissions may name them among their default roles
     * @return this builder
     * @since 1.5.0
     */
    public Builder roles(Role... declared) {
      roles.addAll(List.of(declared));
      return this;
    }

    /**
     * @param declared its per-tenant settings
     * @return this builder
     * @since 1.0.0
     */
    public Builder settings(Setting<?>... declared) {
      settings.addAll(List.of(declared));
      return this;
    }

    /**
     * Mounts a page controller at {@code /{tenant}/{pluginId}/{path}}: a Jakarta MVC {@code
     * Controller} (a request-scoped CDI bean without class-level {@code @Path}; its methods' paths
     * are relative to the mount). Pages answer 404 for a council with the plugin switched off, ask
     * people who are not signed in to sign in, and check {@code RequiresPermission} like the API.
     *
     * @param path one path segment, e.g. {@code claims}, or empty for the plugin's first page
     *     (which serves {@code /{tenant}/{pluginId}/} itself only: pages with addresses below them
     *     are mounted at a named segment; one class may be mounted at several)
     * @param type the controller class
     * @return this builder
     * @since 1.2.0
     */
    public Builder page(String path, Class<?> type) {
      if (path == null || !(path.isEmpty() || ID.matcher(path).matches())) {
        throw new IllegalArgumentException(
            "Plugin "
                + id
                + ": a page path is empty or one lower-case segment, not '"
                + path
                + "'");
      }
      if (pages.containsKey(path)) {
        throw new IllegalArgumentException("Plugin " + id + " mounts two pages at '" + path + "'");
      }
      pages.put(path, type);
      return this;
    }

    /**
     * @param entries its links in the pages' navigation
     * @return this builder
     * @since 1.2.0
     */
    public Builder navigation(NavigationEntry... entries) {
      navigation.addAll(List.of(entries));
      return this;
    }

    /**
     * @param declared kinds of its records a council may give a guest, each with the permissions a
     *     guest holds on their records of it
     * @return this builder
     * @since 1.9.0
     */
    public Builder guestResources(GuestResource... declared) {
      guestResources.addAll(List.of(declared));
      return this;
    }

    /**
     * @return the descriptor
     * @throws IllegalArgumentException when a declaration is inconsistent
     * @since 1.0.0
     */
    public PluginDescriptor build() {
      return new PluginDescriptor(this);
    }
  }
}
