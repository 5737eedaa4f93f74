package vn.hocso.xapi.client;

import java.time.Duration;

/** Waits between attempts; tests replace it to run without waiting. */
interface Sleeper {

  void sleep(Duration duration) throws InterruptedException;

  Sleeper REAL = duration -> Thread.sleep(duration.toMillis());
}
