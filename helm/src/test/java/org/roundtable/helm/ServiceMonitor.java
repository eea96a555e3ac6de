package org.roundtable.helm;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Version;
import java.util.List;
import java.util.Map;

/**
 * The Prometheus Operator's ServiceMonitor (monitoring.coreos.com/v1), for validating the chart's
 * manifest. fabric8 8.0.0 ships no monitoring model (openshift-model-monitoring stops at 7.7.0), so
 * this models the ServiceMonitorSpec and Endpoint fields of the operator's API reference that a
 * chart would use; any other field lands in {@code additionalProperties} and fails validation.
 */
@Group("monitoring.coreos.com")
@Version("v1")
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ServiceMonitor extends Extensible implements HasMetadata, Namespaced {

  private String apiVersion = "monitoring.coreos.com/v1";
  private String kind = "ServiceMonitor";
  private ObjectMeta metadata;
  private Spec spec;

  @Override
  public String getApiVersion() {
    return apiVersion;
  }

  @Override
  public void setApiVersion(String apiVersion) {
    this.apiVersion = apiVersion;
  }

  @Override
  public String getKind() {
    return kind;
  }

  public void setKind(String kind) {
    this.kind = kind;
  }

  @Override
  public ObjectMeta getMetadata() {
    return metadata;
  }

  @Override
  public void setMetadata(ObjectMeta metadata) {
    this.metadata = metadata;
  }

  public Spec getSpec() {
    return spec;
  }

  public void setSpec(Spec spec) {
    this.spec = spec;
  }

  /** ServiceMonitorSpec. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public static class Spec extends Extensible {
    private List<Endpoint> endpoints;
    private String jobLabel;
    private NamespaceSelector namespaceSelector;
    private List<String> podTargetLabels;
    private Long sampleLimit;
    private LabelSelector selector;
    private List<String> targetLabels;

    public List<Endpoint> getEndpoints() {
      return endpoints;
    }

    public void setEndpoints(List<Endpoint> endpoints) {
      this.endpoints = endpoints;
    }

    public String getJobLabel() {
      return jobLabel;
    }

    public void setJobLabel(String jobLabel) {
      this.jobLabel = jobLabel;
    }

    public NamespaceSelector getNamespaceSelector() {
      return namespaceSelector;
    }

    public void setNamespaceSelector(NamespaceSelector namespaceSelector) {
      this.namespaceSelector = namespaceSelector;
    }

    public List<String> getPodTargetLabels() {
      return podTargetLabels;
    }

    public void setPodTargetLabels(List<String> podTargetLabels) {
      this.podTargetLabels = podTargetLabels;
    }

    public Long getSampleLimit() {
      return sampleLimit;
    }

    public void setSampleLimit(Long sampleLimit) {
      this.sampleLimit = sampleLimit;
    }

    public LabelSelector getSelector() {
      return selector;
    }

    public void setSelector(LabelSelector selector) {
      this.selector = selector;
    }

    public List<String> getTargetLabels() {
      return targetLabels;
    }

    public void setTargetLabels(List<String> targetLabels) {
      this.targetLabels = targetLabels;
    }
  }

  /** Endpoint: one scrape target of the selected Services. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public static class Endpoint extends Extensible {
    private String port;
    private String path;
    private String scheme;
    private String interval;
    private String scrapeTimeout;
    private Boolean honorLabels;
    private List<Map<String, Object>> relabelings;
    private List<Map<String, Object>> metricRelabelings;
    private Map<String, List<String>> params;

    public String getPort() {
      return port;
    }

    public void setPort(String port) {
      this.port = port;
    }

    public String getPath() {
      return path;
    }

    public void setPath(String path) {
      this.path = path;
    }

    public String getScheme() {
      return scheme;
    }

    public void setScheme(String scheme) {
      this.scheme = scheme;
    }

    public String getInterval() {
      return interval;
    }

    public void setInterval(String interval) {
      this.interval = interval;
    }

    public String getScrapeTimeout() {
      return scrapeTimeout;
    }

    public void setScrapeTimeout(String scrapeTimeout) {
      this.scrapeTimeout = scrapeTimeout;
    }

    public Boolean getHonorLabels() {
      return honorLabels;
    }

    public void setHonorLabels(Boolean honorLabels) {
      this.honorLabels = honorLabels;
    }

    public List<Map<String, Object>> getRelabelings() {
      return relabelings;
    }

    public void setRelabelings(List<Map<String, Object>> relabelings) {
      this.relabelings = relabelings;
    }

    public List<Map<String, Object>> getMetricRelabelings() {
      return metricRelabelings;
    }

    public void setMetricRelabelings(List<Map<String, Object>> metricRelabelings) {
      this.metricRelabelings = metricRelabelings;
    }

    public Map<String, List<String>> getParams() {
      return params;
    }

    public void setParams(Map<String, List<String>> params) {
      this.params = params;
    }
  }

  /** NamespaceSelector: which namespaces' Services to select. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public static class NamespaceSelector extends Extensible {
    private Boolean any;
    private List<String> matchNames;

    public Boolean getAny() {
      return any;
    }

    public void setAny(Boolean any) {
      this.any = any;
    }

    public List<String> getMatchNames() {
      return matchNames;
    }

    public void setMatchNames(List<String> matchNames) {
      this.matchNames = matchNames;
    }
  }
}
