package vn.hocso.bench.learners;

import java.nio.file.Path;
import java.time.Duration;

/**
 * What a run is told through system properties (bench/run-learners.sh sets them; -D on the Maven
 * command line reaches the Gatling JVM).
 */
record Settings(
    String baseUrl,
    int learners,
    Duration ramp,
    double thinkSeconds,
    String usernamePrefix,
    String password,
    Path courseJson,
    String search,
    String courseTitle,
    String lrsKey,
    String lrsSecret) {

  static Settings fromSystemProperties() {
    return new Settings(
        System.getProperty("baseUrl", "http://localhost:18700"),
        Integer.getInteger("learners", 500),
        Duration.ofSeconds(Long.getLong("rampSeconds", 120)),
        Double.parseDouble(System.getProperty("thinkSeconds", "3")),
        System.getProperty("usernamePrefix", "hv-bench-"),
        System.getProperty("learnerPassword", "hoc-so-bench-2026"),
        Path.of(
            System.getProperty(
                "courseJson",
                "../../lms-web/src/main/resources/curriculum/thanh-toan-bang-ma-vietqr/course.json")),
        System.getProperty("search", "thanh toan ma qr"),
        System.getProperty("courseTitle", "Thanh toán và nhận tiền bằng mã VietQR"),
        System.getProperty("lrsKey", "hocso-bench"),
        System.getProperty("lrsSecret", "hocso-bench-secret"));
  }

  /** A reader's pause before each page: uniform between half and one and a half think times. */
  Duration thinkMin() {
    return Duration.ofMillis(Math.round(thinkSeconds * 500));
  }

  Duration thinkMax() {
    return Duration.ofMillis(Math.round(thinkSeconds * 1500));
  }
}
