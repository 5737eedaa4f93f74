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
