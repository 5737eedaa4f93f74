import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where a JFR recording's CPU and waiting went, in a few tables: execution samples by top frame,
 * by the first frame of our own code, by category (a frame anywhere in the stack), by thread
 * pool; and waits (park, monitor, socket read) by the first frame of our code. Usage: {@code java
 * bench/jfr/JfrHotspots.java recording.jfr [rows=25]}.
 */
public class JfrHotspots {

  /** Categories, first match wins, tested against every frame from the top of the stack down. */
  static final Map<String, String> CATEGORIES = new LinkedHashMap<>();

  static {
    CATEGORIES.put("PBKDF2 (password hashing)", "com.sun.crypto.provider.PBKDF2");
    CATEGORIES.put("Argon2id (password hashing)", "org.bouncycastle.crypto.generators.Argon2BytesGenerator");
    CATEGORIES.put("LMS reads her statements from the LRS", "vn.hocso.lms.learning.control.LearningRecords.of");
    CATEGORIES.put("LMS statement delivery", "vn.hocso.lms.learning.control.StatementDelivery");
    CATEGORIES.put("LRS GET /statements", "vn.hocso.xapi.statements.boundary.StatementsResource.get");
    CATEGORIES.put("LRS POST/PUT statements", "vn.hocso.xapi.statements.boundary.StatementsResource.");
    CATEGORIES.put("LRS other", "vn.hocso.xapi.");
    CATEGORIES.put("Faces render", "com.sun.faces.lifecycle.RenderResponsePhase");
    CATEGORIES.put("Faces restore view", "com.sun.faces.lifecycle.RestoreViewPhase");
    CATEGORIES.put("Faces other phases", "com.sun.faces.lifecycle.");
    CATEGORIES.put("LMS other", "vn.hocso.lms.");
    CATEGORIES.put("Logging", "java.util.logging.");
    CATEGORIES.put("HTTP server (Grizzly)", "org.glassfish.grizzly.");
  }

  /**
   * What the CPU was doing, by the innermost frame that matches (tested from the top of the stack
   * down, each frame against these in order): the libraries' share of a request.
   */
  static final Map<String, String> WORK = new LinkedHashMap<>();

  static {
    WORK.put("Argon2id", "org.bouncycastle.crypto.generators.Argon2BytesGenerator");
    WORK.put("PBKDF2 / SHA-2", "com.sun.crypto.provider.PBKDF2|com.sun.crypto.provider.HmacCore|sun.security.provider.SHA");
    WORK.put("GZIP", "java.util.zip.");
    WORK.put("HTML sanitiser (OWASP)", "org.owasp.html.");
    WORK.put("JDBC driver (Connector/J)", "com.mysql.cj.");
    WORK.put("JSON (Parsson, jakarta.json)", "org.eclipse.parsson.|jakarta.json.");
    WORK.put("EclipseLink (JPA)", "org.eclipse.persistence.");
    WORK.put("EL", "org.glassfish.expressly.|com.sun.el.|jakarta.el.|com.sun.faces.el.");
    WORK.put(
        "Faces view state (save/restore)",
        "com.sun.faces.application.view.FaceletPartialStateManagementStrategy|com.sun.faces.renderkit.ServerSideStateHelper|com.sun.faces.application.StateManagerImpl|jakarta.faces.component.UIComponentBase.saveState|jakarta.faces.component.UIComponentBase.restoreState|jakarta.faces.component.UIComponentBase.processSaveState|jakarta.faces.component.StateHolderSaver|com.sun.faces.util.LRUMap");
    WORK.put("Facelets (build the view)", "com.sun.faces.facelets.|jakarta.faces.view.facelets.");
    WORK.put("PrimeFaces", "org.primefaces.");
    WORK.put("Faces renderers (HTML)", "com.sun.faces.renderkit.");
    WORK.put("Faces other", "com.sun.faces.|jakarta.faces.");
    WORK.put("Weld (CDI)", "org.jboss.weld.");
    WORK.put("JDK HTTP client", "jdk.internal.net.http.|java.net.http.");
    WORK.put("Grizzly / Servlet container", "org.glassfish.grizzly.|org.apache.catalina.|org.glassfish.web.|com.sun.enterprise.");
    WORK.put("Jersey (JAX-RS)", "org.glassfish.jersey.");
    WORK.put("LRS code", "vn.hocso.xapi.");
    WORK.put("LMS code", "vn.hocso.lms.|vn.hocso.content.");
    WORK.put("Security (JACC, Soteria)", "org.glassfish.soteria.|fish.payara.security.|com.sun.enterprise.security.|org.glassfish.exousia.");
  }

