package vn.hocso.lms.authoring.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.metadata.IIOMetadataNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.hocso.lms.authoring.control.ImageRejectedException.Reason;

/** Uploaded pictures: only real PNG and JPEG, re-encoded small; everything else told apart. */
class ImageUploadsTest {

  @Test
  void scalesAWidePngDownToAJpegOf1280PixelsOnWhite() throws Exception {
    var wide = new BufferedImage(3000, 1500, BufferedImage.TYPE_INT_ARGB); // transparent
    var graphics = wide.createGraphics();
    graphics.setColor(Color.RED);
    graphics.fillRect(0, 0, 1500, 1500);
    graphics.dispose();

    var encoded = ImageUploads.reencode(bytes(wide, "png"));

    assertThat(encoded.contentType()).isEqualTo("image/jpeg");
    assertThat(encoded.width()).isEqualTo(1280);
    assertThat(encoded.height()).isEqualTo(640);
    var read = ImageIO.read(new ByteArrayInputStream(encoded.bytes()));
    assertThat(read.getWidth()).isEqualTo(1280);
    var right = new Color(read.getRGB(1200, 300));
    assertThat(right.getRed()).isGreaterThan(240); // the transparent half became white
    assertThat(right.getGreen()).isGreaterThan(240);
    var left = new Color(read.getRGB(100, 300));
    assertThat(left.getRed()).isGreaterThan(200);
    assertThat(left.getGreen()).isLessThan(60);
  }

  @Test
  void keepsASmallPhotoItsSizeAndDropsWhatItCarriedBesidesPixels() throws Exception {
    var photo = new BufferedImage(400, 300, BufferedImage.TYPE_INT_RGB);
    var withComment = jpegWithComment(photo, "<script>alert(1)</script> GPS 21.03,105.85");

    var encoded = ImageUploads.reencode(withComment);

    assertThat(encoded.width()).isEqualTo(400);
    assertThat(encoded.height()).isEqualTo(300);
    assertThat(new String(encoded.bytes(), StandardCharsets.ISO_8859_1))
        .doesNotContain("script")
        .doesNotContain("GPS");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>",
        "<?xml version=\"1.0\"?><svg><script>alert(1)</script></svg>",
        "\uFEFF  <!DOCTYPE html><html><script>alert(1)</script></html>",
        "<img src=x onerror=alert(1)>"
      })
  void refusesSvgAndHtml(String markup) {
    assertThatThrownBy(() -> ImageUploads.reencode(markup.getBytes(StandardCharsets.UTF_8)))
        .isInstanceOfSatisfying(
            ImageRejectedException.class, e -> assertThat(e.reason()).isEqualTo(Reason.MARKUP));
  }

  @Test
  void refusesWebpAndGifAsUnsupportedAndOtherFilesAsNotImages() throws Exception {
    var webp = "RIFF\0\0\0\0WEBPVP8 ".getBytes(StandardCharsets.ISO_8859_1);
    assertThatThrownBy(() -> ImageUploads.reencode(webp))
        .isInstanceOfSatisfying(
            ImageRejectedException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.UNSUPPORTED_FORMAT));
    var gif = bytes(new BufferedImage(10, 10, BufferedImage.TYPE_INT_RGB), "gif");
    assertThatThrownBy(() -> ImageUploads.reencode(gif))
        .isInstanceOfSatisfying(
            ImageRejectedException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.UNSUPPORTED_FORMAT));
    assertThatThrownBy(
            () -> ImageUploads.reencode("Họ và tên,Năm sinh".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOfSatisfying(
            ImageRejectedException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.NOT_AN_IMAGE));
    var brokenPng = new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3};
    assertThatThrownBy(() -> ImageUploads.reencode(brokenPng))
        .isInstanceOfSatisfying(
            ImageRejectedException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.NOT_AN_IMAGE));
    assertThatThrownBy(() -> ImageUploads.reencode(new byte[0]))
        .isInstanceOfSatisfying(
            ImageRejectedException.class, e -> assertThat(e.reason()).isEqualTo(Reason.EMPTY));
  }

  @Test
  void refusesAPictureClaimingTooManyPixelsWithoutDecodingIt() throws Exception {
    // A valid PNG header announcing 100,000 × 100,000 pixels, and no pixel data.
    var png = bytes(new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB), "png");
    png[16] = 0;
    png[17] = 1;
    png[18] = (byte) 0x86;
    png[19] = (byte) 0xA0;
    png[20] = 0;
    png[21] = 1;
    png[22] = (byte) 0x86;
    png[23] = (byte) 0xA0;

    assertThatThrownBy(() -> ImageUploads.reencode(png))
        .isInstanceOfSatisfying(
            ImageRejectedException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.TOO_MANY_PIXELS));
  }

  static byte[] bytes(BufferedImage image, String format) throws Exception {
    var out = new ByteArrayOutputStream();
    assertThat(ImageIO.write(image, format, out)).isTrue();
    return out.toByteArray();
  }

  static byte[] jpegWithComment(BufferedImage image, String comment) throws Exception {
    var writer = ImageIO.getImageWritersByFormatName("jpeg").next();
    var parameters = writer.getDefaultWriteParam();
    var metadata =
        writer.getDefaultImageMetadata(
            javax.imageio.ImageTypeSpecifier.createFromRenderedImage(image), parameters);
    var root = (IIOMetadataNode) metadata.getAsTree("javax_imageio_jpeg_image_1.0");
    var com = new IIOMetadataNode("com");
    com.setAttribute("comment", comment);
    ((IIOMetadataNode) root.getElementsByTagName("markerSequence").item(0)).appendChild(com);
    metadata.setFromTree("javax_imageio_jpeg_image_1.0", root);
    var out = new ByteArrayOutputStream();
    try (var stream = ImageIO.createImageOutputStream(out)) {
      writer.setOutput(stream);
      writer.write(null, new IIOImage(image, null, metadata), parameters);
    }
    writer.dispose();
    var bytes = out.toByteArray();
    assertThat(new String(bytes, StandardCharsets.ISO_8859_1)).contains("<script>");
    return bytes;
  }
}
