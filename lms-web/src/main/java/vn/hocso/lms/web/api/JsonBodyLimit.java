package vn.hocso.lms.web.api;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Caps a JSON request body at {@link #MAX_BYTES}: every JSON body of the API is a small form (a
 * name, a few ids), and JSON-B would otherwise read whatever arrives into memory. A declared length
 * over the cap is refused before reading; a chunked body is cut where it passes the cap. Either way
 * the answer is 413 in the API's error shape. File uploads (the people import) are not JSON and
 * keep their own, larger cap.
 */
@Provider
public class JsonBodyLimit implements ContainerRequestFilter {

  static final int MAX_BYTES = 256 * 1024;

  @Override
  public void filter(ContainerRequestContext request) {
    var type = request.getMediaType();
    if (type == null || !type.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
      return;
    }
    if (request.getLength() > MAX_BYTES) {
      throw new BodyTooLargeException();
    }
    request.setEntityStream(new Capped(request.getEntityStream()));
  }

  /** Counts what is read and stops past the cap. */
  static final class Capped extends FilterInputStream {
    private long read;

    Capped(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count(1);
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = super.read(buffer, offset, length);
      if (n > 0) {
        count(n);
      }
      return n;
    }

    private void count(int n) {
      read += n;
      if (read > MAX_BYTES) {
        throw new BodyTooLargeException();
      }
    }
  }
}
