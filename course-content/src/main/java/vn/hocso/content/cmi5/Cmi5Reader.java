package vn.hocso.content.cmi5;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import vn.hocso.content.course.domain.ExternalAuBlock.LaunchMethod;
import vn.hocso.content.course.domain.ExternalAuBlock.MoveOn;

/**
 * Reads a {@code cmi5.xml}. In three steps, each rejecting the whole file with a message naming the
 * problem (and the line, where the parser knows it):
 *
 * <ol>
 *   <li>well-formed XML without a DOCTYPE (no entities, no external files: nothing an upload could
 *       use to read our disk or exhaust memory);
 *   <li>valid against the cmi5 schema, {@code CourseStructure.xsd} from the specification (section
 *       14), shipped in this package with its Apache 2.0 licence;
 *   <li>the rules the schema cannot say (cmi5 §13.1): ids unique within the structure (§13.1.4),
 *       masteryScore with at most 4 decimals, an AU url whose query does not use the names the
 *       launcher will add (§8.1: endpoint, fetch, actor, registration, activityId); and ours: the
 *       url is an absolute https address, because a cmi5.xml alone carries no content to resolve a
 *       relative one against, and an https page may not frame plain http.
 * </ol>
 *
 * Leading and trailing white space is removed from every value (§13.1). Nothing is stored.
 */
public class Cmi5Reader {

  public static final String NAMESPACE =
      "https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd";

  /** A course structure is a small file; anything bigger is not one. */
  public static final int MAX_BYTES = 2 * 1024 * 1024;

  static final int MAX_UNITS = 1000;

  private static final Set<String> LAUNCH_PARAMETERS =
      Set.of("endpoint", "fetch", "actor", "registration", "activityid");

  private static final Schema SCHEMA = loadSchema();

  private static Schema loadSchema() {
    try {
      var factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
      var xsd = Cmi5Reader.class.getResource("CourseStructure.xsd");
      return factory.newSchema(new StreamSource(xsd.openStream(), xsd.toString()));
    } catch (SAXException | IOException e) {
      throw new IllegalStateException("The shipped cmi5 schema cannot be loaded", e);
    }
  }

  /** Reads, validates and checks a cmi5.xml. */
  public Cmi5CourseStructure read(InputStream in) throws Cmi5Exception {
    var bytes = readLimited(in);
    var document = parse(bytes);
    var root = document.getDocumentElement();
    if (!NAMESPACE.equals(root.getNamespaceURI())
        || !"courseStructure".equals(root.getLocalName())) {
      throw new Cmi5Exception(
          "Tệp không phải cấu trúc khóa học cmi5: phần tử gốc phải là courseStructure của cmi5",
          "The file is not a cmi5 course structure: its root element must be courseStructure in"
              + " the namespace "
              + NAMESPACE
              + ", not "
              + (root.getNamespaceURI() == null ? "" : "{" + root.getNamespaceURI() + "}")
              + root.getLocalName());
    }
    validate(bytes);
    return structure(root);
  }

