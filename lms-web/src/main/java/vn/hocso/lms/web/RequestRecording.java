package vn.hocso.lms.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;
import jdk.jfr.Timespan;

/**
 * Every request of the LMS as a Flight Recorder event ({@code vn.hocso.Request}): what kind of
 * request it was and the CPU time its thread spent on it. A recording can then be summed by kind of
 * request, and its execution samples attributed to the request they fell in ({@code java
 * bench/jfr/JfrHotspots.java}, bench/README.md). Without a recording the event is disabled and the
 * filter only asks whether it is.
 */
public class RequestRecording extends HttpFilter {

  private static final long serialVersionUID = 1L;

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  /** One request: its kind, e.g. "POST /app/quiz.xhtml ajax attempt:check", and its CPU. */
  @Name("vn.hocso.Request")
  @Label("Học Số request")
  @Category("Học Số")
  @Description("A request of the LMS, with the CPU time of its thread")
  @StackTrace(false)
  static final class RequestEvent extends Event {
    @Label("Kind")
    String kind;

    @Label("Thread CPU")
    @Timespan(Timespan.NANOSECONDS)
    long cpu;

    @Label("Status")
    int status;
  }

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    var event = new RequestEvent();
    if (!event.isEnabled()) {
      chain.doFilter(request, response);
      return;
    }
    long cpuBefore = THREADS.getCurrentThreadCpuTime();
    event.begin();
    try {
      chain.doFilter(request, response);
    } finally {
      event.end();
      if (event.shouldCommit()) {
        event.cpu = THREADS.getCurrentThreadCpuTime() - cpuBefore;
        event.kind = kind(request);
        event.status = response.getStatus();
        event.commit();
      }
    }
  }

  /**
   * Method, path, and for a Faces ajax request the component that sent it. Read after the request
   * was handled: asking for a parameter before would decode the form before Faces set its encoding.
   */
  static String kind(HttpServletRequest request) {
    var kind = request.getMethod() + " " + request.getServletPath();
    if ("partial/ajax".equals(request.getHeader("Faces-Request"))) {
      var source = request.getParameter("jakarta.faces.source");
      return kind + " ajax " + (source == null ? "" : source);
    }
    return kind;
  }
}
