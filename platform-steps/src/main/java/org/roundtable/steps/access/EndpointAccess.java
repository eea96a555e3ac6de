package org.roundtable.steps.access;

import jakarta.ws.rs.container.ResourceInfo;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.roundtable.api.security.Public;
import org.roundtable.api.security.RequiresPermission;
import org.roundtable.api.security.SignedIn;

/**
 * Who an endpoint or page says may call it, as its author wrote it: {@link Public}, {@link
 * SignedIn}, {@link RequiresPermission} or {@link OperatorOnly}, on the method or its class, or on
 * the same method or type up the superclasses and interfaces. The nearest declaration wins (the
 * method before its class). Deny by default: a method that declares none, or two on the same
 * element, is {@link Kind#UNDECLARED} and never reachable; the boundary rules fail the build on
 * one.
 *
 * <p>Plugins' resources and pages are CDI beans reached through a client proxy, whose generated
 * class and overriding methods carry no annotations: the lookup starts from the declared class, so
 * a permission written on a plugin's class is never skipped.
 *
 * @param kind who may call
 * @param permission the permission needed, for {@link Kind#PERMISSION}
 */
public record EndpointAccess(Kind kind, Optional<String> permission) {

  /** Who may call. */
  public enum Kind {
    /** Anyone. */
    PUBLIC,
    /** Any signed-in member of the council in the address. */
    SIGNED_IN,
    /** A signed-in member of the council whose roles hold the permission there. */
    PERMISSION,
    /** The installation's operators only. */
    OPERATORS,
    /** Nobody: the endpoint declares no rule (or conflicting ones). */
    UNDECLARED
  }

  /** The annotations that declare who may call. */
  public static final List<Class<? extends Annotation>> DECLARATIONS =
      List.of(Public.class, SignedIn.class, RequiresPermission.class, OperatorOnly.class);

  private static final EndpointAccess UNDECLARED = new EndpointAccess(Kind.UNDECLARED);

  private EndpointAccess(Kind kind) {
    this(kind, Optional.empty());
  }

  /** The rule of the endpoint a request matched; {@link Kind#UNDECLARED} when it matched none. */
  public static EndpointAccess of(ResourceInfo info) {
    Method method = info.getResourceMethod();
    if (method == null) {
      return UNDECLARED;
    }
    Class<?> owner =
        info.getResourceClass() != null ? info.getResourceClass() : method.getDeclaringClass();
    return of(owner, method);
  }

  /** The rule of {@code method} as an endpoint of {@code resourceClass}. */
  public static EndpointAccess of(Class<?> resourceClass, Method method) {
    Class<?> owner = DeclaredAnnotations.real(resourceClass);
    for (Method declared : DeclaredAnnotations.sameMethodUpwards(owner, method)) {
      Optional<EndpointAccess> found = declaredOn(declared);
      if (found.isPresent()) {
        return found.get();
      }
    }
    for (Class<?> type : DeclaredAnnotations.typesUpwards(owner)) {
      Optional<EndpointAccess> found = declaredOn(type);
      if (found.isPresent()) {
        return found.get();
      }
    }
    return UNDECLARED;
  }

  /** Whether a method answers an HTTP method itself (not a sub-resource locator). */
  public static boolean isEndpoint(Method method) {
    return DeclaredAnnotations.httpMethod(method.getDeclaringClass(), method).isPresent();
  }

  /** A rule declared in code other than by annotations (the sign-in pages, a servlet filter). */
  public static EndpointAccess declared(Kind kind) {
    if (kind == Kind.PERMISSION) {
      throw new IllegalArgumentException("A permission rule names its permission");
    }
    return new EndpointAccess(kind);
  }

  /** Whether the rule lets anyone in. */
  public boolean isPublic() {
    return kind == Kind.PUBLIC;
  }

  /** Whether the rule is the operators'. */
  public boolean isOperators() {
    return kind == Kind.OPERATORS;
  }

  @Override
  public String toString() {
    return kind == Kind.PERMISSION ? "permission " + permission.orElseThrow() : kind.toString();
  }

  private static Optional<EndpointAccess> declaredOn(AnnotatedElement element) {
    List<EndpointAccess> found = new ArrayList<>(1);
    if (element.isAnnotationPresent(Public.class)) {
      found.add(new EndpointAccess(Kind.PUBLIC));
    }
    if (element.isAnnotationPresent(SignedIn.class)) {
      found.add(new EndpointAccess(Kind.SIGNED_IN));
    }
    RequiresPermission permission = element.getAnnotation(RequiresPermission.class);
    if (permission != null) {
      found.add(new EndpointAccess(Kind.PERMISSION, Optional.of(permission.value())));
    }
    if (element.isAnnotationPresent(OperatorOnly.class)) {
      found.add(new EndpointAccess(Kind.OPERATORS));
    }
    if (found.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(found.size() == 1 ? found.get(0) : UNDECLARED);
  }
}