  /** A request of the LMS from a vn.hocso.Request event: its thread, when, what, its CPU. */
  record Request(long thread, long start, long end, String kind, long cpuNanos) {}

  public static void main(String[] args) throws Exception {
    var file = Path.of(args[0]);
    int rows = args.length > 1 ? Integer.parseInt(args[1]) : 25;
    var top = new HashMap<String, Integer>();
    var inclusive = new HashMap<String, Integer>();
    int requestSamples = 0;
    var ours = new HashMap<String, Integer>();
    var categories = new HashMap<String, Integer>();
    var threads = new HashMap<String, Integer>();
    var waits = new HashMap<String, Duration>();
    var waitCounts = new HashMap<String, Integer>();
    var gc = Duration.ZERO;
    int samples = 0;
    double cpuUser = 0, cpuSystem = 0, machine = 0;
    int cpuLoads = 0;
    // First pass: the LMS's requests (web.RequestRecording), per thread, to attribute samples.
    var requestsByThread = new HashMap<Long, List<Request>>();
    try (var recording = new RecordingFile(file)) {
      while (recording.hasMoreEvents()) {
        var event = recording.readEvent();
        if (event.getEventType().getName().equals("vn.hocso.Request")) {
          var thread = event.getThread("eventThread");
          var request =
              new Request(
                  thread == null ? -1 : thread.getJavaThreadId(),
                  toNanos(event.getStartTime()),
                  toNanos(event.getEndTime()),
                  event.getString("kind"),
                  event.getLong("cpu"));
          requestsByThread.computeIfAbsent(request.thread(), t -> new ArrayList<>()).add(request);
        }
      }
    }
    requestsByThread.values().forEach(list -> list.sort(java.util.Comparator.comparingLong(Request::start)));
    var byKind = new HashMap<String, Map<String, Integer>>();
    var byKindMethods = new HashMap<String, Map<String, Integer>>();
    var kindSamples = new HashMap<String, Integer>();
    try (var recording = new RecordingFile(file)) {
      while (recording.hasMoreEvents()) {
        var event = recording.readEvent();
        var type = event.getEventType().getName();
        switch (type) {
          case "jdk.ExecutionSample" -> {
            samples++;
            var frames = frames(event);
            if (frames.isEmpty()) {
              continue;
            }
            top.merge(name(frames.get(0)), 1, Integer::sum);
            ours.merge(firstOurs(frames), 1, Integer::sum);
            categories.merge(category(frames), 1, Integer::sum);
            var thread = event.getThread("sampledThread");
            var threadName = thread == null ? "?" : thread.getJavaName();
            threads.merge(pool(threadName), 1, Integer::sum);
            var kind = requestKind(requestsByThread, thread, event, frames);
            kindSamples.merge(kind, 1, Integer::sum);
            byKind.computeIfAbsent(kind, k -> new HashMap<>()).merge(work(frames), 1, Integer::sum);
            var seenHere = new java.util.HashSet<String>();
            for (var frame : frames) {
              var method = name(frame);
              if (seenHere.add(method) && interesting(method)) {
                byKindMethods.computeIfAbsent(kind, k -> new HashMap<>()).merge(method, 1, Integer::sum);
              }
            }
            if (threadName.startsWith("http-thread-pool")) {
              requestSamples++;
              var seen = new java.util.HashSet<String>();
              for (var frame : frames) {
                var method = name(frame);
                if (seen.add(method)) {
                  inclusive.merge(method, 1, Integer::sum);
                }
              }
            }
          }
          case "jdk.ThreadPark", "jdk.JavaMonitorEnter", "jdk.SocketRead", "jdk.JavaMonitorWait" -> {
            var frames = frames(event);
            var key = type.substring(4) + " at " + firstOurs(frames);
            waits.merge(key, event.getDuration(), Duration::plus);
            waitCounts.merge(key, 1, Integer::sum);
          }
          case "jdk.GarbageCollection" -> gc = gc.plus(event.getDuration());
          case "jdk.CPULoad" -> {
            cpuUser += event.getFloat("jvmUser");
            cpuSystem += event.getFloat("jvmSystem");
            machine += event.getFloat("machineTotal");
            cpuLoads++;
          }
          default -> {}
        }
      }
    }
    System.out.printf("%s: %d execution samples; GC pauses total %.1f s%n", file, samples, gc.toMillis() / 1000.0);
    if (cpuLoads > 0) {
      System.out.printf(
          "JVM CPU (mean of %d jdk.CPULoad): user %.0f %%, system %.0f %%, machine %.0f %% (of all cores)%n",
          cpuLoads, 100 * cpuUser / cpuLoads, 100 * cpuSystem / cpuLoads, 100 * machine / cpuLoads);
    }
    print("Samples by category (a frame anywhere in the stack, first match)", categories, samples, rows);
    print("Samples by thread pool", threads, samples, rows);
    print("Samples by first frame of our code (vn.hocso)", ours, samples, rows);
    print("Samples by top frame", top, samples, rows);
    print(
        "Request threads (http-thread-pool): methods by inclusive samples, of " + requestSamples,
        inclusive,
        requestSamples,
        rows * 4);
    printRequests(requestsByThread, kindSamples, byKind, byKindMethods, samples, rows);
    System.out.println("\n## Waits by first frame of our code (total seconds, count)");
    waits.entrySet().stream()
        .sorted(Map.Entry.<String, Duration>comparingByValue().reversed())
        .limit(rows)
        .forEach(
            e ->
                System.out.printf(
                    "%10.1f s %7d  %s%n",
                    e.getValue().toMillis() / 1000.0, waitCounts.get(e.getKey()), e.getKey()));
  }

