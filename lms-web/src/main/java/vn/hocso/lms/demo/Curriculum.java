package vn.hocso.lms.demo;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import vn.hocso.content.course.domain.Course;
import vn.hocso.content.packaging.CoursePackageException;
import vn.hocso.content.packaging.CoursePackageReader;

/**
 * The seeded digital-skills curriculum: {@code curriculum/index.txt} lists the courses in display
 * order, each kept as the {@code course.json} of an unzipped course package (see
 * course-content/PACKAGE-FORMAT.md), read through the same reader as an uploaded package.
 */
public final class Curriculum {

  static final String ROOT = "/curriculum/";

  private Curriculum() {}

  /** The slugs in display order. */
  public static List<String> slugs() {
    try (var in = resource(ROOT + "index.txt")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8)
          .lines()
          .map(String::strip)
          .filter(line -> !line.isEmpty() && !line.startsWith("#"))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every course as a new, unpublished draft. */
  public static List<Course> courses() {
    var courses = new ArrayList<Course>();
    for (var slug : slugs()) {
      courses.add(read(slug));
    }
    return courses;
  }

  /** One course as a new, unpublished draft. */
  public static Course read(String slug) {
    try (var in = resource(ROOT + slug + "/course.json")) {
      var zip = new ByteArrayOutputStream();
      try (var out = new ZipOutputStream(zip)) {
        out.putNextEntry(new ZipEntry("course.json"));
        in.transferTo(out);
        out.closeEntry();
      }
      return new CoursePackageReader().read(new ByteArrayInputStream(zip.toByteArray())).course();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (CoursePackageException e) {
      throw new IllegalStateException(
          "The seeded course " + slug + " is broken: " + e.getMessage(), e);
    }
  }

  private static InputStream resource(String name) {
    var in = Curriculum.class.getResourceAsStream(name);
    if (in == null) {
      throw new IllegalStateException("The curriculum file " + name + " is not on the classpath");
    }
    return in;
  }
}
