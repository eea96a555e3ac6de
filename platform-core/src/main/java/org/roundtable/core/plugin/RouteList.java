package org.roundtable.core.plugin;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.Path;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.roundtable.api.plugin.PluginDescriptor;
import org.roundtable.core.identity.GuestRule;
import org.roundtable.steps.access.DeclaredAnnotations;
import org.roundtable.steps.access.EndpointAccess;

/**
 * Every route the application answers, as its code declares it: the JSON API's and the pages'
 * resources, every resource and page behind the plugin routers (expanded for each installed
 * plugin), and the sign-in pages. One list, walked by the route security test and, later, by the
 * fuzz test and the API description check, so none of them can miss a route the others see.
 */
public final class RouteList {

  /** Which part of the application answers a route. */
  public enum Application {
    /** The JSON API, under {@code /api}. */
    API,
    /** The pages, under {@code /}. */
    PAGES,
    /** The sign-in pages ({@code /{tenant}/login}, {@code callback}, {@code logout}). */
    SIGN_IN
  }

  /**
   * One route.
   *
   * @param application which application answers it
   * @param method the HTTP method
   * @param path the path template from the application's root, e.g. {@code
   *     /api/v1/{tenant}/boards/boards/{id}}
   * @param access who it declares may call it
   * @param owner {@code core} or the plugin's id
   * @param consumes the media types it reads (empty when it reads no body or declares none)
   * @param query the query parameters it reads
   * @param body the JSON body it reads, if it reads one
   * @param response the JSON it answers with, when its Java type says (not for a bare {@code
   *     Response} or a page)
   * @param guests the guests it lets in besides, for the record in a path parameter ({@code
   *     GuestAccess})
   */
  public record Route(
      Application application,
      String method,
      String path,
      EndpointAccess access,
      String owner,
      List<String> consumes,
      List<InputShape.Field> query,
      Optional<InputShape.Field> body,
      Optional<InputShape.Field> response,
      Optional<GuestRule> guests) {

    @Override
    public String toString() {
      return method + " " + path + " (" + access + ", " + owner + ")";
    }
  }

  private RouteList() {}

  /**
   * The routes of an application made of these JAX-RS classes and plugins.
   *
   * @param apiClasses the JSON API's classes (its {@code Application.getClasses()})
   * @param pageClasses the pages' classes
   * @param plugins the installed plugins
   */
  public static List<Route> of(
      Collection<Class<?>> apiClasses,
      Collection<Class<?>> pageClasses,
      List<PluginDescriptor> plugins) {
    List<Route> routes = new ArrayList<>();
    for (Class<?> type : apiClasses) {
      walk(routes, Application.API, "/api", type, "core", plugins);
    }
    for (Class<?> type : pageClasses) {
      walk(routes, Application.PAGES, "", type, "core", plugins);
    }
    routes.addAll(signInPages());
    routes.sort(Comparator.comparing(Route::path).thenComparing(Route::method));
    return List.copyOf(routes);
  }

  /** The sign-in pages, written as a servlet filter: public, but signing out needs a session. */
  static List<Route> signInPages() {
    EndpointAccess open = EndpointAccess.declared(EndpointAccess.Kind.PUBLIC);
    EndpointAccess signedIn = EndpointAccess.declared(EndpointAccess.Kind.SIGNED_IN);
    return List.of(
        signIn("GET", "/{tenant}/login", open, List.of()),
        signIn("GET", "/{tenant}/callback", open, List.of()),
        signIn("GET", "/{tenant}/logout", open, List.of()),
        signIn("POST", "/{tenant}/logout", signedIn, List.of("application/x-www-form-urlencoded")));
  }