  static long toNanos(java.time.Instant instant) {
    return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
  }

  /**
   * The LMS request a sample fell in (same thread, inside its start and end), else what the stack
   * says: the LRS answering the LMS's reads or posts, the statement delivery worker, the projector.
   */
  static String requestKind(
      Map<Long, List<Request>> requests,
      jdk.jfr.consumer.RecordedThread thread,
      RecordedEvent sample,
      List<RecordedFrame> frames) {
    if (thread != null) {
      var list = requests.get(thread.getJavaThreadId());
      if (list != null) {
        long at = toNanos(sample.getStartTime());
        int low = 0;
        int high = list.size() - 1;
        while (low <= high) { // the last request that started at or before the sample
          int middle = (low + high) >>> 1;
          if (list.get(middle).start() <= at) {
            low = middle + 1;
          } else {
            high = middle - 1;
          }
        }
        if (high >= 0 && list.get(high).end() >= at) {
          return list.get(high).kind();
        }
      }
    }
    return "(not an LMS request) " + category(frames);
  }

  static String work(List<RecordedFrame> frames) {
    for (var frame : frames) {
      var name = name(frame);
      for (var work : WORK.entrySet()) {
        for (var prefix : work.getValue().split("\\|")) {
          if (name.startsWith(prefix)) {
            return work.getKey();
          }
        }
      }
    }
    return "JDK / other";
  }

  /** Methods worth naming per request kind: ours and the frameworks' entry points. */
  static boolean interesting(String method) {
    return method.startsWith("vn.hocso.")
        || method.startsWith("com.sun.faces.lifecycle.")
        || method.startsWith("com.sun.faces.application.view.")
        || method.startsWith("jakarta.faces.component.UIComponentBase.encode")
        || method.startsWith("org.eclipse.persistence.internal.jpa.EJBQueryImpl.")
        || method.startsWith("org.eclipse.persistence.internal.jpa.EntityManagerImpl.")
        || method.startsWith("org.eclipse.persistence.internal.sessions.UnitOfWorkImpl.commit")
        || method.startsWith("com.sun.crypto.provider.PBKDF2")
        || method.startsWith("org.bouncycastle.crypto.generators.Argon2BytesGenerator.generateBytes")
        || method.startsWith("java.util.zip.GZIPOutputStream.");
  }

