package org.roundtable.steps.access;

import jakarta.ws.rs.HttpMethod;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Annotations of resource methods as JAX-RS inherits them: on the method, else on the same method
 * up the superclasses and interfaces, looking through CDI proxies to the class the author wrote.
 */
public final class DeclaredAnnotations {

  private DeclaredAnnotations() {}

  /** The method as declared on the type and, by signature, on each of its supertypes. */
  public static List<Method> sameMethodUpwards(Class<?> owner, Method method) {
    List<Method> methods = new ArrayList<>();
    for (Class<?> type : typesUpwards(real(owner))) {
      try {
        methods.add(type.getDeclaredMethod(method.getName(), method.getParameterTypes()));
      } catch (NoSuchMethodException e) {
        // Not declared at this level.
      }
    }
    if (methods.isEmpty()) {
      methods.add(method);
    }
    return methods;
  }

  /** The type, then its superclasses and interfaces, nearest first. */
  public static Set<Class<?>> typesUpwards(Class<?> type) {
    Set<Class<?>> seen = new LinkedHashSet<>();
    Deque<Class<?>> next = new ArrayDeque<>();
    next.add(type);
    while (!next.isEmpty()) {
      Class<?> current = next.removeFirst();
      if (current == Object.class || !seen.add(current)) {
        continue;
      }
      if (current.getSuperclass() != null) {
        next.addLast(current.getSuperclass());
      }
      next.addAll(List.of(current.getInterfaces()));
    }
    return seen;
  }

  /** The nearest declaration of an annotation on a method, as JAX-RS inherits it. */
  public static <A extends Annotation> Optional<A> onMethod(
      Class<?> owner, Method method, Class<A> type) {
    for (Method declared : sameMethodUpwards(owner, method)) {
      A found = declared.getAnnotation(type);
      if (found != null) {
        return Optional.of(found);
      }
    }
    return Optional.empty();
  }

  /** The HTTP method a resource method answers, if it answers one (not a sub-resource locator). */
  public static Optional<String> httpMethod(Class<?> owner, Method method) {
    for (Method declared : sameMethodUpwards(owner, method)) {
      for (Annotation annotation : declared.getAnnotations()) {
        HttpMethod http = annotation.annotationType().getAnnotation(HttpMethod.class);
        if (http != null) {
          return Optional.of(http.value());
        }
      }
    }
    return Optional.empty();
  }

  /** The class a CDI proxy (Weld's client proxy or intercepted subclass) stands for. */
  public static Class<?> real(Class<?> type) {
    Class<?> current = type;
    while (current.getSuperclass() != null
        && (current.isSynthetic() || current.getName().contains("$$"))) {
      current = current.getSuperclass();
    }
    return current;
  }
}