  private static Route signIn(
      String method, String path, EndpointAccess access, List<String> consumes) {
    return new Route(
        Application.SIGN_IN,
        method,
        path,
        access,
        "core",
        consumes,
        List.of(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty());
  }

  private static void walk(
      List<Route> routes,
      Application application,
      String base,
      Class<?> type,
      String owner,
      List<PluginDescriptor> plugins) {
    Path classPath = type.getAnnotation(Path.class);
    if (classPath == null) {
      return; // a filter, a mapper: no route
    }
    String prefix = join(base, classPath.value());
    for (Method method : type.getMethods()) {
      if (Modifier.isStatic(method.getModifiers()) || method.getDeclaringClass() == Object.class) {
        continue;
      }
      Optional<String> http = DeclaredAnnotations.httpMethod(type, method);
      Optional<Path> methodPath = DeclaredAnnotations.onMethod(type, method, Path.class);
      String path = methodPath.map(p -> join(prefix, p.value())).orElse(prefix);
      if (http.isPresent()) {
        routes.add(
            new Route(
                application,
                http.get(),
                path,
                EndpointAccess.of(type, method),
                owner,
                consumes(type, method),
                InputShape.query(method),
                InputShape.body(method),
                response(application, method),
                Optional.empty()));
      } else if (methodPath.isPresent()) {
        // A sub-resource locator: the plugin routers.
        for (PluginDescriptor plugin : plugins) {
          for (Map.Entry<String, Class<?>> mounted : mountedBy(path, plugin).entrySet()) {
            String at =
                path.replace("{plugin}", plugin.id())
                    .replace("{resource}", mounted.getKey())
                    .replace("{page}", mounted.getKey());
            walkMounted(
                routes,
                application,
                at,
                mounted.getValue(),
                plugin.id(),
                // The first page answers its own address only: anything below it is another page.
                !path.contains("{page}") && !path.contains("{resource}"));
          }
        }
      }
    }
  }

  /** A plugin's class mounted at {@code path} (it has no {@code @Path} of its own, or one). */
  private static void walkMounted(
      List<Route> routes,
      Application application,
      String path,
      Class<?> type,
      String owner,
      boolean ownAddressOnly) {
    Path own = type.getAnnotation(Path.class);
    String prefix = own == null ? path : join(path, own.value());
    for (Method method : type.getMethods()) {
      Optional<String> http = DeclaredAnnotations.httpMethod(type, method);
      Optional<Path> below = DeclaredAnnotations.onMethod(type, method, Path.class);
      if (http.isEmpty()
          || Modifier.isStatic(method.getModifiers())
          || (ownAddressOnly && below.filter(p -> !p.value().equals("/")).isPresent())) {
        continue;
      }
      routes.add(
          new Route(
              application,
              http.get(),
              below.map(p -> join(prefix, p.value())).orElse(prefix),
              EndpointAccess.of(type, method),
              owner,
              consumes(type, method),
              InputShape.query(method),
              InputShape.body(method),
              response(application, method),
              GuestRule.of(type, method)));
    }
  }

  /** What an API method answers with, as its return type says. */
  private static Optional<InputShape.Field> response(Application application, Method method) {
    Class<?> returned = method.getReturnType();
    if (application != Application.API
        || returned == void.class
        || returned.getName().startsWith("jakarta.ws.rs.")) {
      return Optional.empty();
    }
    return Optional.of(InputShape.of("response", method.getGenericReturnType()));
  }

  /** What a router at this template mounts of a plugin: its API resources, first page or pages. */
  private static Map<String, Class<?>> mountedBy(String template, PluginDescriptor plugin) {
    if (template.contains("{resource}")) {
      return plugin.resources();
    }
    if (template.contains("{page}")) {
      Map<String, Class<?>> pages = new java.util.LinkedHashMap<>(plugin.pages());
      pages.remove("");
      return pages;
    }
    if (template.contains("{plugin}")) {
      Class<?> first = plugin.pages().get("");
      return first == null ? Map.of() : Map.of("", first);
    }
    return Map.of();
  }

  private static List<String> consumes(Class<?> type, Method method) {
    return DeclaredAnnotations.onMethod(type, method, Consumes.class)
        .or(() -> Optional.ofNullable(type.getAnnotation(Consumes.class)))
        .map(c -> List.of(c.value()))
        .orElse(List.of());
  }

  /** Joins two path parts with exactly one slash, dropping a trailing one. */
  static String join(String left, String right) {
    String l = left.endsWith("/") ? left.substring(0, left.length() - 1) : left;
    String r = right.startsWith("/") ? right.substring(1) : right;
    String joined = r.isEmpty() ? l : l + "/" + r;
    if (joined.length() > 1 && joined.endsWith("/")) {
      joined = joined.substring(0, joined.length() - 1);
    }
    return joined.startsWith("/") ? joined : "/" + joined;
  }
}
