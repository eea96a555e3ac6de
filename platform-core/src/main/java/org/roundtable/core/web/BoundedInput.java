package org.roundtable.core.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.config.ConfigProvider;
import org.roundtable.core.request.ProblemType;
import org.roundtable.core.request.ServletProblems;

/**
 * Request bodies are bounded before anything reads them: a body declared larger than its limit
 * ({@code Content-Length}) is refused with 413 at once; a body without a declared length (chunked)
 * is read up to its limit and refused as soon as it passes it, so nothing beyond the limit is ever
 * held. File forms ({@code multipart/form-data}) have a limit of their own ({@code
 * roundtable.limits.upload-bytes}, 32 MiB: a plugin checks each file's own limit after); everything
 * else — JSON, plain forms — {@code roundtable.limits.body-bytes} (1 MiB).
 */
public class BoundedInput extends HttpFilter {

  private long bodyLimit;
  private long uploadLimit;

  @Override
  public void init() {
    var config = ConfigProvider.getConfig();
    bodyLimit =
        config.getOptionalValue("roundtable.limits.body-bytes", Long.class).orElse(1L << 20);
    uploadLimit =
        config.getOptionalValue("roundtable.limits.upload-bytes", Long.class).orElse(32L << 20);
  }

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    String type = request.getContentType();
    long limit =
        type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")
            ? uploadLimit
            : bodyLimit;
    long declared = request.getContentLengthLong();
    if (declared > limit) {
      tooLarge(request, response, limit);
      return;
    }
    boolean chunked =
        declared < 0 && "chunked".equalsIgnoreCase(request.getHeader("Transfer-Encoding"));
    if (!chunked) {
      chain.doFilter(request, response);
      return;
    }
    byte[] body = request.getInputStream().readNBytes((int) Math.min(limit + 1, Integer.MAX_VALUE));
    if (body.length > limit) {
      tooLarge(request, response, limit);
      return;
    }
    chain.doFilter(new ReadBody(request, body), response);
  }

  private static void tooLarge(HttpServletRequest request, HttpServletResponse response, long limit)
      throws IOException {
    String limitInWords = (limit >= 1 << 20 ? (limit >> 20) + " MB" : (limit >> 10) + " KB");
    response.setHeader("Connection", "close"); // what is left of the body is not read
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (!path.startsWith("/api/")) {
      Pages.message(
          response,
          413,
          "The file is too large",
          List.of(
              "What you sent is larger than "
                  + limitInWords
                  + ". Go back and choose a smaller file."),
          null,
          null);
      return;
    }
    ServletProblems.write(
        request,
        response,
        ProblemType.PAYLOAD_TOO_LARGE,
        "The request body is larger than " + limitInWords + "; send less");
  }

  /** A request whose (chunked) body was read, within its limit, before anything else read it. */
  private static final class ReadBody extends HttpServletRequestWrapper {

    private final byte[] body;

    ReadBody(HttpServletRequest request, byte[] body) {
      super(request);
      this.body = body;
    }

    @Override
    public long getContentLengthLong() {
      return body.length;
    }

    @Override
    public int getContentLength() {
      return body.length;
    }

    @Override
    public ServletInputStream getInputStream() {
      ByteArrayInputStream in = new ByteArrayInputStream(body);
      return new ServletInputStream() {
        @Override
        public int read() {
          return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) {
          return in.read(b, off, len);
        }

        @Override
        public boolean isFinished() {
          return in.available() == 0;
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
          throw new IllegalStateException("The body has been read already");
        }
      };
    }

    @Override
    public BufferedReader getReader() {
      Charset charset = StandardCharsets.UTF_8;
      try {
        if (getCharacterEncoding() != null) {
          charset = Charset.forName(getCharacterEncoding());
        }
      } catch (IllegalArgumentException e) {
        // An unknown charset: read as UTF-8, as every form and JSON body of ours is.
      }
      return new BufferedReader(new InputStreamReader(getInputStream(), charset));
    }
  }
}
