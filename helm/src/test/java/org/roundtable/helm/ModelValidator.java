package org.roundtable.helm;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks a parsed manifest against the fabric8 Kubernetes object model. Deserialization is lenient:
 * an unknown kind becomes a {@link GenericKubernetesResource} and an unknown field (a typo such as
 * {@code contianerPort}) lands in an {@code additionalProperties} map. This walks the object graph
 * and reports both, with the path of each unknown field.
 */
final class ModelValidator {

  private ModelValidator() {}

  static List<String> problems(HasMetadata resource) {
    String name = resource.getKind() + "/" + resource.getMetadata().getName();
    List<String> problems = new ArrayList<>();
    if (resource instanceof GenericKubernetesResource) {
      problems.add(
          name
              + ": apiVersion "
              + resource.getApiVersion()
              + " kind "
              + resource.getKind()
              + " is not in the Kubernetes model");
      return problems;
    }
    walk(resource, name, problems, Collections.newSetFromMap(new IdentityHashMap<>()));
    return problems;
  }

  private static void walk(Object node, String path, List<String> problems, Set<Object> seen) {
    if (node == null || !seen.add(node)) {
      return;
    }
    if (node instanceof Collection<?> collection) {
      int index = 0;
      for (Object element : collection) {
        walk(element, path + "[" + index++ + "]", problems, seen);
      }
      return;
    }
    if (node instanceof Map<?, ?> map) {
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        walk(entry.getValue(), path + "[" + entry.getKey() + "]", problems, seen);
      }
      return;
    }
    if (!isModel(node.getClass())) {
      return;
    }
    for (Method getter : node.getClass().getMethods()) {
      if (!isPropertyGetter(getter)) {
        continue;
      }
      Object value = invoke(getter, node);
      if (getter.getName().equals("getAdditionalProperties")) {
        if (value instanceof Map<?, ?> unknown && !unknown.isEmpty()) {
          problems.add(path + ": unknown field(s) " + unknown.keySet());
        }
      } else {
        walk(value, path + "." + propertyName(getter), problems, seen);
      }
    }
  }

  private static boolean isModel(Class<?> type) {
    String name = type.getName();
    return name.startsWith("io.fabric8.kubernetes.api.model.")
        || name.startsWith("org.roundtable.helm.");
  }

  private static boolean isPropertyGetter(Method method) {
    if (method.getParameterCount() != 0 || Modifier.isStatic(method.getModifiers())) {
      return false;
    }
    if (!method.getName().startsWith("get") || method.getName().equals("getClass")) {
      return false;
    }
    Class<?> type = method.getReturnType();
    return isModel(type)
        || Collection.class.isAssignableFrom(type)
        || Map.class.isAssignableFrom(type);
  }

  private static Object invoke(Method getter, Object target) {
    try {
      return getter.invoke(target);
    } catch (IllegalAccessException | InvocationTargetException e) {
      throw new IllegalStateException("cannot read " + getter, e);
    }
  }

  private static String propertyName(Method getter) {
    String name = getter.getName().substring(3);
    return Character.toLowerCase(name.charAt(0)) + name.substring(1);
  }
}
