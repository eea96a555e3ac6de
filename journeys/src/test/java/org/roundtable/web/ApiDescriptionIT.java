package org.roundtable.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.roundtable.core.testing.FailingTestResource;
import org.roundtable.core.testing.RouteListTestResource;
import org.roundtable.testkit.ApiClient;
import org.roundtable.testkit.Platform;
import org.roundtable.testkit.PlatformTest;
import org.roundtable.web.Routes.Route;

/**
 * The API description ({@code /openapi}) against the routes the application reports it answers:
 * every API route, the plugins' included (the server's scanner does not reach them), with the
 * schema of the JSON it reads; no page.
 */
@PlatformTest(deploy = {FailingTestResource.class, RouteListTestResource.class})
class ApiDescriptionIT {

  @Test
  void everyMountedApiRouteIsDescribedWithItsBodyAndNoPageIs(Platform platform) {
    List<Route> routes =
        Routes.of(platform.as("solihull", "tenant-admin").get("/api/v1/solihull/test-routes"));
    ApiClient.Result description =
        platform.anonymous().withHeader("Accept", "application/json").get("/openapi");
    assertThat(description.status()).isEqualTo(200);
    JsonObject paths = description.json().getJsonObject("paths");

    List<String> missing = new ArrayList<>();
    List<String> withoutSchema = new ArrayList<>();
    for (Route route : routes) {
      if (!route.isApi() || route.isTestOnly()) {
        continue;
      }
      JsonObject item = paths.getJsonObject(route.path());
      String method = route.method().toLowerCase(Locale.ROOT);
      if (item == null || !item.containsKey(method)) {
        missing.add(route.method() + " " + route.path() + " (" + route.owner() + ")");
        continue;
      }
      if (route.body().isPresent() && !route.owner().equals("core")) {
        JsonObject body = item.getJsonObject(method).getJsonObject("requestBody");
        if (body == null || !body.getJsonObject("content").toString().contains("\"type\"")) {
          withoutSchema.add(route.method() + " " + route.path());
        }
      }
    }

    assertThat(routes).anyMatch(r -> r.isApi() && r.owner().equals("payments"));
    assertThat(missing).as("API routes the description leaves out").isEmpty();
    assertThat(withoutSchema).as("plugin bodies without a schema").isEmpty();
    assertThat(routes.stream().filter(r -> r.application().equals("PAGES")).map(Route::path))
        .as("pages are not API")
        .isNotEmpty()
        .noneMatch(paths::containsKey);
    JsonObject claim =
        paths.getJsonObject("/api/v1/{tenant}/payments/claims/{id}").getJsonObject("get");
    assertThat(claim.getJsonArray("tags").getString(0)).isEqualTo("Participation payments");
    assertThat(claim.toString()).contains("\"name\":\"tenant\"").contains("\"name\":\"id\"");
  }
}
