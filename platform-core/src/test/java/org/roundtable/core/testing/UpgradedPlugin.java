package org.roundtable.core.testing;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * A third party's plugin ({@code upgraded}) in two versions, built as its author would, for the
 * upgrade test. Version 1: a table, a permission to read ({@code member}), a setting. Version 2
 * adds a changeset (a second table), a permission to keep notes ({@code officer}), a setting with a
 * default, and an endpoint that needs the new permission and answers the new setting's value.
 */
public final class UpgradedPlugin {

  public static final String ID = "upgraded";
  public static final String READ = "upgraded:notes:read";
  public static final String KEEP = "upgraded:notes:keep";

  private UpgradedPlugin() {}

  /** Builds version 1 or 2 as {@code <work>/upgraded-<version>.jar}. */
  public static Path build(Path work, int version) throws IOException {
    boolean second = version == 2;
    Map<String, String> sources = new HashMap<>();
    sources.put(
        "example.UpgradedPlugin",
        """
        package example;

        import java.util.Set;
        import org.roundtable.api.plugin.Permission;
        import org.roundtable.api.plugin.PlatformPlugin;
        import org.roundtable.api.plugin.PluginDescriptor;
        import org.roundtable.api.settings.Setting;
        import org.roundtable.api.settings.SettingType;

        public class UpgradedPlugin implements PlatformPlugin {
          public static final Setting<Boolean> OPEN =
              Setting.of("open", "Open", "Whether notes are taken.", SettingType.bool(), true);
          public static final Setting<Long> KEEP_DAYS =
              Setting.of("keepDays", "Keep for", "Days a note is kept.", SettingType.number(1, 90), 30L);

          @Override
          public PluginDescriptor descriptor() {
            return PluginDescriptor.builder("upgraded")
                .name("Upgraded notes")
                .version("%s")
                .requiresApi("[1.7,2.0)")
                .changelog("db/upgraded/changelog.xml")
                %s
                .build();
          }
        }
        """
            .formatted(
                second ? "2.0.0" : "1.0.0",
                second
                    ? """
                      .permissions(
                          new Permission("upgraded:notes:read", "Read notes", Set.of("member")),
                          new Permission("upgraded:notes:keep", "Keep notes", Set.of("officer")))
                      .settings(OPEN, KEEP_DAYS)
                      .resource("notes", NotesResource.class)"""
                    : """
                      .permissions(new Permission("upgraded:notes:read", "Read notes", Set.of("member")))
                      .settings(OPEN)"""));
    if (second) {
      sources.put(
          "example.NotesResource",
          """
          package example;

          import jakarta.enterprise.context.RequestScoped;
          import jakarta.inject.Inject;
          import jakarta.ws.rs.GET;
          import jakarta.ws.rs.Produces;
          import org.roundtable.api.security.RequiresPermission;
          import org.roundtable.api.settings.PluginSettings;

          @RequestScoped
          public class NotesResource {
            @Inject PluginSettings settings;

            @GET
            @Produces("application/json")
            @RequiresPermission("upgraded:notes:keep")
            public String keeping() {
              return "{\\"keepDays\\":" + settings.get(UpgradedPlugin.KEEP_DAYS) + "}";
            }
          }
          """);
    }
    String changelog =
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog"
            xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
            xsi:schemaLocation="http://www.liquibase.org/xml/ns/dbchangelog
              http://www.liquibase.org/xml/ns/dbchangelog/dbchangelog-4.33.xsd">
        %s%s
        </databaseChangeLog>
        """
            .formatted(
                changeset("upgraded-0001-notes", "upgraded_note"),
                second ? changeset("upgraded-0002-kept", "upgraded_kept") : "");
    return PluginJar.build(
        work,
        "upgraded-" + version,
        sources,
        "example.UpgradedPlugin",
        Map.of("db/upgraded/changelog.xml", changelog));
  }

  /** A changeset creating a council-owned table, isolated with the platform's building block. */
  private static String changeset(String id, String table) {
    return """
          <changeSet id="%1$s" author="test">
            <sql splitStatements="false">
              CREATE TABLE %2$s (
                tenant_id text NOT NULL DEFAULT nullif(current_setting('app.tenant_id', true), ''),
                id uuid NOT NULL, PRIMARY KEY (tenant_id, id));
              SELECT platform_isolate_by_tenant('%2$s', '${app_role}', 'SELECT, INSERT');
            </sql>
          </changeSet>
        """
        .formatted(id, table);
  }
}
