package vn.hocso.xapi.client;

import java.util.List;

/** What an LRS says of itself at {@code GET /about} (xAPI 2.0 Part 3 §2.8). */
public record About(List<String> versions) {

  public About {
    versions = List.copyOf(versions);
    if (versions.isEmpty()) {
      throw new IllegalArgumentException("An LRS names at least one xAPI version it speaks");
    }
  }

  /** Whether the LRS speaks this version. */
  public boolean speaks(String version) {
    return versions.contains(version);
  }
}
