package vn.hocso.lms.web;

import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.util.Locale;
import java.util.Set;
import java.util.zip.GZIPOutputStream;

/**
 * Gzips text responses (pages, Faces partial responses, CSS, JavaScript, JSON, SVG) for browsers
 * that accept it. A filter, not the HTTP listener's setting, so the same holds on Payara Micro and
 * on a full Payara Server without configuring either. The first bytes are held back until there are
 * more than {@link #THRESHOLD} (smaller answers are not worth the gzip header) or the response
 * ends; only then is it decided, by the content type known by then. Brotli is not offered: the JDK
 * has no encoder and the Java ones are native libraries.
 */
public class Compression extends HttpFilter {

  private static final long serialVersionUID = 1L;

  /** Below this many bytes a response goes as it is. */
  static final int THRESHOLD = 1024;

  private static final Set<String> COMPRESSIBLE =
      Set.of(
          "text/html",
          "text/css",
          "text/javascript",
          "text/plain",
          "text/xml",
          "text/csv",
          "application/javascript",
          "application/x-javascript",
          "application/json",
          "application/xml",
          "application/xhtml+xml",
          "image/svg+xml",
          "font/ttf",
          "application/x-font-ttf",
          "application/vnd.ms-fontobject");

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    response.addHeader("Vary", "Accept-Encoding");
    if (!acceptsGzip(request)
        || "HEAD".equals(request.getMethod())
        || request.getHeader("Range") != null) {
      chain.doFilter(request, response);
      return;
    }
    var wrapped = new GzipResponse(response);
    chain.doFilter(request, wrapped);
    if (request.isAsyncStarted()) {
      request
          .getAsyncContext()
          .addListener(
              new AsyncListener() {
                @Override
                public void onComplete(AsyncEvent event) throws IOException {
                  wrapped.finish();
                }

                @Override
                public void onTimeout(AsyncEvent event) {}

                @Override
                public void onError(AsyncEvent event) {}

                @Override
                public void onStartAsync(AsyncEvent event) {}
              });
    } else {
      wrapped.finish();
    }
  }

  static boolean acceptsGzip(HttpServletRequest request) {
    var accepted = request.getHeaders("Accept-Encoding");
    while (accepted != null && accepted.hasMoreElements()) {
      for (var coding : accepted.nextElement().split(",")) {
        var parts = coding.strip().split(";");
        if (parts[0].strip().equalsIgnoreCase("gzip")
            && !(parts.length > 1 && parts[1].replace(" ", "").matches("q=0(\\.0*)?"))) {
          return true;
        }
      }
    }
    return false;
  }

  static boolean isCompressible(String contentType) {
    if (contentType == null) {
      return false;
    }
    var type = contentType.split(";")[0].strip().toLowerCase(Locale.ROOT);
    return COMPRESSIBLE.contains(type);
  }

  /** Holds the first bytes back, then writes them and the rest either gzipped or as they are. */
  static final class GzipResponse extends HttpServletResponseWrapper {

    private final HttpServletResponse response;
    private final Deciding stream = new Deciding();
    private PrintWriter writer;
    private long declaredLength = -1;
    private boolean bypass;

    GzipResponse(HttpServletResponse response) {
      super(response);
      this.response = response;
    }

    @Override
    public ServletOutputStream getOutputStream() {
      if (writer != null) {
        throw new IllegalStateException("getWriter() was already called");
      }
      return stream;
    }

    @Override
    public PrintWriter getWriter() {
      if (writer == null) {
        var encoding = getCharacterEncoding();
        writer =
            new PrintWriter(
                new OutputStreamWriter(
                    stream, Charset.forName(encoding == null ? "ISO-8859-1" : encoding)));
      }
      return writer;
    }

    @Override
    public void setContentLength(int length) {
      setContentLengthLong(length);
    }

    @Override
    public void setContentLengthLong(long length) {
      if (stream.decided && !stream.gzip) {
        response.setContentLengthLong(length);
      } else if (!stream.decided) {
        declaredLength = length;
      }
    }

    @Override
    public void setHeader(String name, String value) {
      if ("Content-Length".equalsIgnoreCase(name)) {
        setContentLengthLong(value == null ? -1 : Long.parseLong(value));
      } else {
        super.setHeader(name, value);
      }
    }

    @Override
    public void addHeader(String name, String value) {
      if ("Content-Length".equalsIgnoreCase(name)) {
        setHeader(name, value);
      } else {
        super.addHeader(name, value);
      }
    }

    @Override
    public void setIntHeader(String name, int value) {
      if ("Content-Length".equalsIgnoreCase(name)) {
        setContentLengthLong(value);
      } else {
        super.setIntHeader(name, value);
      }
    }

    @Override
    public void sendError(int status, String message) throws IOException {
      bypass = true;
      super.sendError(status, message);
    }

    @Override
    public void sendError(int status) throws IOException {
      bypass = true;
      super.sendError(status);
    }

    @Override
    public void sendRedirect(String location) throws IOException {
      bypass = true;
      super.sendRedirect(location);
    }

    @Override
    public void flushBuffer() throws IOException {
      if (writer != null) {
        writer.flush();
      }
      stream.flush();
      if (stream.decided) {
        super.flushBuffer();
      }
    }

    @Override
    public void resetBuffer() {
      if (stream.decided) {
        throw new IllegalStateException("The response has been committed");
      }
      stream.held.reset();
      super.resetBuffer();
    }

    @Override
    public void reset() {
      resetBuffer();
      declaredLength = -1;
      super.reset();
    }

    /** Ends the response: whatever is held back goes out, and the gzip trailer is written. */
    void finish() throws IOException {
      if (writer != null) {
        writer.flush();
      }
      if (bypass && !stream.decided) {
        return;
      }
      stream.finish();
    }

    /** The stream that holds back, decides once, then writes through. */
    final class Deciding extends ServletOutputStream {
      final ByteArrayOutputStream held = new ByteArrayOutputStream(THRESHOLD + 1);
      boolean decided;
      boolean gzip;
      OutputStream out;

      @Override
      public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
      }

      @Override
      public void write(byte[] bytes, int offset, int length) throws IOException {
        if (decided) {
          out.write(bytes, offset, length);
          return;
        }
        held.write(bytes, offset, length);
        if (held.size() > THRESHOLD) {
          decide(true);
        }
      }

      private void decide(boolean large) throws IOException {
        decided = true;
        int status = response.getStatus();
        gzip =
            large
                && !bypass
                && status != HttpServletResponse.SC_NO_CONTENT
                && status != HttpServletResponse.SC_PARTIAL_CONTENT
                && status != HttpServletResponse.SC_NOT_MODIFIED
                && response.getHeader("Content-Encoding") == null
                && isCompressible(response.getContentType());
        if (gzip) {
          response.setHeader("Content-Encoding", "gzip");
          out = new GZIPOutputStream(response.getOutputStream(), 8192);
        } else {
          if (declaredLength >= 0) {
            response.setContentLengthLong(declaredLength);
          } else if (!large) {
            response.setContentLengthLong(held.size());
          }
          out = response.getOutputStream();
        }
        held.writeTo(out);
        held.reset();
      }

      @Override
      public void flush() throws IOException {
        // Before the decision nothing leaves: a flush of a few bytes would force a guess.
        if (decided) {
          out.flush();
        }
      }

      void finish() throws IOException {
        if (!decided) {
          if (held.size() == 0 && declaredLength < 0) {
            decided = true;
            return;
          }
          decide(false);
        }
        if (out instanceof GZIPOutputStream gzipped) {
          gzipped.finish();
        }
        out.flush();
      }

      @Override
      public void close() throws IOException {
        finish();
      }

      @Override
      public boolean isReady() {
        return true;
      }

      @Override
      public void setWriteListener(WriteListener listener) {
        throw new UnsupportedOperationException("Non-blocking writes are not compressed");
      }
    }
  }
}
