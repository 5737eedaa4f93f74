package vn.hocso.lms.web;

import jakarta.faces.application.Resource;
import jakarta.faces.application.ResourceHandler;
import jakarta.faces.application.ResourceHandlerWrapper;
import jakarta.faces.application.ResourceWrapper;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Gives every Faces resource URL a version, so {@link CacheHeaders} may let browsers keep it a
 * year: PrimeFaces already adds {@code v=<its version>} to its own; every other resource (our
 * hocso.css, Faces' faces.js) gets {@code v=} and the first 10 hex digits of its content's SHA-256,
 * computed once. A changed file is a new URL, so nobody keeps an old stylesheet.
 */
public class VersionedResources extends ResourceHandlerWrapper {

  private static final Map<String, String> VERSIONS = new ConcurrentHashMap<>();

  public VersionedResources(ResourceHandler wrapped) {
    super(wrapped);
  }

  @Override
  public Resource createResource(String resourceName) {
    return versioned(super.createResource(resourceName));
  }

  @Override
  public Resource createResource(String resourceName, String libraryName) {
    return versioned(super.createResource(resourceName, libraryName));
  }

  @Override
  public Resource createResource(String resourceName, String libraryName, String contentType) {
    return versioned(super.createResource(resourceName, libraryName, contentType));
  }

  private static Resource versioned(Resource resource) {
    if (resource == null) {
      return null;
    }
    return new ResourceWrapper(resource) {
      @Override
      public String getRequestPath() {
        var path = super.getRequestPath();
        if (path.contains("v=") || path.contains("pfdrid")) {
          return path;
        }
        var version =
            VERSIONS.computeIfAbsent(
                getLibraryName() + "/" + getResourceName(), key -> hashOf(getWrapped()));
        if (version.isEmpty()) {
          return path;
        }
        return path + (path.contains("?") ? "&" : "?") + "v=" + version;
      }
    };
  }

  private static String hashOf(Resource resource) {
    try (InputStream in = resource.getInputStream()) {
      if (in == null) {
        return "";
      }
      var digest = MessageDigest.getInstance("SHA-256");
      var buffer = new byte[8192];
      for (int n; (n = in.read(buffer)) > 0; ) {
        digest.update(buffer, 0, n);
      }
      return HexFormat.of().formatHex(digest.digest()).substring(0, 10);
    } catch (IOException | RuntimeException e) {
      // A resource that cannot be read here is served unversioned (and cached for an hour).
      return "";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
