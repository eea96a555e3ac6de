package org.roundtable.api.compatibility;

import japicmp.cmp.JApiCmpArchive;
import japicmp.cmp.JarArchiveComparator;
import japicmp.cmp.JarArchiveComparatorOptions;
import japicmp.model.JApiChangeStatus;
import japicmp.model.JApiClass;
import japicmp.model.JApiCompatibility;
import japicmp.model.JApiCompatibilityChange;
import japicmp.model.JApiCompatibilityChangeType;
import japicmp.model.JApiMethod;
import japicmp.model.JApiSemanticVersionLevel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * What a new plugin API breaks for plugins built on an older one, as japicmp finds it: any change
 * that is binary or source incompatible, except one — a method added to an interface the platform
 * implements (a plugin only calls those). Interfaces plugins implement are stricter: a method added
 * to one must be a default method, or every plugin implementing it stops compiling and fails at run
 * time.
 */
final class ApiCompatibility {

  private final Set<String> implementedByPlugins;

  /**
   * @param implementedByPlugins the binary names of the interfaces plugins implement
   */
  ApiCompatibility(Set<String> implementedByPlugins) {
    this.implementedByPlugins = implementedByPlugins;
  }

  /** Every break between two versions of the API, one line each; empty when there is none. */
  List<String> breaks(Path released, Path next, List<String> classPath) {
    JarArchiveComparatorOptions options = new JarArchiveComparatorOptions();
    options.getClassPathEntries().addAll(classPath);
    // Plugins only call the interfaces the platform implements: a new method there breaks none.
    options.addOverrideCompatibilityChange(
        new JarArchiveComparatorOptions.OverrideCompatibilityChange(
            JApiCompatibilityChangeType.METHOD_ADDED_TO_INTERFACE,
            true,
            true,
            JApiSemanticVersionLevel.MINOR));
    List<JApiClass> classes =
        new JarArchiveComparator(options)
            .compare(
                new JApiCmpArchive(released.toFile(), "released"),
                new JApiCmpArchive(next.toFile(), "next"));
    List<String> breaks = new ArrayList<>();
    for (JApiClass type : classes) {
      Stream.<JApiCompatibility>concat(
              Stream.of(type, type.getSuperclass()),
              Stream.of(
                      type.getInterfaces(),
                      type.getMethods(),
                      type.getConstructors(),
                      type.getFields(),
                      type.getAnnotations())
                  .flatMap(List::stream))
          .forEach(element -> incompatible(type, element, breaks));
      // A new interface has no implementations yet: only one that was released gains methods.
      if (implementedByPlugins.contains(type.getFullyQualifiedName())
          && type.getChangeStatus() != JApiChangeStatus.NEW) {
        for (JApiMethod method : type.getMethods()) {
          boolean added = method.getChangeStatus() == JApiChangeStatus.NEW;
          if (added
              && method
                  .getNewMethod()
                  .filter(m -> javassist.Modifier.isAbstract(m.getModifiers()))
                  .isPresent()) {
            breaks.add(
                type.getFullyQualifiedName()
                    + "."
                    + method.getName()
                    + ": a method added to an interface plugins implement must be a default method");
          }
        }
      }
    }
    return breaks;
  }

  private static void incompatible(JApiClass type, JApiCompatibility element, List<String> breaks) {
    for (JApiCompatibilityChange change : element.getCompatibilityChanges()) {
      if (!change.isBinaryCompatible() || !change.isSourceCompatible()) {
        breaks.add(
            type.getFullyQualifiedName() + ": " + change.getType() + " " + describe(element));
      }
    }
  }

  private static String describe(JApiCompatibility element) {
    if (element instanceof JApiMethod method) {
      return "(" + method.getName() + ")";
    }
    if (element instanceof japicmp.model.JApiField field) {
      return "(" + field.getName() + ")";
    }
    return "";
  }
}
