package org.roundtable.testkit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test of the platform with the plugins under test, against the module's one shared application
 * ({@link TestServers#applicationUrl()}): the plugins are switched on for the test councils, and
 * test methods may ask for a {@link Platform} (API and browser clients per role).
 */
@Documented
@ExtendWith(PlatformExtension.class)
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface PlatformTest {

  /**
   * Test-only classes to deploy into the shared application (beans observing events, endpoints
   * reporting what only the server knows). Endpoints ({@code @Path}) are registered with the API.
   * Named by any test class of the module, deployed once for all of them.
   */
  Class<?>[] deploy() default {};
}
