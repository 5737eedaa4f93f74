package vn.hocso.content.authoring;

import java.util.regex.Pattern;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

/**
 * The HTML a learner's browser may receive from an author: paragraphs, headings, lists, bold,
 * italic, underline, strike-through, quotes and https or mailto links, and nothing else. No script,
 * no event handler, no style, no image or frame (pictures are image blocks, re-encoded on upload),
 * no {@code javascript:} or {@code data:} address. Applied when an author saves (so what is stored
 * is safe) and again when a lesson is shown (so content that came from elsewhere, such as a course
 * package, is safe too).
 */
public final class RichText {

  /** Quill 2, behind PrimeFaces' text editor, marks list items and alignment this way. */
  private static final Pattern LIST_KIND = Pattern.compile("bullet|ordered");

  private static final Pattern QUILL_CLASS =
      Pattern.compile(
          "(ql-align-(center|right|justify)|ql-indent-[1-8])( (ql-align-(center|right|justify)|ql-indent-[1-8]))*");

  private static final PolicyFactory POLICY =
      new HtmlPolicyBuilder()
          .allowElements(
              "p",
              "br",
              "h2",
              "h3",
              "h4",
              "strong",
              "b",
              "em",
              "i",
              "u",
              "s",
              "ul",
              "ol",
              "li",
              "blockquote",
              "a",
              "span")
          .allowAttributes("data-list")
          .matching(LIST_KIND)
          .onElements("li")
          .allowAttributes("class")
          .matching(QUILL_CLASS)
          .onElements("p", "li", "h2", "h3", "h4")
          .allowAttributes("href")
          .onElements("a")
          .allowUrlProtocols("https", "mailto")
          .requireRelsOnLinks("noopener", "noreferrer", "nofollow")
          .toFactory();

  private RichText() {}

  /** The safe part of {@code html}: what the policy allows, with every text escaped. */
  public static String sanitise(String html) {
    return html == null ? "" : POLICY.sanitize(html).strip();
  }

  /** True when the HTML has no visible text (an empty editor gives {@code <p><br></p>}). */
  public static boolean isBlank(String html) {
    return html == null
        || html.replaceAll("<[^>]*>", "").replace("&nbsp;", " ").replace("&#160;", " ").isBlank();
  }
}
