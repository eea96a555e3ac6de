package org.roundtable.core.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;
import org.roundtable.api.tenancy.TenantRef;
import org.roundtable.core.request.RequestContext;
import org.roundtable.core.tenancy.TenantBinding;
import org.roundtable.core.web.internal.JsonLogHandler;

class JsonLogHandlerTest {

  private final JsonLogHandler handler = new JsonLogHandler();

  @Test
  void everyLineCarriesTheTenantAndRequestIdOfItsWork() {
    LogRecord record = new LogRecord(Level.WARNING, "Member {0} added");
    record.setParameters(new Object[] {"Beve"});
    record.setLoggerName("org.roundtable.test");

    RequestContext.bind("req-12345678");
    String line;
    try {
      line = TenantBinding.callAs(new TenantRef("kirklees"), () -> handler.toJson(record));
    } finally {
      RequestContext.unbind();
    }

    JsonObject json = Json.createReader(new StringReader(line)).readObject();
    assertThat(json.getString("level")).isEqualTo("WARNING");
    assertThat(json.getString("message")).isEqualTo("Member Beve added");
    assertThat(json.getString("tenant")).isEqualTo("kirklees");
    assertThat(json.getString("requestId")).isEqualTo("req-12345678");
    assertThat(line).doesNotContain("\n");
  }

  @Test
  void workOutsideARequestHasNeitherField() {
    String line = handler.toJson(new LogRecord(Level.INFO, "started"));

    JsonObject json = Json.createReader(new StringReader(line)).readObject();
    assertThat(json.containsKey("tenant")).isFalse();
    assertThat(json.containsKey("requestId")).isFalse();
  }
}
