/**
 * The course package: a zip with {@code course.json} and the media files it refers to, written and
 * read here so that a course moves between platforms (or is kept outside one) without loss. The
 * format is described in {@code course-content/PACKAGE-FORMAT.md}.
 */
package vn.hocso.content.packaging;
