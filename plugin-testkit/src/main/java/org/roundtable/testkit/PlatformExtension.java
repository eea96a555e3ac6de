package org.roundtable.testkit;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * What {@link PlatformTest} brings: before the first test of the run, the test users of every
 * council and the plugins under test switched on for every test council (through the platform's own
 * API, as a council's administrator would); then a {@link Platform} for any test or lifecycle
 * method that asks for one.
 */
public final class PlatformExtension implements BeforeAllCallback, ParameterResolver {

  private static volatile boolean prepared;

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    prepare();
  }

  private static synchronized void prepare() throws IOException {
    if (prepared) {
      return;
    }
    TestRealms realms = realms();
    realms.ensureTestUsers();
    Platform platform = new Platform(TestServers.applicationUrl(), realms);
    for (String council : Platform.COUNCILS) {
      ApiClient admin = platform.as(council, "tenant-admin");
      for (String plugin : pluginIds()) {
        ApiClient.Result state = admin.get("/api/v1/" + council + "/plugins/" + plugin);
        if (state.status() != 200) {
          throw new IllegalStateException(
              "The plugin "
                  + plugin
                  + " is not installed in the test application: "
                  + state.body());
        }
        JsonObject view = state.json();
        if (!view.getBoolean("enabled", false)) {
          ApiClient.Result on =
              admin.put("/api/v1/" + council + "/plugins/" + plugin, "{\"enabled\":true}");
          if (on.status() != 200) {
            throw new IllegalStateException(
                "Cannot switch " + plugin + " on for " + council + ": " + on.body());
          }
        }
      }
    }
    prepared = true;
  }

  /** The plugins assembled for this run: those needed first, then the one under test. */
  private static List<String> pluginIds() {
    List<String> ids = new ArrayList<>();
    if (!PluginUnderTest.present()) {
      return ids; // the core's own tests: no plugin to switch on
    }
    for (java.nio.file.Path jar : PluginUnderTest.jars()) {
      ids.add(PluginUnderTest.descriptorOf(jar).id());
    }
    return ids;
  }

  private static TestRealms realms() {
    return new TestRealms(System.getProperty("roundtable.test.keycloak.url"));
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == Platform.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return new Platform(TestServers.applicationUrl(), realms());
  }
}
