package org.roundtable.core.plugin;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import org.roundtable.api.persistence.TenantOwned;
import org.roundtable.core.tenancy.CachedRowChanges;

/**
 * Whether a plugin is switched on for a tenant, with its settings (JSON). A plugin switched off
 * keeps its data and this row.
 */
@Entity
@Table(name = "plugin_activation")
@EntityListeners(CachedRowChanges.class)
@TenantOwned
public class PluginActivation {

  @Id
  @Column(name = "plugin_id")
  private String pluginId;

  @Column(nullable = false)
  private boolean enabled;

  @Column(nullable = false)
  private String settings = "{}";

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Version private long version;

  protected PluginActivation() {}

  public PluginActivation(String pluginId, boolean enabled, String settings, Instant now) {
    this.pluginId = pluginId;
    this.enabled = enabled;
    this.settings = settings;
    this.updatedAt = now;
  }

  public String pluginId() {
    return pluginId;
  }

  public boolean enabled() {
    return enabled;
  }

  public String settings() {
    return settings;
  }

  public void switchTo(boolean on, String newSettings, Instant now) {
    this.enabled = on;
    this.settings = newSettings;
    this.updatedAt = now;
  }
}
