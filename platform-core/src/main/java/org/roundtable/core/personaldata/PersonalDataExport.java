package org.roundtable.core.personaldata;

import static org.roundtable.core.request.JsonSupport.JSON;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.transaction.Transactional;
import java.util.UUID;
import org.roundtable.api.errors.NotFound;
import org.roundtable.api.personaldata.PersonalDataHandler;
import org.roundtable.core.audit.AuditLog;
import org.roundtable.core.member.MemberDirectory;
import org.roundtable.core.plugin.PluginCatalog;

/**
 * A member's subject access request: their own record and what every installed plugin holds about
 * them (switched on or not: switched off, a plugin keeps its data). Each export is audited.
 */
@ApplicationScoped
public class PersonalDataExport {

  @Inject MemberDirectory members;
  @Inject Instance<PersonalDataHandler> handlers;
  @Inject PluginCatalog catalog;
  @Inject AuditLog audit;

  /**
   * @param audience the member themselves (everything), or an officer (what the member agreed to
   *     share with officers)
   */
  @Transactional
  public JsonObject export(
      UUID memberId, JsonObject record, PersonalDataHandler.Audience audience) {
    members.find(memberId).orElseThrow(() -> new NotFound("This member"));
    JsonObjectBuilder plugins = JSON.createObjectBuilder();
    for (PersonalDataHandler handler : handlers) {
      if (catalog.find(handler.pluginId()).isPresent()) {
        plugins.add(handler.pluginId(), handler.export(memberId, audience));
      }
    }
    audit.record(
        "member.personal-data-exported",
        "member",
        memberId.toString(),
        audience == PersonalDataHandler.Audience.MEMBER ? "by the member" : "by an officer");
    return JSON.createObjectBuilder().add("member", record).add("plugins", plugins).build();
  }
}