  private static byte[] readLimited(InputStream in) throws Cmi5Exception {
    var out = new ByteArrayOutputStream();
    var buffer = new byte[8192];
    try {
      for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
        if (out.size() + read > MAX_BYTES) {
          throw new Cmi5Exception(
              "Tệp lớn hơn " + MAX_BYTES / 1024 + " KB; tệp cmi5.xml nhỏ hơn nhiều",
              "The file is larger than " + MAX_BYTES / 1024 + " KB; a cmi5.xml is much smaller");
        }
        out.write(buffer, 0, read);
      }
    } catch (IOException e) {
      throw new Cmi5Exception(
          "Không đọc được tệp: " + e.getMessage(),
          "The file could not be read: " + e.getMessage(),
          e);
    }
    if (out.size() == 0) {
      throw new Cmi5Exception("Tệp rỗng", "The file is empty");
    }
    return out.toByteArray();
  }

  private static Document parse(byte[] bytes) throws Cmi5Exception {
    try {
      var factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.setXIncludeAware(false);
      factory.setExpandEntityReferences(false);
      var builder = factory.newDocumentBuilder();
      builder.setErrorHandler(null);
      return builder.parse(new ByteArrayInputStream(bytes));
    } catch (SAXParseException e) {
      throw new Cmi5Exception(
          "Tệp không phải XML hợp lệ: " + whereVietnamese(e),
          "The file is not well-formed XML: " + where(e),
          e);
    } catch (SAXException | IOException | ParserConfigurationException e) {
      throw new Cmi5Exception(
          "Tệp không phải XML hợp lệ: " + e.getMessage(),
          "The file is not well-formed XML: " + e.getMessage(),
          e);
    }
  }

  private static void validate(byte[] bytes) throws Cmi5Exception {
    try {
      var validator = SCHEMA.newValidator();
      validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
      validator.validate(new StreamSource(new ByteArrayInputStream(bytes)));
    } catch (SAXParseException e) {
      throw new Cmi5Exception(
          "Tệp không đúng lược đồ cmi5: " + whereVietnamese(e),
          "The file does not follow the cmi5 schema: " + where(e),
          e);
    } catch (SAXException | IOException e) {
      throw new Cmi5Exception(
          "Tệp không đúng lược đồ cmi5: " + e.getMessage(),
          "The file does not follow the cmi5 schema: " + e.getMessage(),
          e);
    }
  }

  private static String whereVietnamese(SAXParseException e) {
    return "dòng " + e.getLineNumber() + ", cột " + e.getColumnNumber() + ": " + e.getMessage();
  }

  private static String where(SAXParseException e) {
    return "line " + e.getLineNumber() + ", column " + e.getColumnNumber() + ": " + e.getMessage();
  }

  // ---- the valid document, walked ----

  private Cmi5CourseStructure structure(Element root) throws Cmi5Exception {
    var ids = new HashSet<String>();
    var course = child(root, "course");
    var courseId = id(course, "course", ids);
    var title = Texts.of(child(course, "title"));
    var description = Texts.of(child(course, "description"));
    if (title.chosen().isBlank()) {
      throw new Cmi5Exception(
          "Khóa học " + courseId + " chưa có tên", "course " + courseId + " has an empty title");
    }
    var objectives = optionalChild(root, "objectives");
    if (objectives != null) {
      for (var objective : children(objectives, "objective")) {
        id(objective, "objective", ids);
      }
    }
    var found = new ArrayList<Gathered>();
    collect(root, title.chosen(), found, ids, true);
    var modules =
        found.stream().map(g -> new Cmi5CourseStructure.Module(g.name(), g.units())).toList();
    var structure =
        new Cmi5CourseStructure(
            courseId,
            title.chosen(),
            title.english(),
            description.chosen(),
            description.english(),
            title.language(),
            modules);
    if (structure.unitCount() > MAX_UNITS) {
      throw new Cmi5Exception(
          "Khóa học có " + structure.unitCount() + " đơn vị học; tối đa " + MAX_UNITS,
          "The course has " + structure.unitCount() + " assignable units; at most " + MAX_UNITS);
    }
    return structure;
  }

  /**
   * The AUs directly in {@code container} form one module (named {@code name}), then each block
   * inside it is collected in document order. A module is made where its first AU is met, so the
   * order of lessons follows the file.
   */
  private void collect(
      Element container, String name, List<Gathered> modules, Set<String> ids, boolean top)
      throws Cmi5Exception {
    List<Cmi5CourseStructure.Unit> units = null;
    for (var element : elements(container)) {
      if (!NAMESPACE.equals(element.getNamespaceURI())) {
        continue; // extensions (§13.1.5) are allowed and ignored
      }
      switch (element.getLocalName()) {
        case "au" -> {
          if (units == null) {
            units = new ArrayList<>();
            modules.add(new Gathered(name, units));
          }
          units.add(unit(element, ids));
        }
        case "block" -> {
          var blockId = id(element, "block", ids);
          var blockTitle = Texts.of(child(element, "title")).chosen();
          if (blockTitle.isBlank()) {
            throw new Cmi5Exception(
                "Khối " + blockId + " chưa có tên", "block " + blockId + " has an empty title");
          }
          collect(element, top ? blockTitle : name + " › " + blockTitle, modules, ids, false);
        }
        default -> {
          // title, description, objectives, course: read elsewhere
        }
      }
    }
  }

  /** A module being gathered: its units list grows while the walk goes on. */
  private record Gathered(String name, List<Cmi5CourseStructure.Unit> units) {}

  private Cmi5CourseStructure.Unit unit(Element au, Set<String> ids) throws Cmi5Exception {
    var id = id(au, "au", ids);
    var where = "au " + id;
    var title = Texts.of(child(au, "title")).chosen();
    if (title.isBlank()) {
      throw new Cmi5Exception("Đơn vị học " + id + " chưa có tên", where + " has an empty title");
    }
    var url = launchUrl(child(au, "url").getTextContent().strip(), where);
    var launchMethod = LaunchMethod.ofCmi5(attribute(au, "launchMethod", "AnyWindow"));
    var moveOn = MoveOn.ofCmi5(attribute(au, "moveOn", "NotApplicable"));
    BigDecimal masteryScore = null;
    var score = attribute(au, "masteryScore", null);
    if (score != null) {
      masteryScore = new BigDecimal(score);
      if (masteryScore.stripTrailingZeros().scale() > 4) {
        throw new Cmi5Exception(
            "Đơn vị học "
                + id
                + " có masteryScore "
                + score
                + "; cmi5 chỉ cho phép tối đa 4 chữ số thập phân",
            where + " has masteryScore " + score + "; cmi5 allows at most 4 decimal places");
      }
    }
    var parameters = optionalChild(au, "launchParameters");
    return new Cmi5CourseStructure.Unit(
        id,
        title,
        Texts.of(child(au, "description")).chosen(),
        url,
        launchMethod,
        moveOn,
        masteryScore,
        parameters == null ? null : blankToNull(parameters.getTextContent().strip()));
  }

  private static String launchUrl(String url, String where) throws Cmi5Exception {
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      throw new Cmi5Exception(
          where.replace("au ", "Đơn vị học ") + " có địa chỉ không hợp lệ: " + url,
          where + " has a url that is not a valid address: " + url,
          e);
    }
    if (!uri.isAbsolute()) {
      throw new Cmi5Exception(
          where.replace("au ", "Đơn vị học ")
              + " có địa chỉ tương đối "
              + url
              + "; chỉ nhập tệp cmi5.xml (không kèm tệp của đơn vị học) nên địa chỉ phải là địa chỉ"
              + " https đầy đủ",
          where
              + " has the relative url "
              + url
              + "; only a cmi5.xml is imported, without the unit's files, so the url must be a"
              + " full https address");
    }
    if (!"https".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
      throw new Cmi5Exception(
          where.replace("au ", "Đơn vị học ")
              + " có địa chỉ "
              + url
              + "; địa chỉ phải bắt đầu bằng https",
          where + " has the url " + url + "; it must be an https address");
    }
    if (url.length() > 2000) {
      throw new Cmi5Exception(
          where.replace("au ", "Đơn vị học ") + " có địa chỉ dài quá 2000 ký tự",
          where + " has a url longer than 2000 characters");
    }
    if (uri.getRawQuery() != null) {
      for (var pair : uri.getRawQuery().split("&")) {
        var name = pair.split("=", 2)[0].toLowerCase(Locale.ROOT);
        if (LAUNCH_PARAMETERS.contains(name)) {
          throw new Cmi5Exception(
              where.replace("au ", "Đơn vị học ")
                  + " có địa chỉ dùng tham số \""
                  + pair.split("=", 2)[0]
                  + "\", tham số mà trình khởi chạy tự thêm (cmi5 §8.1)",
              where
                  + " has a url whose query uses \""
                  + pair.split("=", 2)[0]
                  + "\", a name the launcher adds itself (cmi5 §8.1)");
        }
      }
    }
    return uri.toString();
  }

  private static String id(Element element, String kind, Set<String> ids) throws Cmi5Exception {
    var id = element.getAttribute("id").strip();
    if (!ids.add(id)) {
      throw new Cmi5Exception(
          "Mã " + id + " bị dùng lại; mỗi mã trong tệp phải khác nhau (cmi5 §13.1)",
          kind
              + " "
              + id
              + " repeats an id used earlier in the file; ids must be unique (cmi5 §13.1)");
    }
    try {
      if (!new URI(id).isAbsolute()) {
        throw new Cmi5Exception(
            "Mã " + id + " không phải IRI tuyệt đối",
            kind + " id " + id + " is not an absolute IRI");
      }
    } catch (URISyntaxException e) {
      throw new Cmi5Exception(
          "Mã " + id + " không phải IRI hợp lệ", kind + " id " + id + " is not a valid IRI", e);
    }
    return id;
  }

  private static String attribute(Element element, String name, String fallback) {
    return element.hasAttribute(name) ? element.getAttribute(name).strip() : fallback;
  }

  private static String blankToNull(String text) {
    return text.isEmpty() ? null : text;
  }

  static List<Element> elements(Element parent) {
    var list = new ArrayList<Element>();
    for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
      if (node instanceof Element element) {
        list.add(element);
      }
    }
    return list;
  }

  private static List<Element> children(Element parent, String name) {
    return elements(parent).stream()
        .filter(e -> NAMESPACE.equals(e.getNamespaceURI()) && name.equals(e.getLocalName()))
        .toList();
  }

  private static Element optionalChild(Element parent, String name) {
    var found = children(parent, name);
    return found.isEmpty() ? null : found.get(0);
  }

  /** A child the schema guarantees. */
  private static Element child(Element parent, String name) {
    return children(parent, name).get(0);
  }

  /** The langstrings of a title or description: the one we show, and English when present. */
  record Texts(String chosen, String english, String language) {

    static Texts of(Element text) {
      String first = null;
      String firstLanguage = null;
      String vietnamese = null;
      String english = null;
      for (var langstring : children(text, "langstring")) {
        var value = langstring.getTextContent().strip().replaceAll("\\s+", " ");
        var lang = langstring.getAttribute("lang").strip().toLowerCase(Locale.ROOT);
        if (first == null) {
          first = value;
          firstLanguage = lang;
        }
        if (vietnamese == null && (lang.equals("vi") || lang.startsWith("vi-"))) {
          vietnamese = value;
        }
        if (english == null && (lang.equals("en") || lang.startsWith("en-"))) {
          english = value;
        }
      }
      if (vietnamese != null) {
        return new Texts(vietnamese, english, "vi");
      }
      var language = firstLanguage == null || firstLanguage.isEmpty() ? "vi" : firstLanguage;
      var chosenIsEnglish = language.equals("en") || language.startsWith("en-");
      return new Texts(first, chosenIsEnglish ? null : english, normalise(language));
    }

    /** "en-us" back to the BCP 47 case "en-US"; the course model checks the shape. */
    private static String normalise(String tag) {
      var parts = tag.split("-");
      var out = new StringBuilder(parts[0]);
      for (int i = 1; i < parts.length; i++) {
        out.append('-')
            .append(parts[i].length() == 2 ? parts[i].toUpperCase(Locale.ROOT) : parts[i]);
      }
      return out.toString();
    }
  }
}
