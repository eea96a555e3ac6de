package org.roundtable.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Who may reach the pods, and (when on) whom the pods may reach. */
class NetworkPolicyTest {

  private static List<String> ports(List<NetworkPolicyPort> ports) {
    return ports.stream().map(p -> p.getPort().getIntVal() + "/" + p.getProtocol()).toList();
  }

  @Test
  void onlyTheIngressControllerAndTheTestPodGetIn() {
    Rendered rendered = Chart.renderWithHooks("minimal-values.yaml");
    NetworkPolicy policy = rendered.one(NetworkPolicy.class);

    assertThat(policy.getSpec().getPodSelector().getMatchLabels())
        .isEqualTo(rendered.deployment().getSpec().getSelector().getMatchLabels());
    assertThat(policy.getSpec().getPolicyTypes()).containsExactly("Ingress");
    assertThat(policy.getSpec().getIngress()).hasSize(1);
    List<NetworkPolicyPeer> from = policy.getSpec().getIngress().get(0).getFrom();
    assertThat(from).hasSize(2);
    assertThat(from.get(0).getNamespaceSelector().getMatchLabels())
        .containsExactly(Map.entry("kubernetes.io/metadata.name", "ingress-nginx"));
    assertThat(rendered.testPod().getMetadata().getLabels())
        .containsAllEntriesOf(from.get(1).getPodSelector().getMatchLabels());
    assertThat(from.get(1).getNamespaceSelector()).as("same namespace only").isNull();
    assertThat(ports(policy.getSpec().getIngress().get(0).getPorts())).containsExactly("8080/TCP");
  }

  @Test
  void prometheusGetsInWhenTheServiceMonitorIsOn() {
    NetworkPolicy policy = Chart.render("full-values.yaml").one(NetworkPolicy.class);
    List<NetworkPolicyPeer> from = policy.getSpec().getIngress().get(0).getFrom();

    assertThat(from)
        .filteredOn(peer -> peer.getNamespaceSelector() != null)
        .extracting(peer -> peer.getNamespaceSelector().getMatchLabels())
        .contains(Map.of("kubernetes.io/metadata.name", "monitoring"));
    assertThat(from)
        .filteredOn(peer -> peer.getIpBlock() != null)
        .extracting(peer -> peer.getIpBlock().getCidr())
        .containsExactly("10.20.0.0/16");
  }

  @Test
  void egressIsLimitedToDnsDatabaseKeycloakAndMail() {
    NetworkPolicy policy = Chart.render("full-values.yaml").one(NetworkPolicy.class);
    List<NetworkPolicyEgressRule> egress = policy.getSpec().getEgress();

    assertThat(policy.getSpec().getPolicyTypes()).containsExactly("Ingress", "Egress");
    assertThat(egress).hasSize(5);
    assertThat(egress.get(0).getTo().get(0).getNamespaceSelector().getMatchLabels())
        .containsEntry("kubernetes.io/metadata.name", "kube-system");
    assertThat(ports(egress.get(0).getPorts())).containsExactly("53/UDP", "53/TCP");
    assertThat(egress.get(1).getTo().get(0).getIpBlock().getCidr()).isEqualTo("10.30.0.10/32");
    assertThat(ports(egress.get(1).getPorts())).containsExactly("5433/TCP");
    assertThat(egress.get(2).getTo().get(0).getPodSelector().getMatchLabels())
        .containsEntry("app.kubernetes.io/name", "keycloak");
    assertThat(ports(egress.get(2).getPorts())).containsExactly("8080/TCP");
    assertThat(egress.get(3).getTo().get(0).getIpBlock().getCidr()).isEqualTo("192.0.2.25/32");
    assertThat(ports(egress.get(3).getPorts())).containsExactly("2525/TCP");
    assertThat(ports(egress.get(4).getPorts())).containsExactly("443/TCP");
    assertThat(egress).allSatisfy(rule -> assertThat(rule.getTo()).isNotEmpty());
  }

  @Test
  void egressWithoutPeersIsRefusedRatherThanOpenToAll() {
    assertThatThrownBy(
            () ->
                Chart.template(
                    Chart.DIR,
                    Chart.ci("minimal-values.yaml"),
                    Map.of("networkPolicy.egress.enabled", true)))
        .hasMessageContaining("networkPolicy.egress.database.to is required");
  }
}
