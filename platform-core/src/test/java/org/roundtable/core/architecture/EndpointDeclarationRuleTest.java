package org.roundtable.core.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.EvaluationResult;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import org.junit.jupiter.api.Test;
import org.roundtable.api.security.Public;
import org.roundtable.api.security.RequiresPermission;
import org.roundtable.api.security.SignedIn;
import org.roundtable.steps.access.EndpointAccess;
import org.roundtable.testkit.PluginBoundaryRules;

class EndpointDeclarationRuleTest {

  @Test
  void aResourceMethodThatDeclaresNobodyFailsTheBuild() {
    EvaluationResult result = evaluate(Undeclared.class);

    assertThat(result.hasViolation()).isTrue();
    assertThat(result.getFailureReport().getDetails())
        .anyMatch(line -> line.contains("Undeclared.open declares nobody"));
    assertThat(EndpointAccess.of(Undeclared.class, method(Undeclared.class, "open")).kind())
        .isEqualTo(EndpointAccess.Kind.UNDECLARED);
  }

  @Test
  void twoDeclarationsOnOneMethodAreNoDeclaration() {
    assertThat(evaluate(Twice.class).hasViolation()).isTrue();
  }

  @Test
  void declarationsOnAnInterfaceOrSuperclassCount() {
    assertThat(evaluate(ThroughInterface.class).hasViolation()).isFalse();
    assertThat(evaluate(ThroughSuperclass.class).hasViolation()).isFalse();
    assertThat(
            EndpointAccess.of(ThroughInterface.class, method(ThroughInterface.class, "list"))
                .permission())
        .contains("demo:things:read");
    assertThat(
            EndpointAccess.of(ThroughSuperclass.class, method(ThroughSuperclass.class, "read"))
                .kind())
        .isEqualTo(EndpointAccess.Kind.SIGNED_IN);
  }

  @Test
  void theMethodsDeclarationWinsOverItsClass() {
    assertThat(EndpointAccess.of(Mixed.class, method(Mixed.class, "open")).isPublic()).isTrue();
    assertThat(EndpointAccess.of(Mixed.class, method(Mixed.class, "change")).permission())
        .contains("demo:things:write");
  }

  private static EvaluationResult evaluate(Class<?>... types) {
    return PluginBoundaryRules.everyEndpointDeclaresWhoMayCallIt.evaluate(
        new ClassFileImporter().importClasses(types));
  }

  private static java.lang.reflect.Method method(Class<?> type, String name) {
    for (java.lang.reflect.Method method : type.getMethods()) {
      if (method.getName().equals(name)) {
        return method;
      }
    }
    throw new IllegalArgumentException(name);
  }

  @Path("undeclared")
  public static class Undeclared {
    @GET
    public String open() {
      return "";
    }
  }

  @Path("twice")
  public static class Twice {
    @GET
    @Public
    @SignedIn
    public String open() {
      return "";
    }
  }

  @RequiresPermission("demo:things:read")
  public interface Things {
    @GET
    String list();
  }

  @Path("things")
  public static class ThroughInterface implements Things {
    @Override
    public String list() {
      return "";
    }
  }

  @SignedIn
  public abstract static class Base {
    @GET
    public abstract String read();
  }

  @Path("base")
  public static class ThroughSuperclass extends Base {
    @Override
    public String read() {
      return "";
    }
  }

  @Path("mixed")
  @RequiresPermission("demo:things:write")
  public static class Mixed {
    @GET
    @Public
    public String open() {
      return "";
    }

    @POST
    public String change() {
      return "";
    }
  }
}
