package vn.hocso.lms.authoring.control;

import java.awt.Color;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import vn.hocso.lms.authoring.control.ImageRejectedException.Reason;

/**
 * Makes an uploaded picture safe and light for a learner on a slow, metered connection: only PNG
 * and JPEG are accepted (recognised by their first bytes, not by the name or the browser's word),
 * decoded, scaled down to at most {@value #MAX_WIDTH} pixels wide and written again as a
 * progressive-free baseline JPEG of quality {@value #QUALITY}. Re-encoding keeps pixels only: no
 * metadata (location, camera), no embedded script, nothing an SVG or HTML file could carry. SVG and
 * HTML are refused outright; WebP and other formats are refused with a message asking for PNG or
 * JPEG, because the JDK cannot decode them.
 */
public final class ImageUploads {

  /** Wider pictures are scaled down: wide enough for a tablet, light for a phone. */
  public static final int MAX_WIDTH = 1280;

  /** The largest upload read at all. */
  public static final int MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

  /** Pictures with more pixels are not decoded (a 40 MP photo decodes to 160 MB). */
  static final long MAX_PIXELS = 40_000_000L;

  static final float QUALITY = 0.8f;

  private ImageUploads() {}

  /** A re-encoded image. */
  public record EncodedImage(
      byte[] bytes, String contentType, String extension, int width, int height) {}

  /** The picture in {@code upload} re-encoded, or a rejection saying why not. */
  public static EncodedImage reencode(byte[] upload) {
    if (upload == null || upload.length == 0) {
      throw new ImageRejectedException(Reason.EMPTY, "No file was uploaded");
    }
    if (upload.length > MAX_UPLOAD_BYTES) {
      throw new ImageRejectedException(
          Reason.TOO_LARGE, "An image has at most " + MAX_UPLOAD_BYTES / 1024 / 1024 + " MB");
    }
    var format = sniff(upload);
    if (!format.equals("png") && !format.equals("jpeg")) {
      throw switch (format) {
        case "markup" ->
            new ImageRejectedException(Reason.MARKUP, "SVG and HTML files are not accepted");
        case "unknown" ->
            new ImageRejectedException(Reason.NOT_AN_IMAGE, "The file is not a PNG or JPEG image");
        default ->
            new ImageRejectedException(
                Reason.UNSUPPORTED_FORMAT, format.toUpperCase(Locale.ROOT) + " is not accepted");
      };
    }
    var image = decode(upload);
    var scaled = scaleAndFlatten(image);
    return new EncodedImage(
        jpeg(scaled), "image/jpeg", "jpg", scaled.getWidth(), scaled.getHeight());
  }

  /** The format by its first bytes: png, jpeg, gif, webp, markup (SVG/HTML/XML) or unknown. */
  static String sniff(byte[] bytes) {
    if (startsWith(bytes, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
      return "png";
    }
    if (startsWith(bytes, 0xFF, 0xD8, 0xFF)) {
      return "jpeg";
    }
    if (startsWith(bytes, 'G', 'I', 'F', '8')) {
      return "gif";
    }
    if (bytes.length >= 12
        && startsWith(bytes, 'R', 'I', 'F', 'F')
        && new String(bytes, 8, 4, StandardCharsets.US_ASCII).equals("WEBP")) {
      return "webp";
    }
    var head =
        new String(bytes, 0, Math.min(bytes.length, 1024), StandardCharsets.UTF_8)
            .replace("\uFEFF", "")
            .stripLeading()
            .toLowerCase(Locale.ROOT);
    if (head.startsWith("<")
        || head.contains("<svg")
        || head.contains("<html")
        || head.contains("<script")) {
      return "markup";
    }
    return "unknown";
  }

  private static boolean startsWith(byte[] bytes, int... prefix) {
    if (bytes.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if ((bytes[i] & 0xFF) != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  private static BufferedImage decode(byte[] upload) {
    try (var input = ImageIO.createImageInputStream(new ByteArrayInputStream(upload))) {
      var readers = ImageIO.getImageReaders(input);
      if (!readers.hasNext()) {
        throw new ImageRejectedException(Reason.NOT_AN_IMAGE, "The image cannot be read");
      }
      var reader = readers.next();
      try {
        reader.setInput(input, true, true);
        long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
        if (pixels > MAX_PIXELS) {
          throw new ImageRejectedException(
              Reason.TOO_MANY_PIXELS, "The image has more than 40 million pixels");
        }
        return reader.read(0);
      } finally {
        reader.dispose();
      }
    } catch (IOException | RuntimeException e) {
      if (e instanceof ImageRejectedException rejected) {
        throw rejected;
      }
      throw new ImageRejectedException(
          Reason.NOT_AN_IMAGE, "The image is damaged: " + e.getMessage());
    }
  }

  /** At most {@link #MAX_WIDTH} wide, same proportions, transparent parts on white, RGB. */
  private static BufferedImage scaleAndFlatten(BufferedImage image) {
    int width = Math.min(image.getWidth(), MAX_WIDTH);
    int height =
        Math.max(1, (int) Math.round((double) image.getHeight() * width / image.getWidth()));
    var result = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    var graphics = result.createGraphics();
    try {
      graphics.setRenderingHint(
          RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
      graphics.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
      graphics.setColor(Color.WHITE);
      graphics.fillRect(0, 0, width, height);
      graphics.drawImage(image, 0, 0, width, height, null);
    } finally {
      graphics.dispose();
    }
    return result;
  }

  private static byte[] jpeg(BufferedImage image) {
    var writer = ImageIO.getImageWritersByFormatName("jpeg").next();
    var output = new ByteArrayOutputStream();
    try (var stream = ImageIO.createImageOutputStream(output)) {
      writer.setOutput(stream);
      var parameters = writer.getDefaultWriteParam();
      parameters.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
      parameters.setCompressionQuality(QUALITY);
      writer.write(null, new IIOImage(image, null, null), parameters);
    } catch (IOException e) {
      throw new IllegalStateException("Could not write a JPEG", e);
    } finally {
      writer.dispose();
    }
    return output.toByteArray();
  }
}
