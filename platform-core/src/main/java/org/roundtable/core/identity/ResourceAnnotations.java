package org.roundtable.core.identity;

import jakarta.ws.rs.container.ResourceInfo;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.Optional;

/**
 * An endpoint's annotations as its author wrote them. Plugins' resources and pages are CDI beans
 * reached through a client proxy, whose generated class and overriding methods carry no
 * annotations: the checks look through the proxy to the declared class and method, so a permission
 * written on a plugin's class is never skipped.
 */
public final class ResourceAnnotations {

  private ResourceAnnotations() {}

  /** The annotation on the endpoint's method, else on its class. */
  public static <A extends Annotation> Optional<A> find(ResourceInfo info, Class<A> type) {
    Method method = info.getResourceMethod();
    if (method == null) {
      return Optional.empty();
    }
    Method declared = declared(method);
    A onMethod = declared.getAnnotation(type);
    if (onMethod != null) {
      return Optional.of(onMethod);
    }
    Class<?> owner =
        info.getResourceClass() != null ? info.getResourceClass() : declared.getDeclaringClass();
    A onClass = real(owner).getAnnotation(type);
    return Optional.ofNullable(
        onClass != null ? onClass : real(declared.getDeclaringClass()).getAnnotation(type));
  }

  /** Whether the endpoint's method or class has the annotation. */
  public static boolean has(ResourceInfo info, Class<? extends Annotation> type) {
    return find(info, type).isPresent();
  }

  private static Method declared(Method method) {
    Class<?> owner = method.getDeclaringClass();
    Class<?> real = real(owner);
    if (real == owner) {
      return method;
    }
    try {
      return real.getMethod(method.getName(), method.getParameterTypes());
    } catch (NoSuchMethodException e) {
      return method;
    }
  }

  /** The class a CDI proxy (Weld's client proxy or intercepted subclass) stands for. */
  static Class<?> real(Class<?> type) {
    Class<?> current = type;
    while (current.getSuperclass() != null
        && (current.isSynthetic() || current.getName().contains("$$"))) {
      current = current.getSuperclass();
    }
    return current;
  }
}
