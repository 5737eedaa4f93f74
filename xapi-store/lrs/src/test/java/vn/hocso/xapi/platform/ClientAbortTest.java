package vn.hocso.xapi.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A client that goes away in the middle of its request body (as the LMS's delivery client does when
 * it gives up waiting) gets a 400 and one quiet log line, not a 500 logged as a fault of the LRS.
 */
class ClientAbortTest {

  private final Logger logger = Logger.getLogger(XapiExceptionMapper.class.getName());
  private final List<LogRecord> logged = new ArrayList<>();
  private final Handler handler =
      new Handler() {
        @Override
        public void publish(LogRecord record) {
          logged.add(record);
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };
  private Level level;

  @BeforeEach
  void listen() {
    level = logger.getLevel();
    logger.setLevel(Level.ALL);
    logger.addHandler(handler);
  }

  @AfterEach
  void stopListening() {
    logger.removeHandler(handler);
    logger.setLevel(level);
  }

  @Test
  void aBodyCutOffMidwayIsTheClientsDoing() {
    InputStream cutOff =
        new SequenceInputStream(
            new ByteArrayInputStream("[{\"actor\":".getBytes()),
            new InputStream() {
              @Override
              public int read() throws IOException {
                throw new EOFException("Reset by peer");
              }
            });

    assertThatThrownBy(() -> RequestBodies.readBytes(cutOff, 1_000_000))
        .isInstanceOf(RequestAbortedException.class)
        .hasFieldOrPropertyWithValue("rule", "body-incomplete")
        .hasMessageContaining("Reset by peer");
  }

  @Test
  void anAbortIsA400WithOneQuietLine() {
    var answer =
        XapiExceptionMapper.answer(new RequestAbortedException(new EOFException("Reset by peer")));

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.rule()).isEqualTo("body-incomplete");
    assertThat(logged).singleElement().satisfies(this::quiet);
  }

  @Test
  void anEndOfStreamMetOutsideOurReadingIsAnAbortToo() {
    var answer =
        XapiExceptionMapper.answer(new UncheckedIOException(new EOFException("Reset by peer")));

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.rule()).isEqualTo("body-incomplete");
    assertThat(logged).singleElement().satisfies(this::quiet);
  }

  @Test
  void aFaultOfTheLrsIsStillA500LoggedWithItsStack() {
    var answer = XapiExceptionMapper.answer(new IllegalStateException("bug"));

    assertThat(answer.status()).isEqualTo(500);
    assertThat(logged).singleElement().extracting(LogRecord::getLevel).isEqualTo(Level.SEVERE);
  }

  private void quiet(LogRecord record) {
    assertThat(record.getLevel().intValue()).isLessThanOrEqualTo(Level.INFO.intValue());
    assertThat(record.getThrown()).isNull();
  }
}
