package vn.hocso.xapi.stream;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.HashMap;
import java.util.UUID;

/**
 * Keeps the position in a small text file: the {@code since} on the first line, then one seen
 * statement per line ({@code id stored}). Written to a temporary file and moved over the old one,
 * so a crash leaves either the old position or the new one.
 */
public final class FileQueryStreamPositionStore implements QueryStreamPositionStore {

  private final Path file;

  public FileQueryStreamPositionStore(Path file) {
    this.file = file;
  }

  @Override
  public QueryStreamPosition load() {
    if (!Files.exists(file)) {
      return QueryStreamPosition.beginning();
    }
    try {
      var lines = Files.readAllLines(file, StandardCharsets.UTF_8);
      var seen = new HashMap<UUID, Instant>();
      for (var line : lines.subList(1, lines.size())) {
        if (!line.isBlank()) {
          var parts = line.split(" ");
          seen.put(UUID.fromString(parts[0]), Instant.parse(parts[1]));
        }
      }
      return new QueryStreamPosition(Instant.parse(lines.get(0).trim()), seen);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read the stream position in " + file, e);
    } catch (RuntimeException e) {
      throw new IllegalStateException("The stream position in " + file + " is damaged", e);
    }
  }

  @Override
  public void save(QueryStreamPosition position) {
    var text = new StringBuilder(position.since().toString()).append('\n');
    position
        .seen()
        .forEach((id, stored) -> text.append(id).append(' ').append(stored).append('\n'));
    try {
      var folder = file.toAbsolutePath().getParent();
      Files.createDirectories(folder);
      var next = Files.createTempFile(folder, file.getFileName().toString(), ".next");
      try (var channel = FileChannel.open(next, StandardOpenOption.WRITE)) {
        channel.write(ByteBuffer.wrap(text.toString().getBytes(StandardCharsets.UTF_8)));
        channel.force(true); // on disk before it replaces the old position
      }
      Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not save the stream position in " + file, e);
    }
  }
}
