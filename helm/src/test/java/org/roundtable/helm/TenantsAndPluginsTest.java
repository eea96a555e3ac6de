package org.roundtable.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.KeyToPath;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.VolumeProjection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Tenant files from values, and third-party plugins assembled into the application. */
class TenantsAndPluginsTest {

  private static PodSpec serverPod(Rendered rendered) {
    return rendered.deployment().getSpec().getTemplate().getSpec();
  }

  private static Optional<Volume> volume(PodSpec spec, String name) {
    return spec.getVolumes().stream().filter(v -> v.getName().equals(name)).findFirst();
  }

  private static Optional<VolumeMount> mount(Container container, String name) {
    return container.getVolumeMounts().stream().filter(m -> m.getName().equals(name)).findFirst();
  }

  private static Optional<String> env(Container container, String name) {
    return container.getEnv().stream()
        .filter(e -> e.getName().equals(name))
        .map(EnvVar::getValue)
        .findFirst();
  }

  @Test
  void tenantFilesAreProjectedIntoOneFolderPerTenantReadOnly() {
    Rendered rendered = Chart.render("full-values.yaml");
    PodSpec spec = serverPod(rendered);
    List<VolumeProjection> sources =
        volume(spec, "tenants").orElseThrow().getProjected().getSources();

    assertThat(sources.get(0).getConfigMap().getName()).isEqualTo(Chart.FULLNAME + "-tenants");
    assertThat(sources.get(0).getConfigMap().getItems())
        .extracting(KeyToPath::getKey, KeyToPath::getPath)
        .containsExactlyInAnyOrder(
            tuple("kirklees.tenant.yaml", "kirklees/tenant.yaml"),
            tuple("kirklees.realm.json", "kirklees/realm.json"),
            tuple("solihull.tenant.yaml", "solihull/tenant.yaml"));
    assertThat(sources.get(1).getConfigMap().getName()).isEqualTo("council-tenants");
    assertThat(sources.get(1).getConfigMap().getOptional()).isNotEqualTo(Boolean.TRUE);
    assertThat(sources.get(1).getConfigMap().getItems())
        .extracting(KeyToPath::getPath)
        .containsExactly("calderdale/tenant.yaml");
    assertThat(sources.get(2).getConfigMap().getOptional()).isTrue();
    assertThat(sources.get(2).getConfigMap().getItems())
        .extracting(KeyToPath::getPath)
        .containsExactly("calderdale/realm.json");

    VolumeMount mount = mount(spec.getContainers().get(0), "tenants").orElseThrow();
    assertThat(mount.getMountPath()).isEqualTo("/etc/roundtable/tenants");
    assertThat(mount.getReadOnly()).isTrue();
    assertThat(rendered.settings().getData())
        .containsEntry("ROUNDTABLE_TENANTS_DIR", "/etc/roundtable/tenants")
        .containsEntry("ROUNDTABLE_TENANTS_APPLY", "kirklees");
  }

  @Test
  void tenantFilesAreStoredVerbatim() {
    Map<String, Object> values = Chart.loadYaml(Chart.ci("full-values.yaml"));
    @SuppressWarnings("unchecked")
    Map<String, Map<String, String>> definitions =
        (Map<String, Map<String, String>>)
            ((Map<String, Object>) values.get("tenants")).get("definitions");
    ConfigMap tenants =
        Chart.render("full-values.yaml").named(ConfigMap.class, Chart.FULLNAME + "-tenants");

    assertThat(tenants.getData())
        .containsOnly(
            Map.entry("kirklees.tenant.yaml", definitions.get("kirklees").get("tenantYaml")),
            Map.entry("kirklees.realm.json", definitions.get("kirklees").get("realmJson")),
            Map.entry("solihull.tenant.yaml", definitions.get("solihull").get("tenantYaml")));
  }

  @Test
  void withoutTenantsNothingIsMounted() {
    Rendered rendered = Chart.render("minimal-values.yaml");

    assertThat(volume(serverPod(rendered), "tenants")).isEmpty();
    assertThat(rendered.settings().getData()).doesNotContainKey("ROUNDTABLE_TENANTS_DIR");
  }

  @Test
  void pluginVolumeIsAssembledIntoTheApplicationByAnInitContainer() {
    Rendered rendered = Chart.renderWithHooks("full-values.yaml");
    PodSpec spec = serverPod(rendered);
    Container assemble = spec.getInitContainers().get(0);
    Container server = spec.getContainers().get(0);

    assertThat(assemble.getName()).isEqualTo("assemble");
    assertThat(assemble.getCommand())
        .containsExactly(
            "/opt/java/bin/java",
            "-cp",
            "/opt/roundtable/roundtable-launcher.jar",
            "org.roundtable.distribution.Assemble",
            "/var/roundtable/app/roundtable.war");
    assertThat(env(assemble, "ROUNDTABLE_PLUGINS_DIR")).contains("/var/roundtable/plugins");
    assertThat(mount(assemble, "plugins").orElseThrow())
        .satisfies(
            m -> {
              assertThat(m.getMountPath()).isEqualTo("/var/roundtable/plugins");
              assertThat(m.getReadOnly()).isTrue();
            });
    assertThat(mount(assemble, "app").orElseThrow().getMountPath())
        .isEqualTo("/var/roundtable/app");
    assertThat(volume(spec, "plugins").orElseThrow().getPersistentVolumeClaim().getClaimName())
        .isEqualTo("council-plugins");
    assertThat(volume(spec, "app").orElseThrow().getEmptyDir().getSizeLimit()).isNotNull();

    assertThat(mount(server, "plugins")).as("the server needs only the assembled WAR").isEmpty();
    assertThat(mount(server, "app").orElseThrow().getReadOnly()).isTrue();
    assertThat(server.getArgs())
        .containsSubsequence("--deploy", "/var/roundtable/app/roundtable.war")
        .doesNotContain("/opt/roundtable/app/roundtable.war");

    Container migrate =
        rendered.migrationJob().getSpec().getTemplate().getSpec().getContainers().get(0);
    assertThat(env(migrate, "ROUNDTABLE_PLUGINS_DIR")).contains("/var/roundtable/plugins");
    assertThat(mount(migrate, "plugins").orElseThrow().getReadOnly()).isTrue();
  }

  @Test
  void assembleAtStartBuildsTheApplicationFromTheImageAlone() {
    Rendered rendered =
        Chart.renderWithHooks("minimal-values.yaml", Map.of("plugins.assembleAtStart", true));
    PodSpec spec = serverPod(rendered);

    assertThat(spec.getInitContainers()).extracting(Container::getName).containsExactly("assemble");
    assertThat(env(spec.getInitContainers().get(0), "ROUNDTABLE_PLUGINS_DIR")).isEmpty();
    assertThat(volume(spec, "plugins")).isEmpty();
    assertThat(spec.getContainers().get(0).getArgs())
        .containsSubsequence("--deploy", "/var/roundtable/app/roundtable.war");
  }

  @Test
  void withoutPluginsTheImagesWarRunsAsItIs() {
    Rendered rendered = Chart.renderWithHooks("minimal-values.yaml");
    PodSpec spec = serverPod(rendered);

    assertThat(spec.getInitContainers()).isEmpty();
    assertThat(spec.getContainers().get(0).getArgs())
        .containsSubsequence("--deploy", "/opt/roundtable/app/roundtable.war");
    assertThat(rendered.migrationJob().getSpec().getTemplate().getSpec().getVolumes())
        .extracting(Volume::getName)
        .containsExactly("tmp");
  }
}
