package org.roundtable.core.rest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.ws.rs.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The API's resources are all mounted, and none hides another's endpoints. */
class RestApplicationTest {

  private final Set<Class<?>> mounted = new RestApplication().getClasses();

  @Test
  void everyApiResourceOfTheCoreIsMounted() {
    List<String> resources =
        new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.roundtable.core.rest")
                .stream()
                .filter(type -> type.isAnnotatedWith(Path.class))
                .map(JavaClass::getName)
                .toList();

    assertThat(mounted.stream().map(Class::getName))
        .as("a resource left out of RestApplication answers 404 with no sign of why")
        .containsAll(resources);
  }

  @Test
  void noResourceMountedBelowAnotherHidesItsEndpoints() {
    // JAX-RS picks one root resource by its path's literal characters, then looks only inside it:
    // "v1/platform/tenants/{slug}" would take every request for "v1/platform/tenants/x/status".
    // A root resource with no sub-paths of its own (v1/{tenant}) loses nothing that way.
    List<String> roots = new ArrayList<>();
    List<String> withSubPaths = new ArrayList<>();
    for (Class<?> type : mounted) {
      Path path = type.getAnnotation(Path.class);
      if (path != null) {
        String root = path.value().replaceAll("^/|/$", "");
        roots.add(root);
        if (Arrays.stream(type.getMethods()).anyMatch(m -> m.isAnnotationPresent(Path.class))) {
          withSubPaths.add(root);
        }
      }
    }
    for (String root : withSubPaths) {
      assertThat(roots)
          .as("a root resource mounted below " + root + ", which has sub-paths")
          .noneMatch(other -> other.startsWith(root + "/"));
    }
  }
}