  static void printRequests(
      Map<Long, List<Request>> requestsByThread,
      Map<String, Integer> kindSamples,
      Map<String, Map<String, Integer>> byKind,
      Map<String, Map<String, Integer>> byKindMethods,
      int samples,
      int rows) {
    var count = new HashMap<String, Integer>();
    var cpu = new HashMap<String, Long>();
    long allCpu = 0;
    for (var list : requestsByThread.values()) {
      for (var request : list) {
        count.merge(request.kind(), 1, Integer::sum);
        cpu.merge(request.kind(), request.cpuNanos(), Long::sum);
        allCpu += request.cpuNanos();
      }
    }
    if (count.isEmpty()) {
      System.out.println("\n(no vn.hocso.Request events in this recording)");
      return;
    }
    System.out.printf(
        "%n## LMS requests by kind (vn.hocso.Request): thread CPU, %.1f s in all%n", allCpu / 1e9);
    System.out.println("| kind | requests | CPU ms each | CPU s | share of LMS request CPU | samples |");
    System.out.println("|---|---|---|---|---|---|");
    final long total = allCpu;
    cpu.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .forEach(
            e ->
                System.out.printf(
                    "| %s | %d | %.1f | %.1f | %.1f %% | %d |%n",
                    e.getKey(),
                    count.get(e.getKey()),
                    e.getValue() / 1e6 / count.get(e.getKey()),
                    e.getValue() / 1e9,
                    100.0 * e.getValue() / total,
                    kindSamples.getOrDefault(e.getKey(), 0)));
    System.out.println("\n## Samples by kind of request, then what the CPU did (innermost matching frame)");
    kindSamples.entrySet().stream()
        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
        .limit(rows)
        .forEach(
            e -> {
              System.out.printf(
                  "%n### %s: %d samples, %.1f %% of all%n",
                  e.getKey(), e.getValue(), 100.0 * e.getValue() / samples);
              byKind.get(e.getKey()).entrySet().stream()
                  .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                  .limit(10)
                  .forEach(
                      w ->
                          System.out.printf(
                              "%6d %5.1f %%  %s%n",
                              w.getValue(), 100.0 * w.getValue() / e.getValue(), w.getKey()));
              System.out.println("  methods (inclusive):");
              byKindMethods.getOrDefault(e.getKey(), Map.of()).entrySet().stream()
                  .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                  .limit(14)
                  .forEach(
                      m ->
                          System.out.printf(
                              "  %6d %5.1f %%  %s%n",
                              m.getValue(), 100.0 * m.getValue() / e.getValue(), m.getKey()));
            });
  }

  static List<RecordedFrame> frames(RecordedEvent event) {
    var stack = event.getStackTrace();
    return stack == null ? List.of() : stack.getFrames();
  }

  static String name(RecordedFrame frame) {
    var method = frame.getMethod();
    return method.getType().getName() + "." + method.getName();
  }

  static String firstOurs(List<RecordedFrame> frames) {
    for (var frame : frames) {
      var name = name(frame);
      if (name.startsWith("vn.hocso.")) {
        return name + ":" + frame.getLineNumber();
      }
    }
    return frames.isEmpty() ? "(no stack)" : "(not ours) " + name(frames.get(Math.min(frames.size() - 1, 0)));
  }

  static String category(List<RecordedFrame> frames) {
    for (var category : CATEGORIES.entrySet()) {
      for (var frame : frames) {
        if (name(frame).startsWith(category.getValue())) {
          return category.getKey();
        }
      }
    }
    return "other: " + name(frames.get(frames.size() - 1));
  }

  static String pool(String thread) {
    return thread.replaceAll("[(\\[]?\\d+[)\\]]?", "#").replaceAll("#+", "#");
  }

  static void print(String title, Map<String, Integer> counts, int total, int rows) {
    System.out.println("\n## " + title);
    var sorted = new ArrayList<>(counts.entrySet());
    sorted.sort(Map.Entry.<String, Integer>comparingByValue().reversed());
    for (var e : sorted.subList(0, Math.min(rows, sorted.size()))) {
      System.out.printf("%6d %5.1f %%  %s%n", e.getValue(), 100.0 * e.getValue() / total, e.getKey());
    }
  }
}
