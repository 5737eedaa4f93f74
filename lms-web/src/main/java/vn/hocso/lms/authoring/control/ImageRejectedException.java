package vn.hocso.lms.authoring.control;

/** An uploaded file that is not an image we accept; {@link #reason()} says why, for the page. */
public class ImageRejectedException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** Why a file was refused; each has a message in the UI bundle ({@code authoring.image.*}). */
  public enum Reason {
    /** Nothing was uploaded. */
    EMPTY,
    /** Larger than {@link ImageUploads#MAX_UPLOAD_BYTES}. */
    TOO_LARGE,
    /** SVG or HTML: text that a browser could run, never accepted. */
    MARKUP,
    /** A real image format we cannot decode here (WebP, HEIC, GIF…). */
    UNSUPPORTED_FORMAT,
    /** Not an image at all, or a damaged one. */
    NOT_AN_IMAGE,
    /** More pixels than we agree to decode (a "decompression bomb"). */
    TOO_MANY_PIXELS
  }

  private final Reason reason;

  public ImageRejectedException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
