package org.roundtable.core.web.internal;

import static org.roundtable.core.request.JsonSupport.JSON;

import jakarta.json.JsonObjectBuilder;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import org.roundtable.core.request.RequestContext;
import org.roundtable.core.tenancy.TenantBinding;

/**
 * Writes the platform's log records as one JSON object a line on standard output, each with the
 * tenant and request id of the work that logged it (when there is one), so a log pipeline can
 * filter by council or follow one request.
 */
public class JsonLogHandler extends Handler {

  private final PrintStream out =
      new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
  private final Formatter messages =
      new Formatter() {
        @Override
        public String format(LogRecord logRecord) {
          return formatMessage(logRecord);
        }
      };

  @Override
  public void publish(LogRecord logRecord) {
    if (!isLoggable(logRecord)) {
      return;
    }
    out.println(toJson(logRecord));
  }

  /** The JSON line for a record. */
  public String toJson(LogRecord logRecord) {
    JsonObjectBuilder line =
        JSON.createObjectBuilder()
            .add("ts", logRecord.getInstant().toString())
            .add("level", logRecord.getLevel().getName())
            .add("logger", String.valueOf(logRecord.getLoggerName()))
            .add("message", String.valueOf(messages.format(logRecord)))
            .add("thread", Thread.currentThread().getName());
    TenantBinding.current().ifPresent(t -> line.add("tenant", t.slug()));
    RequestContext.requestId().ifPresent(id -> line.add("requestId", id));
    if (logRecord.getThrown() != null) {
      StringWriter trace = new StringWriter();
      logRecord.getThrown().printStackTrace(new PrintWriter(trace));
      line.add("error", trace.toString());
    }
    return line.build().toString();
  }

  @Override
  public void flush() {
    out.flush();
  }

  @Override
  public void close() {
    flush();
  }
}
